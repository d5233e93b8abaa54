import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { BallotChoice, BallotKind, BallotReceipt, ChainVerification } from '@federacycle/contracts';
import { CLOCK, SettingsReader, type Clock } from '@federacycle/federation-server';
import { Database, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { chainOf, proposalOr404 } from '../proposals/proposals.service';
import { Proposal } from '../proposals/proposal.entity';
import { Ballot, ProposalVoter } from './ballot.entity';
import { genesisHash, linkHash, verifyChain, type ChainLink } from './ballot-chain';

interface NewLink {
  kind: BallotKind;
  voterId: string;
  castBy: string;
  choice: BallotChoice | null;
  holderId: string | null;
}

/**
 * Votes and proxies. Every write locks the proposal row (`select ... for update`), so one
 * proposal's chain grows one link at a time: the next link's seq and previous hash are read under
 * the lock and written with the new head in the same transaction. 500 members voting in the same
 * second queue on that lock; none is lost, none counted twice (the last vote of each counts).
 */
@Injectable()
export class VotingService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(SettingsReader) private readonly settings: SettingsReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The caller votes, for themselves or for the member whose proxy they hold (`onBehalfOf`). */
  vote(
    coopId: string,
    proposalId: string,
    callerId: string,
    choice: BallotChoice,
    onBehalfOf?: string,
  ): Promise<BallotReceipt> {
    return this.db.unitOfWork(async (tx) => {
      const { proposal, now } = await this.openProposal(tx, coopId, proposalId);
      const voterId = onBehalfOf ?? callerId;
      await this.requireVoter(tx.manager, coopId, proposalId, callerId);
      if (voterId !== callerId) {
        await this.requireVoter(tx.manager, coopId, proposalId, voterId);
        if ((await this.proxyHolderOf(tx.manager, coopId, proposalId, voterId)) !== callerId) {
          throw ApiException.forbidden('You do not hold this member’s proxy for this proposal.');
        }
      } else if ((await this.proxyHolderOf(tx.manager, coopId, proposalId, callerId)) !== null) {
        throw new ApiException(
          409,
          'VOTE_GIVEN_BY_PROXY',
          'You gave your vote by proxy: take the proxy back to vote yourself.',
        );
      }
      const last = await tx.manager.findOne(Ballot, {
        where: { coopId, proposalId, voterId, kind: 'vote' },
        order: { seq: 'DESC' },
      });
      if (last && last.castAt.getTime() === now.getTime()) {
        throw new ApiException(
          409,
          'VOTE_SAME_INSTANT',
          'This vote was already recorded at the same instant; try again.',
        );
      }
      return this.append(tx, proposal, now, { kind: 'vote', voterId, castBy: callerId, choice, holderId: null });
    });
  }

  /** The caller gives their vote on this proposal to another voter. */
  grantProxy(coopId: string, proposalId: string, callerId: string, holderId: string): Promise<BallotReceipt> {
    return this.db.unitOfWork(async (tx) => {
      if (holderId === callerId) throw new ApiException(422, 'PROXY_TO_SELF', 'You cannot give your vote to yourself.');
      const { proposal, now } = await this.openProposal(tx, coopId, proposalId);
      await this.requireVoter(tx.manager, coopId, proposalId, callerId);
      const holder = await tx.manager.findOne(ProposalVoter, { where: { coopId, proposalId, userId: holderId } });
      if (!holder) throw new ApiException(422, 'NOT_A_VOTER', 'This member is not among the voters of this proposal.');
      const proxies = await this.activeProxies(tx.manager, coopId, proposalId);
      if (proxies.has(callerId)) {
        throw ApiException.conflict('CONFLICT', 'You already gave your vote to a member: take it back first.');
      }
      if (proxies.has(holderId) || [...proxies.values()].includes(callerId)) {
        throw new ApiException(
          422,
          'PROXY_CHAIN',
          'A proxy cannot be passed on: choose a member who holds no proxy and gave none, and give back the proxies you hold.',
        );
      }
      const { max_proxies_per_holder: max } = await this.settings.coop(coopId);
      const held = [...proxies.values()].filter((h) => h === holderId).length;
      if (held >= max) {
        throw new ApiException(
          422,
          'TOO_MANY_PROXIES',
          max === 0
            ? 'The cooperative allows no proxies.'
            : `This member already holds ${held} proxies, the most allowed.`,
        );
      }
      return this.append(tx, proposal, now, {
        kind: 'proxy',
        voterId: callerId,
        castBy: callerId,
        choice: null,
        holderId,
      });
    });
  }

  /** The caller takes back the vote they gave. */
  revokeProxy(coopId: string, proposalId: string, callerId: string): Promise<BallotReceipt> {
    return this.db.unitOfWork(async (tx) => {
      const { proposal, now } = await this.openProposal(tx, coopId, proposalId);
      await this.requireVoter(tx.manager, coopId, proposalId, callerId);
      if ((await this.proxyHolderOf(tx.manager, coopId, proposalId, callerId)) === null) {
        throw ApiException.conflict('CONFLICT', 'You have not given your vote to anyone on this proposal.');
      }
      return this.append(tx, proposal, now, {
        kind: 'proxy_revoked',
        voterId: callerId,
        castBy: callerId,
        choice: null,
        holderId: null,
      });
    });
  }

  /** Recomputes the chain from the stored rows and names the first broken link. */
  verify(coopId: string, proposalId: string): Promise<ChainVerification> {
    return this.db.read(async (manager) => {
      const proposal = await proposalOr404(manager, coopId, proposalId);
      if (proposal.status === 'draft') throw ApiException.notFound('Proposal');
      return verifyIn(manager, proposal);
    });
  }

  private async openProposal(tx: Tx, coopId: string, proposalId: string): Promise<{ proposal: Proposal; now: Date }> {
    const proposal = await tx.manager.findOne(Proposal, {
      where: { coopId, id: proposalId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!proposal) throw ApiException.notFound('Proposal');
    const now = this.clock.now();
    if (proposal.status !== 'open' || now < proposal.opensAt || now >= proposal.closesAt) {
      throw new ApiException(
        409,
        'VOTING_NOT_OPEN',
        now >= proposal.closesAt || proposal.status === 'closed' || proposal.status === 'enacted'
          ? 'Voting on this proposal has closed.'
          : 'Voting on this proposal is not open.',
      );
    }
    return { proposal, now };
  }

  private async requireVoter(
    manager: EntityManager,
    coopId: string,
    proposalId: string,
    userId: string,
  ): Promise<void> {
    const voter = await manager.findOne(ProposalVoter, { where: { coopId, proposalId, userId } });
    if (!voter) {
      throw new ApiException(
        403,
        'NOT_A_VOTER',
        'You are not among the voters of this proposal (fixed when voting opened).',
      );
    }
  }

  /** Who holds `voterId`'s proxy now (their last proxy or proxy_revoked link), or null. */
  private async proxyHolderOf(
    manager: EntityManager,
    coopId: string,
    proposalId: string,
    voterId: string,
  ): Promise<string | null> {
    const last = await manager
      .getRepository(Ballot)
      .createQueryBuilder('b')
      .where(`b.coopId = :coopId and b.proposalId = :proposalId and b.voterId = :voterId and b.kind <> 'vote'`, {
        coopId,
        proposalId,
        voterId,
      })
      .orderBy('b.seq', 'DESC')
      .limit(1)
      .getOne();
    return last?.kind === 'proxy' ? last.holderId : null;
  }

  /** grantor → holder of every active proxy of the proposal (one statement). */
  private async activeProxies(
    manager: EntityManager,
    coopId: string,
    proposalId: string,
  ): Promise<Map<string, string>> {
    const rows = await manager
      .getRepository(Ballot)
      .createQueryBuilder('b')
      .distinctOn(['b.voterId'])
      .where(`b.coopId = :coopId and b.proposalId = :proposalId and b.kind <> 'vote'`, { coopId, proposalId })
      .orderBy('b.voterId')
      .addOrderBy('b.seq', 'DESC')
      .getMany();
    return new Map(rows.filter((r) => r.kind === 'proxy' && r.holderId).map((r) => [r.voterId, r.holderId as string]));
  }

  /** Appends a link under the proposal's lock: seq and previous hash from the locked row. */
  private async append(tx: Tx, proposal: Proposal, now: Date, link: NewLink): Promise<BallotReceipt> {
    const seq = proposal.ballotCount + 1;
    const prevHash = proposal.chainHead || genesisHash(proposal.coopId, proposal.id);
    const content: ChainLink = {
      coopId: proposal.coopId,
      proposalId: proposal.id,
      seq,
      castAt: now,
      prevHash,
      ...link,
    };
    const hash = linkHash(content);
    await tx.manager.insert(Ballot, { ...content, hash });
    const touched = await tx.execute(
      'update proposals set ballot_count = $3, chain_head = $4 where coop_id = $1 and id = $2 and ballot_count = $5',
      [proposal.coopId, proposal.id, seq, hash, proposal.ballotCount],
    );
    if (touched !== 1) throw ApiException.conflict('CONFLICT', 'The proposal changed meanwhile; try again.');
    return { seq, hash, chainHead: hash, castAt: now.toISOString() };
  }
}

/** Verifies a proposal's chain with any manager (the verify route, the close job). */
export async function verifyIn(manager: EntityManager, proposal: Proposal): Promise<ChainVerification> {
  const rows = await chainOf(manager, proposal.coopId, proposal.id);
  return verifyChain(proposal.coopId, proposal.id, rows, proposal.chainHead || null, proposal.ballotCount);
}
