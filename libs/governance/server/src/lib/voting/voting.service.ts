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

  /**
   * The caller votes, for themselves or for the member whose proxy they hold (`onBehalfOf`).
   * Three statements: the proposal's row lock, then (a new statement, so a snapshot taken after
   * the lock was granted: it sees the ballots of whoever held the lock before) the snapshot and
   * chain state the rules need, then the link appended with the head moved.
   */
  vote(
    coopId: string,
    proposalId: string,
    callerId: string,
    choice: BallotChoice,
    onBehalfOf?: string,
  ): Promise<BallotReceipt> {
    const voterId = onBehalfOf ?? callerId;
    return this.db.unitOfWork(async (tx) => {
      const locked = await tx.maybeOne('select 1 from proposals where coop_id = $1 and id = $2 for update', [
        coopId,
        proposalId,
      ]);
      if (!locked) throw ApiException.notFound('Proposal');
      const state = await tx.maybeOne<VoteState>(VOTE_STATE_SQL, [coopId, proposalId, callerId, voterId]);
      if (!state) throw ApiException.notFound('Proposal');
      const proposal = this.proposalOf(state);
      const now = this.assertOpen(proposal);
      if (!state.caller_is_voter || !state.voter_is_voter) {
        throw new ApiException(
          403,
          'NOT_A_VOTER',
          voterId === callerId || !state.caller_is_voter
            ? 'You are not among the voters of this proposal (fixed when voting opened).'
            : 'This member is not among the voters of this proposal.',
        );
      }
      const holder = state.proxy_kind === 'proxy' ? state.proxy_holder : null;
      if (voterId !== callerId && holder !== callerId) {
        throw ApiException.forbidden('You do not hold this member’s proxy for this proposal.');
      }
      if (voterId === callerId && holder !== null) {
        throw new ApiException(
          409,
          'VOTE_GIVEN_BY_PROXY',
          'You gave your vote by proxy: take the proxy back to vote yourself.',
        );
      }
      if (state.last_cast_at && new Date(state.last_cast_at).getTime() === now.getTime()) {
        throw new ApiException(
          409,
          'VOTE_SAME_INSTANT',
          'This vote was already recorded at the same instant; try again.',
        );
      }
      return this.append(tx, proposal, now, { kind: 'vote', voterId, castBy: callerId, choice, holderId: null });
    });
  }

  private proposalOf(state: VoteState): Proposal {
    return Object.assign(new Proposal(), {
      coopId: state.coop_id,
      id: state.id,
      status: state.status,
      opensAt: new Date(state.opens_at),
      closesAt: new Date(state.closes_at),
      ballotCount: state.ballot_count,
      chainHead: state.chain_head,
    });
  }

  private assertOpen(proposal: Pick<Proposal, 'status' | 'opensAt' | 'closesAt'>): Date {
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
    return now;
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

  /** Appends a link under the proposal's lock: seq and previous hash from the locked row; one statement. */
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
    const touched = await tx.execute(APPEND_SQL, [
      proposal.coopId,
      proposal.id,
      seq,
      link.kind,
      link.voterId,
      link.castBy,
      link.choice,
      link.holderId,
      now,
      prevHash,
      hash,
      proposal.ballotCount,
    ]);
    if (touched !== 1) throw ApiException.conflict('CONFLICT', 'The proposal changed meanwhile; try again.');
    return { seq, hash, chainHead: hash, castAt: now.toISOString() };
  }
}

interface VoteState {
  coop_id: string;
  id: string;
  status: Proposal['status'];
  opens_at: Date;
  closes_at: Date;
  ballot_count: number;
  chain_head: string;
  caller_is_voter: boolean;
  voter_is_voter: boolean;
  proxy_kind: BallotKind | null;
  proxy_holder: string | null;
  last_cast_at: Date | null;
}

/**
 * The proposal (already locked by this transaction) and what the voting rules read, in one
 * statement. Never in the locking statement itself: under READ COMMITTED a statement that waited
 * for a row lock re-reads that row but not the ballots its subqueries see.
 */
const VOTE_STATE_SQL = `
  select p.coop_id, p.id, p.status, p.opens_at, p.closes_at, p.ballot_count, p.chain_head,
         exists (select 1 from proposal_voters v where v.coop_id = p.coop_id and v.proposal_id = p.id and v.user_id = $3) as caller_is_voter,
         exists (select 1 from proposal_voters v where v.coop_id = p.coop_id and v.proposal_id = p.id and v.user_id = $4) as voter_is_voter,
         x.kind as proxy_kind, x.holder_id as proxy_holder,
         (select b.cast_at from ballots b where b.coop_id = p.coop_id and b.proposal_id = p.id and b.voter_id = $4 and b.kind = 'vote'
           order by b.seq desc limit 1) as last_cast_at
    from proposals p
    left join lateral (select b.kind, b.holder_id from ballots b
                        where b.coop_id = p.coop_id and b.proposal_id = p.id and b.voter_id = $4 and b.kind <> 'vote'
                        order by b.seq desc limit 1) x on true
   where p.coop_id = $1 and p.id = $2`;

/** The new link and the proposal's new head, in one statement (the head moves only from the count read). */
const APPEND_SQL = `
  with link as (
    insert into ballots (coop_id, proposal_id, seq, kind, voter_id, cast_by, choice, holder_id, cast_at, prev_hash, hash)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
    returning seq
  )
  update proposals set ballot_count = $3, chain_head = $11
   where coop_id = $1 and id = $2 and ballot_count = $12 and exists (select 1 from link)`;

/** Verifies a proposal's chain with any manager (the verify route, the close job). */
export async function verifyIn(manager: EntityManager, proposal: Proposal): Promise<ChainVerification> {
  const rows = await chainOf(manager, proposal.coopId, proposal.id);
  return verifyChain(proposal.coopId, proposal.id, rows, proposal.chainHead || null, proposal.ballotCount);
}
