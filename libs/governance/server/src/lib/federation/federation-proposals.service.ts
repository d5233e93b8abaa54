import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type {
  BallotChoice,
  BallotReceipt,
  ChainVerification,
  FederationSettingValues,
  ProposalCommentView,
  ProposalTally,
  SettingKey,
  SettingValue,
} from '@federacycle/contracts';
import { REMINDER_BEFORE_CLOSE_MS } from '@federacycle/contracts';
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
import { coopLocale, recipientLocale } from '../enactment/coop-locale';
import { GovernanceMailer, governanceMails, type MailLocale, type MailProposal } from '../enactment/governance-mailer';
import { transition, validateDraft } from '../proposals/proposal-rules';
import type { CreateProposalDto } from '../proposals/proposals.dto';
import { genesisHash, linkHash, verifyChain, type ChainLink, type StoredLink } from '../voting/ballot-chain';
import { tallyOf } from '../voting/tally';
import {
  CoopDelegate,
  FederationBallot,
  FederationProposal,
  FederationProposalComment,
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
  me: { isDelegate: boolean; isAuthor: boolean; coopVoter: boolean; coopChoice: BallotChoice | null };
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
    /** the worker's (it opens, reminds and closes); the API sends no mail */
    @Optional() @Inject(GovernanceMailer) private readonly mailer: GovernanceMailer | null = null,
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

  /** Its author edits a draft (the whole content, checked as when it was drafted). */
  async update(caller: Caller, id: string, body: CreateProposalDto): Promise<FederationProposalView> {
    this.assertReader(caller);
    const quorumPercent = body.quorumPercent ?? 50;
    const thresholdPercent = body.thresholdPercent ?? 50;
    await this.db.platform(async ({ manager }) => {
      const p = await this.authorsOwn(manager, caller, id, 'edit');
      if (p.status !== 'draft') {
        throw new ApiException(409, 'ILLEGAL_TRANSITION', `A ${p.status} proposal cannot be edited.`);
      }
      const valid = validateDraft('federation', {
        changes: body.changes,
        opensAt: new Date(body.opensAt),
        closesAt: new Date(body.closesAt),
        quorumPercent,
        thresholdPercent,
      });
      await manager.update(
        FederationProposal,
        { id },
        {
          title: body.title.trim(),
          rationale: body.rationale,
          changes: valid.changes.map((c) => ({ key: c.key, to: c.value })),
          opensAt: new Date(body.opensAt),
          closesAt: new Date(body.closesAt),
          quorumPercent,
          thresholdPercent,
          hiddenResults: body.hiddenResults ?? false,
          statutory: valid.statutory,
        },
      );
    });
    return this.get(caller, id);
  }

  /** Draft → scheduled: the sweep opens it at `opensAt` (at once if that has passed, as long as an hour is left). */
  async publish(caller: Caller, id: string): Promise<FederationProposalView> {
    this.assertReader(caller);
    const now = this.clock.now();
    await this.db.platform(async ({ manager }) => {
      const p = await this.authorsOwn(manager, caller, id, 'publish');
      const to = transition(p.status, 'publish');
      if (p.closesAt.getTime() - Math.max(now.getTime(), p.opensAt.getTime()) < 60 * 60 * 1000) {
        throw new ApiException(
          422,
          'VOTING_WINDOW_INVALID',
          'The vote would stay open for less than an hour: change its window.',
        );
      }
      await manager.update(FederationProposal, { id }, { status: to });
    });
    return this.get(caller, id);
  }

  /** Its author withdraws it before the first ballot (409 PROPOSAL_HAS_BALLOTS after). */
  async withdraw(caller: Caller, id: string): Promise<FederationProposalView> {
    this.assertReader(caller);
    await this.db.platform(async ({ manager }) => {
      const p = await this.authorsOwn(manager, caller, id, 'withdraw');
      const to = transition(p.status, 'withdraw');
      if (p.ballotCount > 0) {
        throw new ApiException(
          409,
          'PROPOSAL_HAS_BALLOTS',
          'A coop has voted: the proposal can no longer be withdrawn.',
        );
      }
      await manager.update(FederationProposal, { id }, { status: to, withdrawnAt: this.clock.now() });
    });
    return this.get(caller, id);
  }

  /** The proposal under its row lock, if the caller wrote it (a draft is nobody else's to see). */
  private async authorsOwn(
    manager: EntityManager,
    caller: Caller,
    id: string,
    what: string,
  ): Promise<FederationProposal> {
    const p = await manager.findOne(FederationProposal, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!p || (p.status === 'draft' && p.authorId !== caller.userId)) throw ApiException.notFound('Proposal');
    if (p.authorId !== caller.userId) throw ApiException.forbidden(`Only its author can ${what} a proposal.`);
    return p;
  }

  /** A proposal the caller may read: 404 for an unknown one or someone else's draft. */
  private async visible(manager: EntityManager, caller: Caller, id: string): Promise<FederationProposal> {
    const p = await manager.findOne(FederationProposal, { where: { id } });
    if (!p || (p.status === 'draft' && p.authorId !== caller.userId)) throw ApiException.notFound('Proposal');
    return p;
  }

  async comments(caller: Caller, id: string): Promise<ProposalCommentView[]> {
    this.assertReader(caller);
    return this.db.readPlatform(async (manager) => {
      await this.visible(manager, caller, id);
      const rows = await manager
        .getRepository(FederationProposalComment)
        .createQueryBuilder('c')
        .leftJoinAndSelect('c.author', 'a')
        .where('c.proposalId = :id', { id })
        .orderBy('c.createdAt', 'ASC')
        .addOrderBy('c.id')
        .limit(500)
        .getMany();
      return rows.map(commentView);
    });
  }

  async comment(caller: Caller, id: string, body: string): Promise<ProposalCommentView> {
    this.assertReader(caller);
    const commentId = await this.db.platform(async ({ manager }) => {
      const p = await this.visible(manager, caller, id);
      if (p.status === 'withdrawn') {
        throw new ApiException(409, 'ILLEGAL_TRANSITION', 'A withdrawn proposal takes no more comments.');
      }
      const inserted = await manager.insert(FederationProposalComment, {
        proposalId: id,
        authorId: caller.userId,
        authorCoopId: isFederationAdmin(caller) ? null : caller.coopId,
        body: body.trim() || body,
      });
      return (inserted.identifiers[0] as Pick<FederationProposalComment, 'id'>).id;
    });
    return this.db.readPlatform(async (manager) =>
      commentView(
        await manager.findOneOrFail(FederationProposalComment, {
          where: { id: commentId },
          relations: { author: true },
        }),
      ),
    );
  }

  async list(caller: Caller): Promise<FederationProposalView[]> {
    this.assertReader(caller);
    const current = await this.settings.federation();
    const delegate = await this.isDelegate(caller);
    return this.db.readPlatform(async (manager) => {
      const rows = await manager
        .getRepository(FederationProposal)
        .createQueryBuilder('p')
        .where(`p.status <> 'draft' or p.authorId = :me`, { me: caller.userId })
        .orderBy('p.closesAt', 'DESC')
        .addOrderBy('p.id')
        .limit(100)
        .getMany();
      return Promise.all(rows.map((p) => this.viewIn(manager, p, caller, delegate, current)));
    });
  }

  async get(caller: Caller, id: string): Promise<FederationProposalView> {
    this.assertReader(caller);
    const current = await this.settings.federation();
    const delegate = await this.isDelegate(caller);
    return this.db.readPlatform(async (manager) => {
      const p = await this.visible(manager, caller, id);
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
        isAuthor: p.authorId === caller.userId,
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
      const p = await this.visible(manager, caller, id);
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
        .select(['p.id', 'p.status', 'p.closesAt'])
        .where(`(p.status = 'scheduled' and p.opensAt <= :now) or (p.status = 'open' and p.closesAt <= :now)`, { now })
        .orWhere(`p.status = 'open' and p.remindedAt is null and p.closesAt <= :remindBy`, {
          remindBy: new Date(now.getTime() + REMINDER_BEFORE_CLOSE_MS),
        })
        .getMany(),
    );
    for (const p of due) {
      if (p.status === 'scheduled') await this.open(p.id, now);
      else if (p.closesAt <= now) await this.close(p.id, now);
      else await this.remind(p.id, now);
    }
    return due.length;
  }

  async open(id: string, now = this.clock.now()): Promise<boolean> {
    const opened = await this.db.platform(async ({ manager }) => {
      const p = await manager.findOne(FederationProposal, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!p || p.status !== 'scheduled' || now < p.opensAt) return null;
      const coops = await manager.find(Coop, { where: { status: 'active' }, select: { id: true } });
      if (coops.length) {
        await manager.insert(
          FederationProposalVoter,
          coops.map((c) => ({ proposalId: id, votingCoopId: c.id })),
        );
      }
      await manager.update(FederationProposal, { id }, { status: 'open', openedAt: now });
      return { p, coopIds: coops.map((c) => c.id) };
    });
    if (!opened) return false;
    await this.mailDelegates(opened.p, opened.coopIds, (m, locale) => governanceMails.opened(m, locale));
    return true;
  }

  /**
   * 24 hours before the close: mail the delegates of the coops whose vote is not in yet (once:
   * `reminded_at` is set under the row lock; 'early' before the time, false when not open).
   */
  async remind(id: string, now = this.clock.now()): Promise<boolean | 'early'> {
    const due = await this.db.platform(async ({ manager }) => {
      const p = await manager.findOne(FederationProposal, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!p || p.status !== 'open' || p.remindedAt !== null || now >= p.closesAt) return null;
      if (now.getTime() < p.closesAt.getTime() - REMINDER_BEFORE_CLOSE_MS) return 'early' as const;
      await manager.update(FederationProposal, { id }, { remindedAt: now });
      const voters = await manager.find(FederationProposalVoter, { where: { proposalId: id } });
      const ballots = await manager.find(FederationBallot, { where: { proposalId: id } });
      const voted = new Set(ballots.map((b) => b.votingCoopId));
      return { p, coopIds: voters.map((v) => v.votingCoopId).filter((c) => !voted.has(c)) };
    });
    if (due === null || due === 'early') return due === 'early' ? 'early' : false;
    await this.mailDelegates(due.p, due.coopIds, (m, locale) => governanceMails.reminder(m, locale));
    return true;
  }

  async close(id: string, now = this.clock.now()): Promise<boolean> {
    const closed = await this.db.platform(async (tx) => {
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
      return { p, tally, passed: ok, coopIds: voters.map((v) => v.votingCoopId) };
    });
    if (closed === null) return false;
    if (closed.passed) await this.settings.announce('federation', null);
    this.logger.log({ proposalId: id, passed: closed.passed }, 'federation proposal closed');
    await this.mailDelegates(closed.p, closed.coopIds, (m, locale) => governanceMails.outcome(m, closed.tally, locale));
    return true;
  }

  /**
   * Mails the delegates of these coops, each in their own language (else their coop's) (the worker only: the API
   * has no mailer). A mail that fails is logged; the step stays done.
   */
  private async mailDelegates(
    p: FederationProposal,
    coopIds: readonly string[],
    content: (m: MailProposal, locale: MailLocale) => { subject: string; text: string },
  ): Promise<void> {
    const mailer = this.mailer;
    if (!mailer || coopIds.length === 0) return;
    const delegates: Array<{ coopId: string; userId: string }> = [];
    for (const coopId of coopIds) {
      const rows = await this.db.forCoop(coopId, ({ manager }) => manager.find(CoopDelegate, { where: { coopId } }));
      delegates.push(...rows.map((r) => ({ coopId, userId: r.userId })));
    }
    if (delegates.length === 0) return;
    const { users, coops } = await this.db.readPlatform(async (manager) => ({
      users: await manager.find(User, {
        where: { id: In([...new Set(delegates.map((d) => d.userId))]) },
        select: { id: true, email: true, locale: true },
      }),
      coops: await manager.find(Coop, { where: { id: In([...coopIds]) }, select: { id: true, country: true } }),
    }));
    const mail: MailProposal = {
      id: p.id,
      title: p.title,
      closesAt: p.closesAt,
      changes: p.changes.map((c) => ({ key: c.key as SettingKey, to: c.to as SettingValue })),
    };
    for (const d of delegates) {
      const user = users.find((u) => u.id === d.userId);
      if (!user) continue;
      const locale = recipientLocale(user.locale, coopLocale(coops.find((c) => c.id === d.coopId)?.country ?? ''));
      try {
        await mailer.send({ email: user.email, locale }, content(mail, locale), p.id, 'federation');
      } catch (error) {
        this.logger.error(
          { err: error instanceof Error ? error.message : String(error), proposalId: p.id },
          'federation governance mail not sent',
        );
      }
    }
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

function commentView(c: FederationProposalComment): ProposalCommentView {
  return {
    id: c.id,
    authorId: c.authorId,
    authorName: c.author?.name ?? '',
    body: c.body,
    createdAt: c.createdAt.toISOString(),
  };
}
