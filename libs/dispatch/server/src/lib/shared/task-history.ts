import type { EventSource, TaskEventData, TaskEventType, TaskState } from '@federacycle/contracts';
import { TenantContext, type Tx } from '@federacycle/platform-database';
import { TaskEvent } from '../deliveries/task-event.entity';

export interface TaskChange {
  taskId: string;
  deliveryId: string;
  type: TaskEventType;
  fromState: TaskState | null;
  toState: TaskState | null;
  data?: TaskEventData;
}

/**
 * Writes the history rows of changes made in `tx`: the actor and the request come from the
 * context of the work (the request, or the job's envelope), the source from the caller.
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
}

/** The coop of a caller's transaction (dispatch always works for one coop). */
export function coopOfTx(tx: Tx): string {
  if (tx.coopId === null)
    throw new Error('dispatch: this unit of work has no coop; open it with db.unitOfWork or db.forCoop');
  return tx.coopId;
}
