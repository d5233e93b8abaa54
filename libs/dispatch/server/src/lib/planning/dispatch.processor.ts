import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DUTY_CHANGED_JOB, FLEET_EVENTS_QUEUE } from '@federacycle/fleet-server';
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
  DISPATCH_IMPROVE_QUEUE,
  DISPATCH_QUEUE,
  IMPROVE_COOP_JOB,
  IMPROVE_DELAY_MS,
  IMPROVE_PRIORITY,
  MAX_IMPROVE_ROUNDS,
  PICKUP_DELAY_SLACK_MS,
  PICKUP_DELAY_SWEEP_EVERY_MS,
  PICKUP_DELAY_SWEEP_JOB,
  PLAN_COOP_JOB,
  PLAN_DEBOUNCE_MS,
  TASK_CLOSED_JOB,
  improveDedupId,
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
 * A fast run that placed work asks for an improvement (`dispatch.improve-coop`, deduplicated per
 * coop, delayed, lower priority): a longer search from the current routes, applied only if
 * better; an improvement that found better asks for the next round, up to MAX_IMPROVE_ROUNDS, so
 * a quiet coop stops improving. A periodic sweep asks for a run in every coop with a pickup
 * delayed (not started PICKUP_DELAY_SLACK_MS after its window opened).
 *
 * The run itself is PlanningService's (one run per coop at a time, mode manual / suggest / auto).
 */
@Processor(DISPATCH_QUEUE, { concurrency: 4 })
export class DispatchProcessor extends JobProcessor implements OnApplicationBootstrap {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(PlanningService) private readonly planning: PlanningService,
    @Inject(Metrics) metrics: Metrics,
    @InjectQueue(DISPATCH_QUEUE) private readonly queue: Queue,
    @InjectQueue(DISPATCH_IMPROVE_QUEUE) private readonly improveQueue: Queue,
  ) {
    super(metrics);
  }

  protected handlers(): readonly JobHandler[] {
    return [
      handle(DELIVERY_CREATED_JOB, (envelope) => this.workChanged(envelope, 'delivery-created')),
      handle(TASK_CLOSED_JOB, (envelope) => this.workChanged(envelope, `task-${envelope.payload.state}`)),
      handle(PLAN_COOP_JOB, (envelope) => this.plan(envelope)),
      handle(PICKUP_DELAY_SWEEP_JOB, () => this.sweepDelayedPickups(), 'none'),
    ];
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      PICKUP_DELAY_SWEEP_JOB.name,
      { every: PICKUP_DELAY_SWEEP_EVERY_MS },
      {
        name: PICKUP_DELAY_SWEEP_JOB.name,
        data: {
          coopId: null,
          actorId: null,
          requestId: 'scheduler',
          outboxId: null,
          payload: {},
        } satisfies EnvelopeOf<typeof PICKUP_DELAY_SWEEP_JOB>,
        opts: { removeOnComplete: 100, removeOnFail: 100 },
      },
    );
  }

  /** Asks for the coop's planning run, then marks the outbox row processed. */
  async workChanged(envelope: JobEnvelope<unknown>, reason: string): Promise<{ asked: boolean }> {
    const { coopId, outboxId } = envelope;
    if (coopId === null || outboxId === null) throw new Error('a dispatch work change needs its coop and outbox row');
    await this.askForPlan(coopId, envelope.actorId, envelope.requestId, reason);
    const claimed = await this.db.forCoop(coopId, (tx) => claimOutboxRow(tx, coopId, outboxId));
    return { asked: claimed };
  }

  /** The throttle window of a coop's planning run (PLAN_DEBOUNCE_MS; a spec widens it to make two asks land in one window). */
  planWindowMs = PLAN_DEBOUNCE_MS;

  /** One pending run per coop: an ask within the pending run's window lands on it. */
  async askForPlan(coopId: string, actorId: string | null, requestId: string, reason: string): Promise<void> {
    await this.queue.add(
      PLAN_COOP_JOB.name,
      { coopId, actorId, requestId, outboxId: null, payload: { reason } } satisfies EnvelopeOf<typeof PLAN_COOP_JOB>,
      {
        delay: this.planWindowMs,
        // throttle: the pending run's key lives as long as its delay, so a change that lands on it
        // happened before the run reads the coop's work; a later change asks for the next run
        deduplication: { id: planDedupId(coopId), ttl: this.planWindowMs },
        removeOnComplete: 100,
        removeOnFail: 100,
      },
    );
  }

  /**
   * One pending improvement per coop: asks within IMPROVE_DELAY_MS of the first land on it (the
   * deduplication's time to live equals the delay, so a running improvement can ask for the next).
   */
  async askForImprovement(coopId: string, requestId: string, round: number): Promise<void> {
    await this.improveQueue.add(
      IMPROVE_COOP_JOB.name,
      { coopId, actorId: null, requestId, outboxId: null, payload: { round } } satisfies EnvelopeOf<
        typeof IMPROVE_COOP_JOB
      >,
      {
        delay: IMPROVE_DELAY_MS,
        priority: IMPROVE_PRIORITY,
        deduplication: { id: improveDedupId(coopId), ttl: IMPROVE_DELAY_MS },
        removeOnComplete: 100,
        removeOnFail: 100,
      },
    );
  }

  async plan(envelope: EnvelopeOf<typeof PLAN_COOP_JOB>): Promise<PlanRunResult> {
    const coopId = envelope.coopId;
    if (coopId === null) throw new Error('dispatch.plan-coop needs the coop in its envelope');
    const result = await this.planning.run(coopId, { kind: 'fast' });
    if (result.mode !== 'manual' && (result.proposed.length > 0 || result.unassigned > 0)) {
      await this.askForImprovement(coopId, envelope.requestId, 1);
    }
    return result;
  }

  async improve(envelope: EnvelopeOf<typeof IMPROVE_COOP_JOB>): Promise<PlanRunResult> {
    const coopId = envelope.coopId;
    if (coopId === null) throw new Error('dispatch.improve-coop needs the coop in its envelope');
    const result = await this.planning.run(coopId, { kind: 'improve' });
    // the next round only when this one changed something (auto: moved or assigned work; suggest: a better proposal)
    const changed = result.ranAs === 'auto' ? result.assigned + result.moved > 0 : result.proposed.length > 0;
    if (result.improved && changed && envelope.payload.round < MAX_IMPROVE_ROUNDS) {
      await this.askForImprovement(coopId, envelope.requestId, envelope.payload.round + 1);
    }
    return result;
  }

  /**
   * Coops with a pickup that became delayed since the previous sweep (its window opened more than
   * the slack ago, within the last sweep interval, and it is not started): one run each. Across
   * coops through the security-definer function dispatch_delayed_pickup_coops (ids only).
   */
  async sweepDelayedPickups(now = Date.now()): Promise<{ coops: number }> {
    const until = new Date(now - PICKUP_DELAY_SLACK_MS);
    const since = new Date(now - PICKUP_DELAY_SLACK_MS - PICKUP_DELAY_SWEEP_EVERY_MS);
    const coops = await this.delayedPickupCoops(since, until);
    for (const coopId of coops) await this.askForPlan(coopId, null, 'pickup-delay-sweep', 'pickup-delayed');
    return { coops: coops.length };
  }

  /** The coops with a pickup whose window opened in [since, until) and that is not started yet. */
  async delayedPickupCoops(since: Date, until: Date): Promise<string[]> {
    const rows = await this.db.platform((tx) =>
      tx.query<{ coop_id: string }>('select coop_id from dispatch_delayed_pickup_coops($1, $2)', [since, until]),
    );
    return rows.map((r) => r.coop_id);
  }
}

