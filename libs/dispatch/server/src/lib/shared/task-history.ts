import type { EventSource, TaskEventData, TaskEventType, TaskKind, TaskState } from '@federacycle/contracts';
import { TenantContext, type Tx } from '@federacycle/platform-database';
import { TaskEvent } from '../deliveries/task-event.entity';
import { announceTaskChanges } from './delivery-events';

export interface TaskChange {
  taskId: string;
  deliveryId: string;
  type: TaskEventType;
  fromState: TaskState | null;
  toState: TaskState | null;
  data?: TaskEventData;
  /** the task's kind: a started or done change needs it (a pickup's and a dropoff's mean different delivery events) */
  kind?: TaskKind;
}

/**
 * Writes the history rows of changes made in `tx`: the actor and the request come from the
 * context of the work (the request, or the job's envelope), the source from the caller. Every
 * change of a task passes here, so the delivery events other domains hear of (created, assigned,
 * started, picked up, in transit) are written to the outbox here, in the same transaction.
 */
export async function recordTaskEvents(tx: Tx, source: EventSource, changes: readonly TaskChange[]): Promise<void> {
  if (changes.length === 0) return;
  const context = TenantContext.require();
  const coopId = tx.coopId;
  if (coopId === null) throw new Error('dispatch: task events need a transaction acting for a coop');
  await tx.manager.insert(
    TaskEvent,
    changes.map((c) => ({
      coopId,
      taskId: c.taskId,
      deliveryId: c.deliveryId,
      type: c.type,
      fromState: c.fromState,
      toState: c.toState,
      data: c.data ?? {},
      actorId: context.actorId,
      requestId: context.requestId,
      source,
    })),
  );
  await announceTaskChanges(tx, changes);
}

/** The coop of a caller's transaction (dispatch always works for one coop). */
export function coopOfTx(tx: Tx): string {
  if (tx.coopId === null)
    throw new Error('dispatch: this unit of work has no coop; open it with db.unitOfWork or db.forCoop');
  return tx.coopId;
}
