import type { TaskState } from '@federacycle/contracts';
import { defineJob } from '@federacycle/platform-queue';
import { TRACKING_MAIL_QUEUE } from '../tracking/tracking.jobs';

/**
 * Dispatch's queue. Work changes (a new delivery, a task done or failed) are written to the
 * outbox in the transaction that made them; the dispatch worker reacts by asking for one
 * debounced planning run of the coop (`dispatch.plan-coop`, deduplicated per coop).
 *
 * A courier going on or off duty is fleet's change: fleet writes its own outbox row
 * (`courier.on_duty` / `courier.off_duty` audit events today); when fleet declares a duty-change
 * job, the dispatch worker handles it the same way (see the README).
 */
export const DISPATCH_QUEUE = 'dispatch';

/** Every queue dispatch's worker module registers (the recipients' mails have their own). */
export const DISPATCH_QUEUES: readonly string[] = [DISPATCH_QUEUE, TRACKING_MAIL_QUEUE];

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
  /** why the run was asked for (the first reason of a debounced burst) */
  reason: string;
}

/** a delivery was created (its tasks are open): plan it in */
export const DELIVERY_CREATED_JOB = defineJob<DeliveryCreatedPayload>(DISPATCH_QUEUE, 'dispatch.delivery-created');

/** a task was done, failed or cancelled: the courier's route changed */
export const TASK_CLOSED_JOB = defineJob<TaskClosedPayload>(DISPATCH_QUEUE, 'dispatch.task-closed');

/** one planning run of one coop (envelope coopId set); deduplicated per coop, debounced */
export const PLAN_COOP_JOB = defineJob<PlanCoopPayload>(DISPATCH_QUEUE, 'dispatch.plan-coop');

/** How long a burst of changes is gathered before one planning run (BullMQ debounce). */
export const PLAN_DEBOUNCE_MS = 500;

/** The deduplication id of a coop's planning run: one pending run per coop. */
export function planDedupId(coopId: string): string {
  return `plan:${coopId}`;
}
