import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { CLOCK, type Clock } from '@federacycle/federation-server';
import { Database, TenantContext } from '@federacycle/platform-database';
import { Metrics } from '@federacycle/platform-observability';
import { JobProcessor, claimOutboxRow, handle, type EnvelopeOf, type JobHandler } from '@federacycle/platform-queue';
import { Proposal } from '../proposals/proposal.entity';
import { FederationProposalsService } from '../federation/federation-proposals.service';
import { EnactmentService, type StepResult } from './enactment.service';
import {
  GOVERNANCE_CLOSE_JOB,
  GOVERNANCE_OPEN_JOB,
  GOVERNANCE_QUEUE,
  GOVERNANCE_REMIND_JOB,
  GOVERNANCE_SCHEDULE_JOB,
  GOVERNANCE_SWEEP_JOB,
  governanceSweepEveryMs,
  proposalJobId,
  type ProposalStep,
} from './governance.jobs';
import { REMINDER_BEFORE_CLOSE_MS } from '@federacycle/contracts';

const STEP_JOBS = { open: GOVERNANCE_OPEN_JOB, remind: GOVERNANCE_REMIND_JOB, close: GOVERNANCE_CLOSE_JOB } as const;

/**
 * Governance's jobs. Publishing a proposal writes `governance.schedule` to the outbox; its handler
 * adds the proposal's delayed `open`, `remind` and `close` jobs (job id `governance:<step>:<id>`,
 * so adding them again adds nothing). Every step is idempotent (a conditional transition under the
 * proposal's lock). The minute sweep runs whatever is due and not done: a job lost with Redis, or
 * a worker down at the time, delays a step by a minute, never skips it.
 */
@Processor(GOVERNANCE_QUEUE, { concurrency: 2 })
export class GovernanceProcessor extends JobProcessor implements OnApplicationBootstrap {
  constructor(
    @Inject(EnactmentService) private readonly enactment: EnactmentService,
    @Inject(FederationProposalsService) private readonly federation: FederationProposalsService,
    @Inject(Database) private readonly db: Database,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(Metrics) metrics: Metrics,
    @InjectQueue(GOVERNANCE_QUEUE) private readonly queue: Queue,
  ) {
    super(metrics);
  }

  protected handlers(): readonly JobHandler[] {
    return [
      handle(GOVERNANCE_SCHEDULE_JOB, (envelope) => this.schedule(envelope)),
      handle(GOVERNANCE_OPEN_JOB, (envelope) => this.step('open', envelope)),
      handle(GOVERNANCE_REMIND_JOB, (envelope) => this.step('remind', envelope)),
      handle(GOVERNANCE_CLOSE_JOB, (envelope) => this.step('close', envelope)),
      handle(GOVERNANCE_SWEEP_JOB, () => this.sweep(), 'none'),
    ];
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      GOVERNANCE_SWEEP_JOB.name,
      { every: governanceSweepEveryMs() },
      {
        name: GOVERNANCE_SWEEP_JOB.name,
        data: {
          coopId: null,
          actorId: null,
          requestId: 'scheduler',
          outboxId: null,
          payload: {},
        } satisfies EnvelopeOf<typeof GOVERNANCE_SWEEP_JOB>,
        opts: { removeOnComplete: 100, removeOnFail: 100 },
      },
    );
  }

  /** Adds the delayed steps of a published proposal (claims its outbox row once). */
  async schedule(envelope: EnvelopeOf<typeof GOVERNANCE_SCHEDULE_JOB>): Promise<boolean> {
    const { coopId, outboxId } = envelope;
    if (coopId === null) throw new Error('governance.schedule needs the coop in its envelope');
    const proposal = await this.db.forCoop(coopId, async (tx) => {
      if (outboxId !== null && !(await claimOutboxRow(tx, coopId, outboxId))) return null;
      return tx.manager.findOne(Proposal, { where: { coopId, id: envelope.payload.proposalId } });
    });
    if (!proposal) return false;
    const now = this.clock.now().getTime();
    const at: Record<ProposalStep, number> = {
      open: proposal.opensAt.getTime(),
      remind: proposal.closesAt.getTime() - REMINDER_BEFORE_CLOSE_MS,
      close: proposal.closesAt.getTime(),
    };
    await this.queue.addBulk(
      (['open', 'remind', 'close'] as const).map((step) => ({
        name: STEP_JOBS[step].name,
        data: {
          coopId,
          actorId: null,
          requestId: envelope.requestId,
          outboxId: null,
          payload: { proposalId: proposal.id },
        } satisfies EnvelopeOf<typeof GOVERNANCE_OPEN_JOB>,
        opts: {
          jobId: proposalJobId(step, proposal.id),
          delay: Math.max(0, at[step] - now),
          attempts: 5,
          backoff: { type: 'exponential', delay: 5_000 },
          removeOnComplete: true,
          removeOnFail: 1000,
        },
      })),
    );
    return true;
  }

  private step(step: ProposalStep, envelope: EnvelopeOf<typeof GOVERNANCE_OPEN_JOB>): Promise<StepResult> {
    if (envelope.coopId === null) throw new Error(`governance.${step} needs the coop in its envelope`);
    return this.enactment.run(step, envelope.coopId, envelope.payload.proposalId);
  }

  /** Runs every step that is due and not done, each in its coop's context; then the federation's. */
  async sweep(): Promise<{ steps: number; federation: number }> {
    const due = await this.enactment.due();
    for (const { coopId, proposalId, step } of due) {
      await TenantContext.run({ coopId, actorId: null, requestId: `governance-sweep-${step}` }, () =>
        this.enactment.run(step, coopId, proposalId),
      );
    }
    const federation = await TenantContext.run(
      { coopId: null, actorId: null, requestId: 'governance-sweep-federation' },
      () => this.federation.sweep(),
    );
    return { steps: due.length, federation };
  }
}
