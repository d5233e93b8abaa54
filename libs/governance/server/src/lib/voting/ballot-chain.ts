import { createHash } from 'node:crypto';
import type { BallotChoice, BallotKind, ChainVerification } from '@federacycle/contracts';

/** A chain row's content, as hashed (everything but its own hash). */
export interface ChainLink {
  coopId: string;
  proposalId: string;
  seq: number;
  kind: BallotKind;
  voterId: string;
  castBy: string;
  choice: BallotChoice | null;
  holderId: string | null;
  castAt: Date;
  prevHash: string;
}

export interface StoredLink extends ChainLink {
  hash: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The value before the first link of a proposal's chain. */
export function genesisHash(coopId: string, proposalId: string): string {
  return sha256(`federacycle-ballots-v1\n${coopId}\n${proposalId}`);
}

/**
 * The canonical encoding of a link: a JSON array in a fixed order of fixed types (ids lower-case,
 * the time as ISO-8601 UTC with milliseconds), so the same content always hashes the same and
 * no two contents share an encoding.
 */
export function canonicalEncoding(link: ChainLink): string {
  return JSON.stringify([
    'federacycle-ballot-v1',
    link.coopId.toLowerCase(),
    link.proposalId.toLowerCase(),
    link.seq,
    link.kind,
    link.voterId.toLowerCase(),
    link.castBy.toLowerCase(),
    link.choice,
    link.holderId === null ? null : link.holderId.toLowerCase(),
    link.castAt.toISOString(),
    link.prevHash,
  ]);
}

export function linkHash(link: ChainLink): string {
  return sha256(canonicalEncoding(link));
}

/**
 * Recomputes a proposal's chain from its stored rows (in any order: they are sorted by seq) and
 * names the first link that does not verify: a changed row (its hash no longer matches its
 * content), a deleted or reordered row (a missing or repeated seq, or a previous hash that is not
 * the hash of the row before), a row added at the end (the head differs from the recorded one).
 */
export function verifyChain(
  coopId: string,
  proposalId: string,
  rows: readonly StoredLink[],
  recordedHead: string | null,
  recordedCount: number | null,
): ChainVerification {
  const sorted = [...rows].sort((a, b) => a.seq - b.seq);
  let prev = genesisHash(coopId, proposalId);
  const broken = (at: number, reason: string): ChainVerification => ({
    ok: false,
    ballots: sorted.length,
    head: prev,
    brokenAt: at,
    reason,
  });
  for (let i = 0; i < sorted.length; i += 1) {
    const row = sorted[i] as StoredLink;
    const expectedSeq = i + 1;
    if (row.seq !== expectedSeq) return broken(expectedSeq, `link ${expectedSeq} is missing (found ${row.seq})`);
    if (row.prevHash !== prev) return broken(expectedSeq, `link ${expectedSeq} does not follow link ${i}`);
    if (row.coopId !== coopId || row.proposalId !== proposalId)
      return broken(expectedSeq, `link ${expectedSeq} is of another proposal`);
    if (linkHash(row) !== row.hash) return broken(expectedSeq, `link ${expectedSeq} was changed after it was cast`);
    prev = row.hash;
  }
  if (recordedCount !== null && recordedCount !== sorted.length) {
    return broken(
      Math.min(recordedCount, sorted.length) + 1,
      `the proposal counted ${recordedCount} links, the chain has ${sorted.length}`,
    );
  }
  if (recordedHead !== null && sorted.length > 0 && recordedHead !== prev) {
    return broken(sorted.length, 'the chain head differs from the one recorded');
  }
  return { ok: true, ballots: sorted.length, head: prev, brokenAt: null, reason: null };
}
