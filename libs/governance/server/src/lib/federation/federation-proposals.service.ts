import { Inject, Injectable, Logger } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type {
  BallotChoice,
  BallotReceipt,
  ChainVerification,
  FederationSettingValues,
  ProposalTally,
} from '@federacycle/contracts';
import {
  CLOCK,
  SettingsReader,
  readFederationSettings,
  writeSettingVersions,
  type Clock,
} from '@federacycle/federation-server';
import { User } from '@federacycle/identity-server';
import { Coop, Database } from '@federacycle/platform-database';
import { ApiException, type Caller } from '@federacycle/platform-http';
import { validateDraft } from '../proposals/proposal-rules';
import type { CreateProposalDto } from '../proposals/proposals.dto';
import { genesisHash, linkHash, verifyChain, type ChainLink, type StoredLink } from '../voting/ballot-chain';
import { tallyOf } from '../voting/tally';
import {
  CoopDelegate,
  FederationBallot,
  FederationProposal,
  FederationProposalVoter,
} from './federation-proposal.entity';

/** The chain of a federation proposal is keyed by this in place of a coop. */
export const FEDERATION_CHAIN_ID = '00000000-0000-0000-0000-000000000000';

const toLink = (b: FederationBallot): StoredLink => ({
  coopId: FEDERATION_CHAIN_ID,
  proposalId: b.proposalId,
  seq: b.seq,
  kind: 'vote',
  voterId: b.votingCoopId,
  castBy: b.castBy,
  choice: b.choice,
  holderId: null,
  castAt: b.castAt,
  prevHash: b.prevHash,
  hash: b.hash,
});

export interface FederationProposalView {
  id: string;
  title: string;
  rationale: string;
  status: FederationProposal['status'];
  outcome: FederationProposal['outcome'];
  opensAt: string;
  closesAt: string;
  quorumPercent: number;
  thresholdPercent: number;
  hiddenResults: boolean;
  statutory: boolean;
  changes: Array<{ key: string; from: unknown; to: unknown }>;
  voters: number;
  voted: number;
  chainHead: string;
  ballotCount: number;
  tally: ProposalTally | null;
  me: { isDelegate: boolean; coopVoter: boolean; coopChoice: BallotChoice | null };
}

const isFederationAdmin = (caller: Caller) => caller.platformRoles.includes('federation_admin');
const isCoopMember = (caller: Caller) =>
  caller.coopId !== null && (caller.roles.includes('member') || caller.roles.includes('coop_admin'));

/**
 * Federation proposals: drafted by a federation admin or a coop's delegate, open to every active
 * coop's delegates (one vote per coop) and readable by the coops' members and admins. Voting
 * serialises on the proposal's row lock; the chain and the tally are the coop proposals' own
 * (each coop is one voter of weight 1). Closing a passed one writes federation setting versions.
 */
@Injectable()
export class FederationProposalsService {
  private readonly logger = new Logger('governance');

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(SettingsReader) private readonly settings: SettingsReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private assertReader(caller: Caller): void {
    if (!isFederationAdmin(caller) && !isCoopMember(caller)) {
      throw ApiException.forbidden('Federation proposals are for the federation and the coops’ members.');
    }
  }

  private async isDelegate(caller: Caller): Promise<boolean> {
    const coopId = caller.coopId;
    if (coopId === null) return false;
    return this.db.forCoop(
      coopId,
      async ({ manager }) => (await manager.count(CoopDelegate, { where: { coopId, userId: caller.userId } })) > 0,
    );
  }

  async create(caller: Caller, body: CreateProposalDto): Promise<FederationProposalView> {
    this.assertReader(caller);
    if (!isFederationAdmin(caller) && !(await this.isDelegate(caller))) {
      throw ApiException.forbidden('Only a federation admin or a coop’s delegate drafts federation proposals.');
    }
    const quorumPercent = body.quorumPercent ?? 50;
    const thresholdPercent = body.thresholdPercent ?? 50;
    const valid = validateDraft('federation', {
      changes: body.changes,
      opensAt: new Date(body.opensAt),
      closesAt: new Date(body.closesAt),
      quorumPercent,
      thresholdPercent,
    });
    const id = await this.db.platform(async ({ manager }) => {
      const inserted = await manager.insert(FederationProposal, {
        authorId: caller.userId,
        authorCoopId: isFederationAdmin(caller) ? null : caller.coopId,
        title: body.title.trim(),
        rationale: body.rationale,
        changes: valid.changes.map((c) => ({ key: c.key, to: c.value })),
        opensAt: new Date(body.opensAt),
        closesAt: new Date(body.closesAt),
        quorumPercent,
        thresholdPercent,
        hiddenResults: body.hiddenResults ?? false,
        statutory: valid.statutory,
      });
      return (inserted.identifiers[0] as Pick<FederationProposal, 'id'>).id;
    });
    return this.get(caller, id);
  }

