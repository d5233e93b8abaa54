import { Inject, Injectable, Logger } from '@nestjs/common';
import { In } from 'typeorm';
import {
  REMINDER_BEFORE_CLOSE_MS,
  type CoopSettingKey,
  type ProposalTally,
  type SettingKey,
  type SettingValue,
} from '@federacycle/contracts';
import {
  CLOCK,
  SettingsReader,
  coopValuesOf,
  latestCoopVersions,
  writeSettingVersions,
  type Clock,
} from '@federacycle/federation-server';
import { Membership, User } from '@federacycle/identity-server';
import { Coop, Database } from '@federacycle/platform-database';
import { AUDIT_RECORD_JOB, writeOutbox } from '@federacycle/platform-queue';
import { CollegeMember, VotingCollege } from '../colleges/college.entity';
import { Proposal, ProposalChange } from '../proposals/proposal.entity';
import { currentTally } from '../proposals/proposals.service';
import { ProposalVoter } from '../voting/ballot.entity';
import { countedChoices } from '../voting/tally';
import { chainOf } from '../proposals/proposals.service';
import {
  GovernanceMailer,
  governanceMails,
  type MailLocale,
  type MailProposal,
  type MailVoter,
} from './governance-mailer';
import type { ProposalStep } from './governance.jobs';

import { coopLocale, recipientLocale } from './coop-locale';
export { coopLocale };

export type StepResult = 'done' | 'skipped' | 'early';

export interface DueStep {
  coopId: string;
  proposalId: string;
  step: ProposalStep;
}

/**
 * Opening, reminding and closing proposals (the worker's jobs). Each step is a conditional
 * transition under the proposal's row lock: a step run twice, or by the delayed job and the
 * sweep at once, changes nothing the second time. Mails go after the commit.
 */
@Injectable()
export class EnactmentService {
  private readonly logger = new Logger('governance');

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(SettingsReader) private readonly settings: SettingsReader,
    @Inject(GovernanceMailer) private readonly mailer: GovernanceMailer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Proposals due for a step at the clock's now, across coops (the sweep). */
  async due(limit = 500): Promise<DueStep[]> {
    const rows = await this.db.platform((tx) =>
      tx.manager.query<Array<{ coop_id: string; id: string; action: ProposalStep }>>(
        'select coop_id, id, action from governance_due($1, $2)',
        [this.clock.now(), limit],
      ),
    );
    return rows.map((r) => ({ coopId: r.coop_id, proposalId: r.id, step: r.action }));
  }

  run(step: ProposalStep, coopId: string, proposalId: string): Promise<StepResult> {
    if (step === 'open') return this.open(coopId, proposalId);
    if (step === 'remind') return this.remind(coopId, proposalId);
    return this.close(coopId, proposalId);
  }

