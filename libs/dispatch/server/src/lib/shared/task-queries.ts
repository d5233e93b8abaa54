import type { EntityManager } from 'typeorm';
import type { DeliveryState, DeliveryView, TaskKind, TaskState, TaskView } from '@federacycle/contracts';
import type { Tx } from '@federacycle/platform-database';
import type { Courier } from '@federacycle/fleet-server';
import type { TaskAssignment } from '../assignments/task-assignment.entity';
import type { DeliveryTask } from '../deliveries/delivery-task.entity';
import type { Delivery } from '../deliveries/delivery.entity';
import { announceDeliveryState } from './delivery-events';
import { deliveryStateOf, type TaskFacts } from './task-state-machine';

type T = DeliveryTask;
type A = TaskAssignment;

/**
 * A task row with its active assignment and the courier's name (one statement, `TASK_FROM`), under
 * the columns' raw names; every field is typed from its entity, the row's one definition.
 */
export type TaskRow = {
  id: T['id'];
  delivery_id: T['deliveryId'];
  kind: T['kind'];
  state: T['state'];
  attempt: T['attempt'];
  previous_task_id: T['previousTaskId'];
  superseded_by: T['supersededBy'];
  address: T['address'];
  lat: T['lat'];
  lng: T['lng'];
  window_after: T['windowAfter'];
  window_before: T['windowBefore'];
  service_minutes: T['serviceMinutes'];
  contact_name: T['contactName'];
  contact_phone: T['contactPhone'];
  contact_email: T['contactEmail'];
  contact_language: T['contactLanguage'];
  comments: T['comments'];
  packages: T['packages'];
  weight_grams: T['weightGrams'];
  failure_reason: T['failureReason'];
  created_at: T['createdAt'];
  updated_at: T['updatedAt'];
  // the active assignment, when there is one (left join)
  courier_id: A['courierId'] | null;
  courier_name: Courier['displayName'] | null;
  position: A['position'] | null;
  pinned: A['pinned'] | null;
  assigned_at: A['assignedAt'] | null;
};

