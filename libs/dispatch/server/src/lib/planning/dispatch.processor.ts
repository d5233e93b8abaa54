import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Database } from '@federacycle/platform-database';
import { Metrics } from '@federacycle/platform-observability';
import {
  JobProcessor,
  claimOutboxRow,
  handle,
  type EnvelopeOf,
  type JobEnvelope,
  type JobHandler,
} from '@federacycle/platform-queue';
import {
  DELIVERY_CREATED_JOB,
  DISPATCH_QUEUE,
  PLAN_COOP_JOB,
  PLAN_DEBOUNCE_MS,
  TASK_CLOSED_JOB,
  planDedupId,
} from './dispatch.jobs';
import { PlanningService, type PlanRunResult } from './planning.service';

/**
 * Dispatch's queue. Work changes (outbox rows) ask for one debounced planning run per coop:
 * `dispatch.plan-coop` is added with BullMQ deduplication in debounce mode (id `plan:<coopId>`,
 * delayed PLAN_DEBOUNCE_MS, each new trigger replacing the pending one), so a burst of changes
 * makes one run. The outbox row is claimed after the run is asked for: a row delivered twice asks
 * twice, and the second ask lands on the same pending run.
 *
 * The run itself is PlanningService's (one run per coop at a time, mode manual / suggest / auto).
 */
@Processor(DISPATCH_QUEUE, { concurrency: 4 })
export class DispatchProcessor extends JobProcessor {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(PlanningService) private readonly planning: PlanningService,
    @Inject(Metrics) metrics: Metrics,
    @InjectQueue(DISPATCH_QUEUE) private readonly queue: Queue,
  ) {
    super(metrics);
  }

  protected handlers(): readonly JobHandler[] {
    return [
      handle(DELIVERY_CREATED_JOB, (envelope) => this.workChanged(envelope, 'delivery-created')),
      handle(TASK_CLOSED_JOB, (envelope) => this.workChanged(envelope, `task-${envelope.payload.state}`)),
      handle(PLAN_COOP_JOB, (envelope) => this.plan(envelope)),
    ];
  }

  /** Asks for the coop's planning run, then marks the outbox row processed. */
  async workChanged(envelope: JobEnvelope<unknown>, reason: string): Promise<{ asked: boolean }> {
    const { coopId, outboxId } = envelope;
    if (coopId === null || outboxId === null) throw new Error('a dispatch work change needs its coop and outbox row');
    await this.askForPlan(coopId, envelope.actorId, envelope.requestId, reason);
    const claimed = await this.db.forCoop(coopId, (tx) => claimOutboxRow(tx, coopId, outboxId));
    return { asked: claimed };
  }

  /** One pending run per coop: a later ask within the debounce window replaces the pending one. */
  async askForPlan(coopId: string, actorId: string | null, requestId: string, reason: string): Promise<void> {
    await this.queue.add(
      PLAN_COOP_JOB.name,
      { coopId, actorId, requestId, outboxId: null, payload: { reason } } satisfies EnvelopeOf<typeof PLAN_COOP_JOB>,
      {
        delay: PLAN_DEBOUNCE_MS,
        deduplication: { id: planDedupId(coopId), ttl: PLAN_DEBOUNCE_MS, extend: true, replace: true },
        removeOnComplete: 100,
        removeOnFail: 100,
      },
    );
  }

  async plan(envelope: EnvelopeOf<typeof PLAN_COOP_JOB>): Promise<PlanRunResult> {
    const coopId = envelope.coopId;
    if (coopId === null) throw new Error('dispatch.plan-coop needs the coop in its envelope');
    return this.planning.run(coopId);
  }
}