  /** Scheduled → open at opensAt: the voters are fixed now (active members with the member role). */
  async open(coopId: string, proposalId: string): Promise<StepResult> {
    const now = this.clock.now();
    const opened = await this.db.forCoop(coopId, async (tx) => {
      const { manager } = tx;
      const proposal = await manager.findOne(Proposal, {
        where: { coopId, id: proposalId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!proposal || proposal.status !== 'scheduled') return 'skipped' as const;
      if (now < proposal.opensAt) return 'early' as const;
      const coop = await manager.findOneOrFail(Coop, { where: { id: coopId }, select: { id: true, country: true } });
      const members = await manager
        .getRepository(Membership)
        .createQueryBuilder('m')
        .where(`m.coopId = :coopId and m.status = 'active' and 'member' = any(m.roles)`, { coopId })
        .getMany();
      const colleges = await manager.find(VotingCollege, { where: { coopId } });
      const placements = await manager.find(CollegeMember, { where: { coopId } });
      const collegeOf = new Map(placements.map((p) => [p.userId, colleges.find((c) => c.id === p.collegeId)]));
      if (members.length > 0) {
        await manager.insert(
          ProposalVoter,
          members.map((m) => {
            const college = collegeOf.get(m.userId);
            return {
              coopId,
              proposalId,
              userId: m.userId,
              collegeId: college?.id ?? null,
              collegeName: college?.name ?? null,
              collegeWeight: college?.weight ?? 1,
              locale: coopLocale(coop.country),
            };
          }),
        );
      }
      await manager.update(Proposal, { coopId, id: proposalId }, { status: 'open', openedAt: now });
      await writeOutbox(tx, AUDIT_RECORD_JOB, {
        action: 'governance.voting_opened',
        subjectType: 'proposal',
        subjectId: proposalId,
        data: { voters: members.length },
      });
      return proposal;
    });
    if (typeof opened === 'string') return opened;
    await this.mailVoters(coopId, opened, null, (p, locale) => governanceMails.opened(p, locale));
    return 'done';
  }

  /** 24 hours before the close: mail the voters whose vote does not count yet. */
  async remind(coopId: string, proposalId: string): Promise<StepResult> {
    const now = this.clock.now();
    const reminded = await this.db.forCoop(coopId, async ({ manager }) => {
      const proposal = await manager.findOne(Proposal, {
        where: { coopId, id: proposalId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!proposal || proposal.status !== 'open' || proposal.remindedAt !== null) return 'skipped' as const;
      if (now.getTime() < proposal.closesAt.getTime() - REMINDER_BEFORE_CLOSE_MS) return 'early' as const;
      if (now >= proposal.closesAt) return 'skipped' as const;
      await manager.update(Proposal, { coopId, id: proposalId }, { remindedAt: now });
      const voted = countedChoices(await chainOf(manager, coopId, proposalId));
      return { proposal, voted: new Set(voted.keys()) };
    });
    if (typeof reminded === 'string') return reminded;
    await this.mailVoters(
      coopId,
      reminded.proposal,
      (userId) => !reminded.voted.has(userId),
      (p, locale) => governanceMails.reminder(p, locale),
    );
    return 'done';
  }

  /**
   * Open → closed at closesAt: tally over the chain, decide, and for a passed proposal write the
   * new setting versions (naming the proposal) in the same transaction → enacted. Then every
   * process forgets the coop's cached settings, and every voter gets the outcome.
   */
  async close(coopId: string, proposalId: string): Promise<StepResult> {
    const now = this.clock.now();
    const closed = await this.db.forCoop(coopId, async (tx) => {
      const { manager } = tx;
      const proposal = await manager.findOne(Proposal, {
        where: { coopId, id: proposalId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!proposal || proposal.status !== 'open') return 'skipped' as const;
      if (now < proposal.closesAt) return 'early' as const;
      const tally = await currentTally(manager, proposal);
      const passed = tally.outcome === 'passed';
      const changes = await manager.find(ProposalChange, { where: { coopId, proposalId }, order: { position: 'ASC' } });
      if (passed) {
        const before = coopValuesOf(await latestCoopVersions(manager, coopId));
        for (const change of changes) {
          await tx.execute(
            'update proposal_changes set from_value = $4::jsonb where coop_id = $1 and proposal_id = $2 and key = $3',
            [coopId, proposalId, change.key, JSON.stringify(before[change.key as CoopSettingKey])],
          );
        }
        await writeSettingVersions(
          tx,
          'coop',
          coopId,
          changes.map((c) => ({ key: c.key as SettingKey, value: c.toValue as SettingValue })),
          { source: 'proposal', proposalId, effectiveAt: now },
        );
      }
      await manager.update(
        Proposal,
        { coopId, id: proposalId },
        {
          status: passed ? 'enacted' : 'closed',
          outcome: tally.outcome,
          tally,
          closedAt: now,
          enactedAt: passed ? now : null,
        },
      );
      await writeOutbox(tx, AUDIT_RECORD_JOB, {
        action: passed ? 'governance.proposal_enacted' : 'governance.proposal_closed',
        subjectType: 'proposal',
        subjectId: proposalId,
        data: {
          outcome: tally.outcome,
          yes: tally.yes,
          no: tally.no,
          abstain: tally.abstain,
          chainHead: tally.chainHead,
        },
      });
      return { proposal, tally, passed };
    });
    if (typeof closed === 'string') return closed;
    if (closed.passed) await this.settings.announce('coop', coopId);
    await this.mailVoters(coopId, closed.proposal, null, (p, locale) =>
      governanceMails.outcome(p, closed.tally, locale),
    );
    return 'done';
  }

  private async mailVoters(
    coopId: string,
    proposal: Proposal,
    only: ((userId: string) => boolean) | null,
    content: (p: MailProposal, locale: MailLocale) => { subject: string; text: string },
  ): Promise<void> {
    const { voters, changes } = await this.db.forCoop(coopId, async ({ manager }) => ({
      voters: await manager.find(ProposalVoter, { where: { coopId, proposalId: proposal.id } }),
      changes: await manager.find(ProposalChange, {
        where: { coopId, proposalId: proposal.id },
        order: { position: 'ASC' },
      }),
    }));
    const recipients = voters.filter((v) => only === null || only(v.userId));
    if (recipients.length === 0) return;
    const users = await this.db.platform(({ manager }) =>
      manager.find(User, {
        where: { id: In(recipients.map((v) => v.userId)) },
        select: { id: true, email: true, locale: true },
      }),
    );
    const mail: MailProposal = {
      id: proposal.id,
      title: proposal.title,
      closesAt: proposal.closesAt,
      changes: changes.map((c) => ({ key: c.key as SettingKey, to: c.toValue as SettingValue })),
    };
    for (const voter of recipients) {
      const user = users.find((u) => u.id === voter.userId);
      if (!user) continue;
      // the language the person chose (read now: a change before the reminder counts), else the
      // coop's default that the voter snapshot recorded when voting opened
      const to: MailVoter = { email: user.email, locale: recipientLocale(user.locale, voter.locale) };
      try {
        await this.mailer.send(to, content(mail, to.locale), proposal.id);
      } catch (error) {
        this.logger.error(
          { err: error instanceof Error ? error.message : String(error), proposalId: proposal.id },
          'governance mail not sent',
        );
      }
    }
  }
}

export type { ProposalTally };
