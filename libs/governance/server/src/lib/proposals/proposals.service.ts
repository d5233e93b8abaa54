import { Inject, Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type {
  CoopSettingValues,
  ProposalCommentView,
  ProposalMe,
  ProposalSummary,
  ProposalTally,
  ProposalView,
} from '@federacycle/contracts';
import { CLOCK, SettingsReader, type Clock } from '@federacycle/federation-server';
import { User } from '@federacycle/identity-server';
import { Database } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { AUDIT_RECORD_JOB, writeOutbox } from '@federacycle/platform-queue';
import { GOVERNANCE_SCHEDULE_JOB } from '../enactment/governance.jobs';
import { Ballot, ProposalVoter } from '../voting/ballot.entity';
import { activeProxies, countedChoices, tallyOf } from '../voting/tally';
import { transition, validateDraft } from './proposal-rules';
import { changeViews, resultsVisible, summaryOf, viewOf, type Participation } from './proposal-views';
import { Proposal, ProposalChange, ProposalComment } from './proposal.entity';
import type { CreateProposalDto, ProposalListFilter } from './proposals.dto';

/** A proposal of the coop, or 404 (another coop's proposal does not exist for this one). */
export async function proposalOr404(manager: EntityManager, coopId: string, id: string): Promise<Proposal> {
  const proposal = await manager.findOne(Proposal, { where: { coopId, id } });
  if (!proposal) throw ApiException.notFound('Proposal');
  return proposal;
}

/** The links of a proposal's chain, in order. */
export function chainOf(manager: EntityManager, coopId: string, proposalId: string): Promise<Ballot[]> {
  return manager.find(Ballot, { where: { coopId, proposalId }, order: { seq: 'ASC' } });
}

/** The tally as it stands (used at close, and live for proposals that do not hide results). */
export async function currentTally(manager: EntityManager, proposal: Proposal): Promise<ProposalTally> {
  const voters = await manager.find(ProposalVoter, { where: { coopId: proposal.coopId, proposalId: proposal.id } });
  const links = await chainOf(manager, proposal.coopId, proposal.id);
  return tallyOf(voters, links, proposal.quorumPercent, proposal.thresholdPercent, proposal.chainHead);
}

/**
 * Proposals of a coop: drafting, publishing, withdrawing, reading, discussing. Voting is
 * VotingService's; opening, closing and enacting are the worker's (EnactmentService).
 */
@Injectable()
export class ProposalsService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(SettingsReader) private readonly settings: SettingsReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(coopId: string, authorId: string, body: CreateProposalDto): Promise<ProposalView> {
    const federation = await this.settings.federation();
    const quorumPercent = body.quorumPercent ?? federation.default_quorum_percent;
    const thresholdPercent = body.thresholdPercent ?? federation.default_threshold_percent;
    const opensAt = new Date(body.opensAt);
    const closesAt = new Date(body.closesAt);
    const valid = validateDraft('coop', {
      changes: body.changes,
      opensAt,
      closesAt,
      quorumPercent,
      thresholdPercent,
    });
    const id = await this.db.unitOfWork(async (tx) => {
      const inserted = await tx.manager.insert(Proposal, {
        coopId,
        authorId,
        title: body.title.trim(),
        rationale: body.rationale,
        opensAt,
        closesAt,
        quorumPercent,
        thresholdPercent,
        hiddenResults: body.hiddenResults ?? false,
        statutory: valid.statutory,
      });
      const { id } = inserted.identifiers[0] as Pick<Proposal, 'id'>;
      await tx.manager.insert(
        ProposalChange,
        valid.changes.map((c, position) => ({ coopId, proposalId: id, key: c.key, position, toValue: c.value })),
      );
      await writeOutbox(tx, AUDIT_RECORD_JOB, {
        action: 'governance.proposal_drafted',
        subjectType: 'proposal',
        subjectId: id,
        data: { title: body.title, changes: valid.changes },
      });
      return id;
    });
    return this.get(coopId, id, authorId);
  }

  /**
   * Draft → scheduled: voting opens at `opensAt` (at once if that time has passed, as long as
   * the window still lasts an hour). The worker is told in the same transaction (outbox).
   */
  async publish(coopId: string, id: string, callerId: string): Promise<ProposalView> {
    const now = this.clock.now();
    await this.db.unitOfWork(async (tx) => {
      const proposal = await tx.manager.findOne(Proposal, {
        where: { coopId, id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!proposal) throw ApiException.notFound('Proposal');
      if (proposal.authorId !== callerId) throw ApiException.forbidden('Only its author can publish a proposal.');
      const to = transition(proposal.status, 'publish');
      if (proposal.closesAt.getTime() - Math.max(now.getTime(), proposal.opensAt.getTime()) < 60 * 60 * 1000) {
        throw new ApiException(
          422,
          'VOTING_WINDOW_INVALID',
          'The vote would stay open for less than an hour: change its window.',
        );
      }
      await tx.manager.update(Proposal, { coopId, id }, { status: to });
      await writeOutbox(tx, GOVERNANCE_SCHEDULE_JOB, { proposalId: id });
      await writeOutbox(tx, AUDIT_RECORD_JOB, {
        action: 'governance.proposal_published',
        subjectType: 'proposal',
        subjectId: id,
        data: { opensAt: proposal.opensAt.toISOString(), closesAt: proposal.closesAt.toISOString() },
      });
    });
    return this.get(coopId, id, callerId);
  }

  /** Its author withdraws it, before anyone voted (409 PROPOSAL_HAS_BALLOTS after). */
  async withdraw(coopId: string, id: string, callerId: string): Promise<ProposalView> {
    await this.db.unitOfWork(async (tx) => {
      const proposal = await tx.manager.findOne(Proposal, {
        where: { coopId, id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!proposal) throw ApiException.notFound('Proposal');
      if (proposal.authorId !== callerId) throw ApiException.forbidden('Only its author can withdraw a proposal.');
      const to = transition(proposal.status, 'withdraw');
      const votes = await tx.manager.count(Ballot, { where: { coopId, proposalId: id, kind: 'vote' } });
      if (votes > 0) {
        throw new ApiException(
          409,
          'PROPOSAL_HAS_BALLOTS',
          'Someone has voted: the proposal can no longer be withdrawn.',
        );
      }
      await tx.manager.update(Proposal, { coopId, id }, { status: to, withdrawnAt: this.clock.now() });
      await writeOutbox(tx, AUDIT_RECORD_JOB, {
        action: 'governance.proposal_withdrawn',
        subjectType: 'proposal',
        subjectId: id,
        data: {},
      });
    });
    return this.get(coopId, id, callerId);
  }

  /** A page of the coop's proposals; drafts are their authors' own. */
  async list(
    coopId: string,
    callerId: string,
    filter: ProposalListFilter,
    limit: number,
    offset: number,
  ): Promise<{ items: ProposalSummary[]; total: number }> {
    const current = await this.settings.coop(coopId);
    return this.db.read(async (manager) => {
      const qb = manager
        .getRepository(Proposal)
        .createQueryBuilder('p')
        .addSelect('count(*) over ()', 'total')
        .where('p.coopId = :coopId', { coopId })
        .andWhere(`(p.status <> 'draft' or p.authorId = :callerId)`, { callerId });
      if (filter === 'open') qb.andWhere(`p.status = 'open'`);
      else if (filter === 'upcoming') qb.andWhere(`p.status = 'scheduled'`);
      else if (filter === 'closed') qb.andWhere(`p.status in ('closed', 'enacted', 'withdrawn')`);
      else if (filter === 'draft') qb.andWhere(`p.status = 'draft'`);
      const { entities, raw } = await qb
        .orderBy('p.closesAt', filter === 'closed' ? 'DESC' : 'ASC')
        .addOrderBy('p.id')
        .limit(limit)
        .offset(offset)
        .getRawAndEntities<{ total: string }>();
      const total = Number(raw[0]?.total ?? 0);
      if (entities.length === 0) return { items: [], total };
      const ids = entities.map((p) => p.id);
      const changes = await manager.find(ProposalChange, { where: { coopId, proposalId: In(ids) } });
      const counts = await participationOf(manager, coopId, ids);
      return {
        items: entities.map((p) =>
          summaryOf(
            p,
            changeViews(
              changes.filter((c) => c.proposalId === p.id),
              current,
            ),
            counts.get(p.id) ?? { voters: 0, voted: 0 },
          ),
        ),
        total,
      };
    });
  }

  async get(coopId: string, id: string, callerId: string): Promise<ProposalView> {
    const current = await this.settings.coop(coopId);
    return this.db.read((manager) => this.viewIn(manager, coopId, id, callerId, current));
  }

  async viewIn(
    manager: EntityManager,
    coopId: string,
    id: string,
    callerId: string,
    current: CoopSettingValues,
  ): Promise<ProposalView> {
    const proposal = await proposalOr404(manager, coopId, id);
    if (proposal.status === 'draft' && proposal.authorId !== callerId) throw ApiException.notFound('Proposal');
    const changes = await manager.find(ProposalChange, { where: { coopId, proposalId: id } });
    const author = await manager.findOne(User, { where: { id: proposal.authorId }, select: { id: true, name: true } });
    const voters = await manager.find(ProposalVoter, { where: { coopId, proposalId: id } });
    const links = await chainOf(manager, coopId, id);
    const choices = countedChoices(links);
    const proxies = activeProxies(links);
    const participation: Participation = { voters: voters.length, voted: choices.size };
    const stored = proposal.tally;
    const tally = resultsVisible(proposal)
      ? (stored ?? tallyOf(voters, links, proposal.quorumPercent, proposal.thresholdPercent, proposal.chainHead))
      : null;
    const holdsIds = [...proxies.entries()].filter(([, holder]) => holder === callerId).map(([grantor]) => grantor);
    const names = holdsIds.length
      ? await manager.find(User, { where: { id: In(holdsIds) }, select: { id: true, name: true } })
      : [];
    const me: ProposalMe = {
      isVoter: voters.some((v) => v.userId === callerId),
      isAuthor: proposal.authorId === callerId,
      choice: choices.get(callerId) ?? null,
      proxyTo: proxies.get(callerId) ?? null,
      holds: holdsIds.map((userId) => ({
        userId,
        name: names.find((n) => n.id === userId)?.name ?? '',
        choice: choices.get(userId) ?? null,
      })),
    };
    return viewOf(proposal, changeViews(changes, current), participation, author?.name ?? '', tally, me);
  }

  /** The tally: 403 RESULTS_HIDDEN while a hidden proposal is not closed, 409 before voting opens. */
  async tally(coopId: string, id: string): Promise<ProposalTally> {
    return this.db.read(async (manager) => {
      const proposal = await proposalOr404(manager, coopId, id);
      if (proposal.status === 'draft' || proposal.status === 'scheduled' || proposal.status === 'withdrawn') {
        throw new ApiException(409, 'VOTING_NOT_OPEN', 'Voting has not opened on this proposal.');
      }
      if (!resultsVisible(proposal)) {
        throw new ApiException(403, 'RESULTS_HIDDEN', 'The results of this proposal stay hidden until voting closes.');
      }
      return proposal.tally ?? currentTally(manager, proposal);
    });
  }

  async comments(coopId: string, id: string, callerId: string): Promise<ProposalCommentView[]> {
    return this.db.read(async (manager) => {
      const proposal = await proposalOr404(manager, coopId, id);
      if (proposal.status === 'draft' && proposal.authorId !== callerId) throw ApiException.notFound('Proposal');
      const rows = await manager
        .getRepository(ProposalComment)
        .createQueryBuilder('c')
        .leftJoinAndSelect('c.author', 'a')
        .where('c.coopId = :coopId and c.proposalId = :id', { coopId, id })
        .orderBy('c.createdAt', 'ASC')
        .addOrderBy('c.id')
        .limit(500)
        .getMany();
      return rows.map(commentView);
    });
  }

  async comment(coopId: string, id: string, authorId: string, body: string): Promise<ProposalCommentView> {
    const commentId = await this.db.unitOfWork(async (tx) => {
      const proposal = await proposalOr404(tx.manager, coopId, id);
      if (proposal.status === 'draft' && proposal.authorId !== authorId) throw ApiException.notFound('Proposal');
      if (proposal.status === 'withdrawn') {
        throw new ApiException(409, 'ILLEGAL_TRANSITION', 'A withdrawn proposal takes no more comments.');
      }
      const inserted = await tx.manager.insert(ProposalComment, {
        coopId,
        proposalId: id,
        authorId,
        body: body.trim() || body,
      });
      return (inserted.identifiers[0] as Pick<ProposalComment, 'id'>).id;
    });
    return this.db.read(async (manager) => {
      const row = await manager.findOneOrFail(ProposalComment, {
        where: { coopId, id: commentId },
        relations: { author: true },
      });
      return commentView(row);
    });
  }

  /** The voters of the snapshot (for the proxy picker). */
  async voters(coopId: string, id: string): Promise<Array<{ userId: string; name: string; college: string | null }>> {
    return this.db.read(async (manager) => {
      await proposalOr404(manager, coopId, id);
      const rows = await manager
        .getRepository(ProposalVoter)
        .createQueryBuilder('v')
        .innerJoinAndSelect('v.user', 'u')
        .where('v.coopId = :coopId and v.proposalId = :id', { coopId, id })
        .orderBy('u.name')
        .getMany();
      return rows.map((v) => ({ userId: v.userId, name: v.user?.name ?? '', college: v.collegeName }));
    });
  }
}

function commentView(c: ProposalComment): ProposalCommentView {
  return {
    id: c.id,
    authorId: c.authorId,
    authorName: c.author?.name ?? '',
    body: c.body,
    createdAt: c.createdAt.toISOString(),
  };
}

/** voters and voters who voted, per proposal (two statements) */
async function participationOf(
  manager: EntityManager,
  coopId: string,
  ids: string[],
): Promise<Map<string, Participation>> {
  const voters = await manager
    .getRepository(ProposalVoter)
    .createQueryBuilder('v')
    .select('v.proposalId', 'proposalId')
    .addSelect('count(*)', 'n')
    .where('v.coopId = :coopId and v.proposalId in (:...ids)', { coopId, ids })
    .groupBy('v.proposalId')
    .getRawMany<{ proposalId: string; n: string }>();
  const voted = await manager
    .getRepository(Ballot)
    .createQueryBuilder('b')
    .select('b.proposalId', 'proposalId')
    .addSelect('count(distinct b.voterId)', 'n')
    .where(`b.coopId = :coopId and b.proposalId in (:...ids) and b.kind = 'vote'`, { coopId, ids })
    .groupBy('b.proposalId')
    .getRawMany<{ proposalId: string; n: string }>();
  const map = new Map<string, Participation>();
  for (const row of voters) map.set(row.proposalId, { voters: Number(row.n), voted: 0 });
  for (const row of voted) {
    const entry = map.get(row.proposalId) ?? { voters: 0, voted: 0 };
    entry.voted = Number(row.n);
    map.set(row.proposalId, entry);
  }
  return map;
}
