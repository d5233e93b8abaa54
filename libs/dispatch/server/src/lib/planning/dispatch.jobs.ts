import type { TaskState } from '@federacycle/contracts';
import { FLEET_EVENTS_QUEUE } from '@federacycle/fleet-server';
import { defineJob } from '@federacycle/platform-queue';
import { TRACKING_MAIL_QUEUE } from '../tracking/tracking.jobs';

/**
 * Dispatch's queue. Work changes (a new delivery, a task done or failed) are written to the
 * outbox in the transaction that made them; the dispatch worker reacts by asking for one
 * debounced planning run of the coop (`dispatch.plan-coop`, deduplicated per coop).
 *
 * A courier going on or off duty is fleet's change: fleet declares `fleet.duty-changed` on its
 * `fleet-events` queue and writes it to the outbox (fleet may not import dispatch); dispatch's
 * worker consumes that queue and asks for a run the same way. A pickup still not started after
 * its window opened (plus PICKUP_DELAY_SLACK_MS) is found by a periodic sweep.
 */
export const DISPATCH_QUEUE = 'dispatch';

/**
 * The background improvements' own queue, consumed one job at a time per worker process: a
 * search never takes a slot a fast run needs, and the searches of one process share one core.
 */
export const DISPATCH_IMPROVE_QUEUE = 'dispatch-improve';

/** Every queue dispatch's worker module registers (fleet's events queue: dispatch is its consumer; the recipients' mails have their own). */
export const DISPATCH_QUEUES: readonly string[] = [
  DISPATCH_QUEUE,
  DISPATCH_IMPROVE_QUEUE,
  FLEET_EVENTS_QUEUE,
  TRACKING_MAIL_QUEUE,
];

export interface DeliveryCreatedPayload {
  deliveryId: string;
  taskIds: string[];
}

export interface TaskClosedPayload {
  deliveryId: string;
  taskId: string;
  state: Extract<TaskState, 'done' | 'failed' | 'cancelled'>;
}

export interface PlanCoopPayload {
  /** why the run was asked for (the last reason of a debounced burst) */
  reason: string;
}

export interface ImproveCoopPayload {
  /** 1 for the first improvement after a fast run; bounded by MAX_IMPROVE_ROUNDS */
  round: number;
}

export type PickupDelaySweepPayload = Record<string, never>;

/** a delivery was created (its tasks are open): plan it in */
export const DELIVERY_CREATED_JOB = defineJob<DeliveryCreatedPayload>(DISPATCH_QUEUE, 'dispatch.delivery-created');

/** a task was done, failed or cancelled: the courier's route changed */
export const TASK_CLOSED_JOB = defineJob<TaskClosedPayload>(DISPATCH_QUEUE, 'dispatch.task-closed');

/** one planning run of one coop (envelope coopId set); deduplicated per coop, debounced */
export const PLAN_COOP_JOB = defineJob<PlanCoopPayload>(DISPATCH_QUEUE, 'dispatch.plan-coop');

/**
 * The background improvement of a coop's plan: a longer search from the current routes, applied
 * only if better; deduplicated per coop, delayed, at a lower priority than the fast runs.
 */
export const IMPROVE_COOP_JOB = defineJob<ImproveCoopPayload>(DISPATCH_IMPROVE_QUEUE, 'dispatch.improve-coop');

/** Every minute: coops with a pickup still not started after its window opened get a run. */
export const PICKUP_DELAY_SWEEP_JOB = defineJob<PickupDelaySweepPayload>(DISPATCH_QUEUE, 'dispatch.pickup-delay-sweep');
export const PICKUP_DELAY_SWEEP_EVERY_MS = 60_000;
/** How long after its window opened a pickup not started counts as delayed. */
export const PICKUP_DELAY_SLACK_MS = 5 * 60_000;

/** The wait before an improvement, and the improvement's deduplication window. */
export const IMPROVE_DELAY_MS = 2_000;
/** Improvements in a row after one fast run: a quiet coop stops improving after these. */
export const MAX_IMPROVE_ROUNDS = 3;
/** BullMQ priority of an improvement (fast runs have none, so they go first). */
export const IMPROVE_PRIORITY = 10;

export function improveDedupId(coopId: string): string {
  return `improve:${coopId}`;
}

/**
 * How long changes are gathered into one planning run (BullMQ deduplication in throttle mode:
 * the first change asks for a run this much later, the changes until then land on it). A
 * throttle, not a debounce: a steady stream of new deliveries cannot postpone the run.
 */
export const PLAN_DEBOUNCE_MS = 150;

/** The deduplication id of a coop's planning run: one pending run per coop. */
export function planDedupId(coopId: string): string {
  return `plan:${coopId}`;
}