/** The select list and joins every task read uses; the caller adds the where clause. */
export const TASK_FROM = `select t.id, t.delivery_id, t.kind, t.state, t.attempt, t.previous_task_id, t.superseded_by,
       t.address, t.lat, t.lng, t.window_after, t.window_before, t.service_minutes, t.contact_name,
       t.contact_phone, t.contact_email, t.contact_language, t.comments, t.packages, t.weight_grams, t.failure_reason, t.created_at, t.updated_at,
       a.courier_id, c.display_name as courier_name, a.position, a.pinned, a.assigned_at
  from delivery_tasks t
  left join task_assignments a on a.coop_id = t.coop_id and a.task_id = t.id and a.ended_at is null
  left join couriers c on c.coop_id = a.coop_id and c.id = a.courier_id`;

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toTaskView(r: TaskRow): TaskView {
  return {
    id: r.id,
    deliveryId: r.delivery_id,
    kind: r.kind,
    state: r.state,
    attempt: r.attempt,
    previousTaskId: r.previous_task_id,
    address: r.address,
    lat: r.lat,
    lng: r.lng,
    after: iso(r.window_after),
    before: iso(r.window_before),
    serviceMinutes: r.service_minutes,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    contactEmail: r.contact_email,
    contactLanguage: r.contact_language,
    comments: r.comments,
    packages: r.packages,
    weightGrams: r.weight_grams,
    failureReason: r.failure_reason,
    assignment:
      r.courier_id === null
        ? null
        : {
            courierId: r.courier_id,
            courierName: r.courier_name ?? '',
            position: r.position ?? 0,
            pinned: r.pinned ?? false,
            assignedAt: (r.assigned_at as Date).toISOString(),
          },
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export const factsOf = (r: TaskRow): TaskFacts => ({
  id: r.id,
  kind: r.kind,
  state: r.state,
  supersededBy: r.superseded_by,
});

export function tasksOfDelivery(manager: EntityManager, coopId: string, deliveryId: string): Promise<TaskRow[]> {
  return manager.query(`${TASK_FROM} where t.coop_id = $1 and t.delivery_id = $2 order by t.seq, t.attempt`, [
    coopId,
    deliveryId,
  ]);
}

/** The tasks of several deliveries, each delivery's in order. */
export function tasksOfDeliveries(
  manager: EntityManager,
  coopId: string,
  deliveryIds: readonly string[],
): Promise<TaskRow[]> {
  return manager.query(
    `${TASK_FROM} where t.coop_id = $1 and t.delivery_id = any($2::uuid[]) order by t.delivery_id, t.seq, t.attempt`,
    [coopId, deliveryIds],
  );
}

export async function taskById(manager: EntityManager, coopId: string, taskId: string): Promise<TaskRow | null> {
  const rows: TaskRow[] = await manager.query(`${TASK_FROM} where t.coop_id = $1 and t.id = $2`, [coopId, taskId]);
  return rows[0] ?? null;
}

export function toDeliveryView(d: Delivery, tasks: readonly TaskRow[]): DeliveryView {
  return {
    id: d.id,
    reference: d.reference,
    state: d.state,
    merchantId: d.merchantId,
    trackingToken: d.trackingToken,
    source: d.source,
    timeSlotId: d.timeSlotId,
    tasks: tasks.map(toTaskView),
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

/**
 * Locks the delivery row (`for update`): every change to a delivery's tasks takes this lock
 * first, deliveries in id order, so rules across tasks (a dropoff after its pickups) see a
 * stable set and two writers never wait on each other in opposite orders.
 */
export async function lockDeliveries(tx: Tx, coopId: string, deliveryIds: readonly string[]): Promise<string[]> {
  const sorted = [...new Set(deliveryIds)].sort();
  if (sorted.length === 0) return [];
  const rows = await tx.query<{ id: string }>(
    'select id from deliveries where coop_id = $1 and id = any($2::uuid[]) order by id for update',
    [coopId, sorted],
  );
  return rows.map((r) => r.id);
}

/**
 * Recomputes a delivery's state from its tasks; writes it when it changed, and then announces a
 * final state (completed, failed, cancelled) as a delivery event in the same transaction.
 */
export async function refreshDeliveryState(tx: Tx, coopId: string, deliveryId: string): Promise<DeliveryState> {
  return (await refreshDeliveryStates(tx, coopId, [deliveryId])).get(deliveryId) as DeliveryState;
}

/** The same for many deliveries: one read of their tasks, one write of the states that changed. */
export async function refreshDeliveryStates(
  tx: Tx,
  coopId: string,
  deliveryIds: readonly string[],
): Promise<Map<string, DeliveryState>> {
  const ids = [...new Set(deliveryIds)];
  const states = new Map<string, DeliveryState>();
  if (ids.length === 0) return states;
  const tasks = await tx.query<{
    delivery_id: string;
    id: string;
    kind: TaskKind;
    state: TaskState;
    superseded_by: string | null;
  }>(
    'select delivery_id, id, kind, state, superseded_by from delivery_tasks where coop_id = $1 and delivery_id = any($2::uuid[])',
    [coopId, ids],
  );
  const byDelivery = new Map<string, TaskFacts[]>(ids.map((id) => [id, []]));
  for (const t of tasks) {
    byDelivery.get(t.delivery_id)?.push({ id: t.id, kind: t.kind, state: t.state, supersededBy: t.superseded_by });
  }
  for (const [id, facts] of byDelivery) states.set(id, deliveryStateOf(facts));
  const changed = await tx.query<{ id: string; state: DeliveryState }>(
    `update deliveries d set state = s.state, updated_at = now()
       from unnest($2::uuid[], $3::text[]) as s(id, state)
      where d.coop_id = $1 and d.id = s.id and d.state <> s.state
      returning d.id, d.state`,
    [coopId, ids, ids.map((id) => states.get(id))],
  );
  // only a delivery whose own state changed is announced (completed, failed, cancelled)
  for (const row of changed) await announceDeliveryState(tx, row.id, row.state);
  return states;
}