  async list(caller: Caller): Promise<FederationProposalView[]> {
    this.assertReader(caller);
    const current = await this.settings.federation();
    const delegate = await this.isDelegate(caller);
    return this.db.readPlatform(async (manager) => {
      const rows = await manager.find(FederationProposal, { order: { closesAt: 'DESC' }, take: 100 });
      return Promise.all(rows.map((p) => this.viewIn(manager, p, caller, delegate, current)));
    });
  }

  async get(caller: Caller, id: string): Promise<FederationProposalView> {
    this.assertReader(caller);
    const current = await this.settings.federation();
    const delegate = await this.isDelegate(caller);
    return this.db.readPlatform(async (manager) => {
      const p = await manager.findOne(FederationProposal, { where: { id } });
      if (!p) throw ApiException.notFound('Proposal');
      return this.viewIn(manager, p, caller, delegate, current);
    });
  }

  private async viewIn(
    manager: EntityManager,
    p: FederationProposal,
    caller: Caller,
    delegate: boolean,
    current: FederationSettingValues,
  ): Promise<FederationProposalView> {
    const voters = await manager.find(FederationProposalVoter, { where: { proposalId: p.id } });
    const ballots = await manager.find(FederationBallot, { where: { proposalId: p.id }, order: { seq: 'ASC' } });
    const counted = new Map<string, BallotChoice>();
    for (const b of ballots) counted.set(b.votingCoopId, b.choice);
    const visible = p.status === 'closed' || p.status === 'enacted' || (p.status === 'open' && !p.hiddenResults);
    return {
      id: p.id,
      title: p.title,
      rationale: p.rationale,
      status: p.status,
      outcome: p.outcome,
      opensAt: p.opensAt.toISOString(),
      closesAt: p.closesAt.toISOString(),
      quorumPercent: p.quorumPercent,
      thresholdPercent: p.thresholdPercent,
      hiddenResults: p.hiddenResults,
      statutory: p.statutory,
      changes: p.changes.map((c) => ({
        key: c.key,
        from: c.from ?? current[c.key as keyof FederationSettingValues],
        to: c.to,
      })),
      voters: voters.length,
      voted: counted.size,
      chainHead: p.chainHead,
      ballotCount: p.ballotCount,
      tally: visible ? (p.tally ?? this.tally(p, voters, ballots)) : null,
      me: {
        isDelegate: delegate,
        coopVoter: caller.coopId !== null && voters.some((v) => v.votingCoopId === caller.coopId),
        coopChoice: caller.coopId ? (counted.get(caller.coopId) ?? null) : null,
      },
    };
  }

  private tally(p: FederationProposal, voters: FederationProposalVoter[], ballots: FederationBallot[]): ProposalTally {
    return tallyOf(
      voters.map((v) => ({ userId: v.votingCoopId, collegeId: null, collegeName: null, collegeWeight: 1 })),
      ballots.map(toLink),
      p.quorumPercent,
      p.thresholdPercent,
      p.chainHead,
    );
  }

  /** A delegate casts their coop's vote (the last counts). */
  async vote(caller: Caller, id: string, choice: BallotChoice): Promise<BallotReceipt> {
    this.assertReader(caller);
    const coopId = caller.coopId;
    if (coopId === null || !(await this.isDelegate(caller))) {
      throw ApiException.forbidden('Only a coop’s delegate votes on federation proposals, for their coop.');
    }
    return this.db.platform(async (tx) => {
      const p = await tx.manager.findOne(FederationProposal, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!p) throw ApiException.notFound('Proposal');
      const now = this.clock.now();
      if (p.status !== 'open' || now < p.opensAt || now >= p.closesAt) {
        throw new ApiException(409, 'VOTING_NOT_OPEN', 'Voting on this proposal is not open.');
      }
      const voter = await tx.manager.findOne(FederationProposalVoter, {
        where: { proposalId: id, votingCoopId: coopId },
      });
      if (!voter) throw new ApiException(403, 'NOT_A_VOTER', 'Your cooperative was not active when voting opened.');
      const last = await tx.manager.findOne(FederationBallot, {
        where: { proposalId: id, votingCoopId: coopId },
        order: { seq: 'DESC' },
      });
      if (last && last.castAt.getTime() === now.getTime()) {
        throw new ApiException(
          409,
          'VOTE_SAME_INSTANT',
          'This vote was already recorded at the same instant; try again.',
        );
      }
      const seq = p.ballotCount + 1;
      const link: ChainLink = {
        coopId: FEDERATION_CHAIN_ID,
        proposalId: id,
        seq,
        kind: 'vote',
        voterId: coopId,
        castBy: caller.userId,
        choice,
        holderId: null,
        castAt: now,
        prevHash: p.chainHead || genesisHash(FEDERATION_CHAIN_ID, id),
      };
      const hash = linkHash(link);
      await tx.manager.insert(FederationBallot, {
        proposalId: id,
        seq,
        votingCoopId: coopId,
        castBy: caller.userId,
        choice,
        castAt: now,
        prevHash: link.prevHash,
        hash,
      });
      const touched = await tx.execute(
        'update federation_proposals set ballot_count = $2, chain_head = $3 where id = $1 and ballot_count = $4',
        [id, seq, hash, p.ballotCount],
      );
      if (touched !== 1) throw ApiException.conflict('CONFLICT', 'The proposal changed meanwhile; try again.');
      return { seq, hash, chainHead: hash, castAt: now.toISOString() };
    });
  }

