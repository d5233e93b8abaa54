import { canonicalEncoding, genesisHash, linkHash, verifyChain, type ChainLink, type StoredLink } from './ballot-chain';

const COOP = '11111111-1111-4111-8111-111111111111';
const PROPOSAL = '22222222-2222-4222-8222-222222222222';
const A = '33333333-3333-4333-8333-333333333333';
const B = '44444444-4444-4444-8444-444444444444';

function chain(n: number): StoredLink[] {
  const links: StoredLink[] = [];
  let prev = genesisHash(COOP, PROPOSAL);
  for (let i = 1; i <= n; i += 1) {
    const link: ChainLink = {
      coopId: COOP,
      proposalId: PROPOSAL,
      seq: i,
      kind: i === 2 ? 'proxy' : 'vote',
      voterId: i % 2 ? A : B,
      castBy: i % 2 ? A : B,
      choice: i === 2 ? null : 'yes',
      holderId: i === 2 ? A : null,
      castAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
      prevHash: prev,
    };
    const hash = linkHash(link);
    links.push({ ...link, hash });
    prev = hash;
  }
  return links;
}

describe('the ballot chain', () => {
  it('encodes a link canonically: fixed order, lower-case ids, ISO time', () => {
    const link = chain(1)[0] as StoredLink;
    const upper = { ...link, voterId: link.voterId.toUpperCase() };
    expect(canonicalEncoding(upper)).toBe(canonicalEncoding(link));
    expect(canonicalEncoding(link)).toContain('"2026-01-01T00:00:01.000Z"');
    expect(linkHash(link)).toMatch(/^[0-9a-f]{64}$/);
    expect(genesisHash(COOP, PROPOSAL)).not.toBe(genesisHash(COOP, A));
  });

  it('verifies an intact chain in any row order, and an empty one', () => {
    const links = chain(4);
    const head = links[3]?.hash as string;
    expect(verifyChain(COOP, PROPOSAL, [...links].reverse(), head, 4)).toMatchObject({ ok: true, head, ballots: 4 });
    expect(verifyChain(COOP, PROPOSAL, [], null, 0)).toMatchObject({ ok: true, ballots: 0 });
  });

  it('names the first broken link: changed, deleted, reordered, appended, truncated', () => {
    const links = chain(5);
    const head = links[4]?.hash as string;
    for (let i = 0; i < 5; i += 1) {
      const changed = links.map((l, j) =>
        j === i
          ? { ...l, choice: l.choice === 'yes' ? ('no' as const) : l.choice, castAt: new Date(l.castAt.getTime() + 1) }
          : l,
      );
      expect([i, verifyChain(COOP, PROPOSAL, changed, head, 5).brokenAt]).toEqual([i, i + 1]);
      const deleted = links.filter((_, j) => j !== i);
      expect([i, verifyChain(COOP, PROPOSAL, deleted, head, 5).brokenAt]).toEqual([i, i + 1]);
    }
    for (let i = 0; i < 4; i += 1) {
      const swapped = links.map((l, j) =>
        j === i
          ? { ...(links[i + 1] as StoredLink), seq: i + 1 }
          : j === i + 1
            ? { ...(links[i] as StoredLink), seq: i + 2 }
            : l,
      );
      expect([i, verifyChain(COOP, PROPOSAL, swapped, head, 5).brokenAt]).toEqual([i, i + 1]);
    }
    const extra = chain(6);
    expect(verifyChain(COOP, PROPOSAL, extra, head, 5)).toMatchObject({ ok: false, brokenAt: 6 });
  });
});