/**
 * The background improvements (`dispatch.improve-coop`), one at a time per worker process: the
 * search runs off the coop's lock and gives the event loop back every few milliseconds (see
 * PlanningService.run), so the fast runs of every coop go on meanwhile.
 */
@Processor(DISPATCH_IMPROVE_QUEUE, { concurrency: 1 })
export class ImproveProcessor extends JobProcessor {
  constructor(
    @Inject(DispatchProcessor) private readonly dispatch: DispatchProcessor,
    @Inject(Metrics) metrics: Metrics,
  ) {
    super(metrics);
  }

  protected handlers(): readonly JobHandler[] {
    return [handle(IMPROVE_COOP_JOB, (envelope) => this.dispatch.improve(envelope))];
  }
}

/**
 * Fleet's events queue, consumed by dispatch: a courier going on or off duty changes who can
 * carry the coop's work, so it asks for the coop's planning run (the outbox row is claimed after).
 */
@Processor(FLEET_EVENTS_QUEUE)
export class FleetEventsProcessor extends JobProcessor {
  constructor(
    @Inject(DispatchProcessor) private readonly dispatch: DispatchProcessor,
    @Inject(Metrics) metrics: Metrics,
  ) {
    super(metrics);
  }

  protected handlers(): readonly JobHandler[] {
    return [
      handle(DUTY_CHANGED_JOB, (envelope) =>
        this.dispatch.workChanged(envelope, envelope.payload.onDuty ? 'courier-on-duty' : 'courier-off-duty'),
      ),
    ];
  }
}