  async verify(caller: Caller, id: string): Promise<ChainVerification> {
    this.assertReader(caller);
    return this.db.readPlatform(async (manager) => {
      const p = await manager.findOne(FederationProposal, { where: { id } });
      if (!p) throw ApiException.notFound('Proposal');
      const ballots = await manager.find(FederationBallot, { where: { proposalId: id } });
      return verifyChain(FEDERATION_CHAIN_ID, id, ballots.map(toLink), p.chainHead || null, p.ballotCount);
    });
  }

  /** The worker's steps (sweep): open due proposals with a snapshot of the active coops, close due ones. */
  async sweep(): Promise<number> {
    const now = this.clock.now();
    const due = await this.db.platform(({ manager }) =>
      manager
        .getRepository(FederationProposal)
        .createQueryBuilder('p')
        .select(['p.id', 'p.status'])
        .where(`(p.status = 'scheduled' and p.opensAt <= :now) or (p.status = 'open' and p.closesAt <= :now)`, { now })
        .getMany(),
    );
    for (const p of due) {
      if (p.status === 'scheduled') await this.open(p.id, now);
      else await this.close(p.id, now);
    }
    return due.length;
  }

  async open(id: string, now = this.clock.now()): Promise<boolean> {
    return this.db.platform(async ({ manager }) => {
      const p = await manager.findOne(FederationProposal, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!p || p.status !== 'scheduled' || now < p.opensAt) return false;
      const coops = await manager.find(Coop, { where: { status: 'active' }, select: { id: true } });
      if (coops.length) {
        await manager.insert(
          FederationProposalVoter,
          coops.map((c) => ({ proposalId: id, votingCoopId: c.id })),
        );
      }
      await manager.update(FederationProposal, { id }, { status: 'open', openedAt: now });
      return true;
    });
  }

  async close(id: string, now = this.clock.now()): Promise<boolean> {
    const passed = await this.db.platform(async (tx) => {
      const { manager } = tx;
      const p = await manager.findOne(FederationProposal, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!p || p.status !== 'open' || now < p.closesAt) return null;
      const voters = await manager.find(FederationProposalVoter, { where: { proposalId: id } });
      const ballots = await manager.find(FederationBallot, { where: { proposalId: id }, order: { seq: 'ASC' } });
      const tally = this.tally(p, voters, ballots);
      const ok = tally.outcome === 'passed';
      let changes = p.changes;
      if (ok) {
        const before = await readFederationSettings(manager);
        changes = p.changes.map((c) => ({ ...c, from: before[c.key as keyof FederationSettingValues] }));
        await writeSettingVersions(
          tx,
          'federation',
          null,
          p.changes.map((c) => ({ key: c.key, value: c.to })),
          { source: 'proposal', proposalId: id, effectiveAt: now },
        );
      }
      await manager.update(
        FederationProposal,
        { id },
        {
          status: ok ? 'enacted' : 'closed',
          outcome: tally.outcome,
          tally,
          changes,
          closedAt: now,
          enactedAt: ok ? now : null,
        },
      );
      return ok;
    });
    if (passed === null) return false;
    if (passed) await this.settings.announce('federation', null);
    this.logger.log({ proposalId: id, passed }, 'federation proposal closed');
    return true;
  }

  /** The coop admin names the coop's delegates (members of the coop). */
  async setDelegates(coopId: string, userIds: readonly string[]): Promise<Array<{ userId: string; name: string }>> {
    await this.db.forCoop(coopId, async ({ manager }) => {
      await manager.delete(CoopDelegate, { coopId });
      if (userIds.length) {
        try {
          await manager.insert(
            CoopDelegate,
            [...new Set(userIds)].map((userId) => ({ coopId, userId })),
          );
        } catch {
          throw new ApiException(422, 'VALIDATION_FAILED', 'Delegates must be members of the cooperative.');
        }
      }
    });
    return this.delegates(coopId);
  }

  async delegates(coopId: string): Promise<Array<{ userId: string; name: string }>> {
    const rows = await this.db.forCoop(coopId, ({ manager }) => manager.find(CoopDelegate, { where: { coopId } }));
    if (rows.length === 0) return [];
    const users = await this.db.readPlatform((manager) =>
      manager.find(User, { where: { id: In(rows.map((r) => r.userId)) }, select: { id: true, name: true } }),
    );
    return rows.map((r) => ({ userId: r.userId, name: users.find((u) => u.id === r.userId)?.name ?? '' }));
  }
}
