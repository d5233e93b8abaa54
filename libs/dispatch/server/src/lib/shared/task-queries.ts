import type { EntityManager } from 'typeorm';
import type {
  DeliveryState,
  DeliveryView,
  FailureReason,
  PackageLine,
  TaskKind,
  TaskState,
  TaskView,
} from '@federacycle/contracts';
import type { Tx } from '@federacycle/platform-database';
import type { Delivery } from '../deliveries/delivery.entity';
import { deliveryStateOf, type TaskFacts } from './task-state-machine';

/** A task row with its active assignment and the courier's name (one statement). */
export interface TaskRow {
  id: string;
  delivery_id: string;
  kind: TaskKind;
  state: TaskState;
  attempt: number;
  previous_task_id: string | null;
  superseded_by: string | null;
  address: string;
  lat: number;
  lng: number;
  window_after: Date | null;
  window_before: Date | null;
  service_minutes: number;
  contact_name: string | null;
  contact_phone: string | null;
  comments: string | null;
  packages: PackageLine[];
  weight_grams: number;
  failure_reason: FailureReason | null;
  created_at: Date;
  updated_at: Date;
  courier_id: string | null;
  courier_name: string | null;
  position: number | null;
  pinned: boolean | null;
  assigned_at: Date | null;
}

/** The select list and joins every task read uses; the caller adds the where clause. */
export const TASK_FROM = `select t.id, t.delivery_id, t.kind, t.state, t.attempt, t.previous_task_id, t.superseded_by,
       t.address, t.lat, t.lng, t.window_after, t.window_before, t.service_minutes, t.contact_name,
       t.contact_phone, t.comments, t.packages, t.weight_grams, t.failure_reason, t.created_at, t.updated_at,
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

export async function taskById(manager: EntityManager, coopId: string, taskId: string): Promise<TaskRow | null> {
  const rows: TaskRow[] = await manager.query(`${TASK_FROM} where t.coop_id = $1 and t.id = $2`, [coopId, taskId]);
  return rows[0] ?? null;
}

export function toDeliveryView(d: Delivery, tasks: readonly TaskRow[]): DeliveryView {
  return {
    id: d.id,
    reference: d.reference,
    state: d.state,
    trackingToken: d.trackingToken,
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

/** Recomputes a delivery's state from its tasks; writes it when it changed. */
export async function refreshDeliveryState(tx: Tx, coopId: string, deliveryId: string): Promise<DeliveryState> {
  const tasks = await tx.query<{ id: string; kind: TaskKind; state: TaskState; superseded_by: string | null }>(
    'select id, kind, state, superseded_by from delivery_tasks where coop_id = $1 and delivery_id = $2',
    [coopId, deliveryId],
  );
  const state = deliveryStateOf(
    tasks.map((t) => ({ id: t.id, kind: t.kind, state: t.state, supersededBy: t.superseded_by })),
  );
  await tx.execute(
    'update deliveries set state = $3, updated_at = now() where coop_id = $1 and id = $2 and state <> $3',
    [coopId, deliveryId, state],
  );
  return state;
}
