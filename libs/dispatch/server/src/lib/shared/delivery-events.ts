import type { DeliveryEventName, DeliveryState, TaskKind } from '@federacycle/contracts';
import type { Tx } from '@federacycle/platform-database';
import { defineJob, writeOutbox } from '@federacycle/platform-queue';
import type { TaskChange } from './task-history';

/**
 * Dispatch's domain events for other domains: what happened to a delivery, written to the outbox
 * in the transaction of the change (dispatch imports none of its consumers). Ordering's worker
 * consumes the queue (webhook fan-out; the storefront's order updates later) and registers it, as
 * dispatch does for fleet's `fleet-events`.
 */
export const DISPATCH_EVENTS_QUEUE = 'dispatch-events';

export interface DeliveryEventPayload {
  deliveryId: string;
  event: DeliveryEventName;
  /** when it happened (ISO 8601, the writer's clock) */
  at: string;
  /** the courier, for assigned / started / picked_up / in_transit */
  courierId?: string | null;
}

export const DELIVERY_EVENT_JOB = defineJob<DeliveryEventPayload>(DISPATCH_EVENTS_QUEUE, 'dispatch.delivery-event');

/** The events already announced by a unit of work: one of each per delivery and transaction. */
const announced = new WeakMap<Tx, Set<string>>();

async function announce(
  tx: Tx,
  deliveryId: string,
  event: DeliveryEventName,
  courierId?: string | null,
): Promise<void> {
  let seen = announced.get(tx);
  if (!seen) {
    seen = new Set();
    announced.set(tx, seen);
  }
  const key = `${deliveryId}:${event}`;
  if (seen.has(key)) return;
  seen.add(key);
  await writeOutbox(tx, DELIVERY_EVENT_JOB, {
    deliveryId,
    event,
    at: new Date().toISOString(),
    ...(courierId === undefined ? {} : { courierId }),
  });
}

/** The delivery event a task change stands for, if any (final states come from the delivery's state). */
export function eventOfTaskChange(change: Pick<TaskChange, 'type' | 'kind' | 'data'>): DeliveryEventName | null {
  switch (change.type) {
    case 'created':
      // a rescheduled task's new attempt is not a new delivery
      return change.data?.['previousTaskId'] ? null : 'delivery.created';
    case 'assigned':
    case 'reassigned':
      return 'delivery.assigned';
    case 'started':
      return kindOf(change) === 'pickup' ? 'delivery.started' : 'delivery.in_transit';
    case 'done':
      return kindOf(change) === 'pickup' ? 'delivery.picked_up' : null;
    default:
      return null;
  }
}

function kindOf(change: Pick<TaskChange, 'type' | 'kind'>): TaskKind {
  if (!change.kind) throw new Error(`dispatch: a ${change.type} task change must name the task's kind`);
  return change.kind;
}

/** Called by recordTaskEvents: every task change of the delivery's life passes there. */
export async function announceTaskChanges(tx: Tx, changes: readonly TaskChange[]): Promise<void> {
  for (const change of changes) {
    const event = eventOfTaskChange(change);
    if (event === null) continue;
    const courier = change.data?.['courierId'] ?? change.data?.['toCourierId'];
    await announce(tx, change.deliveryId, event, typeof courier === 'string' ? courier : undefined);
  }
}

const FINAL_EVENTS: Partial<Record<DeliveryState, DeliveryEventName>> = {
  completed: 'delivery.completed',
  failed: 'delivery.failed',
  cancelled: 'delivery.cancelled',
};

/** Called by refreshDeliveryState when the delivery's state changed: its final states are events. */
export async function announceDeliveryState(tx: Tx, deliveryId: string, state: DeliveryState): Promise<void> {
  const event = FINAL_EVENTS[state];
  if (event) await announce(tx, deliveryId, event);
}
