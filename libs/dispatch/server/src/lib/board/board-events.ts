import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  BoardEventType,
  type BoardDeliveryCreatedEvent,
  type BoardTasksChangedEvent,
  type TaskState,
} from '@federacycle/contracts';
import type { Tx } from '@federacycle/platform-database';
import { RealtimePublisher, coopChannel } from '@federacycle/platform-realtime';

/**
 * The board's live events, published on the coop's channel once the unit of work commits.
 * Events are compact (ids and the new facts); a board that missed one re-reads itself.
 * Optional: a service built by hand (unit and planner specs) publishes nothing.
 */
@Injectable()
export class BoardEvents {
  constructor(@Optional() @Inject(RealtimePublisher) private readonly publisher?: RealtimePublisher) {}

  /** The tasks' new state, courier and place, read in `tx` now and published after its commit. */
  async tasksChanged(tx: Tx, coopId: string, taskIds: readonly string[]): Promise<void> {
    if (!this.publisher || taskIds.length === 0) return;
    const rows = await tx.query<{
      id: string;
      delivery_id: string;
      state: TaskState;
      courier_id: string | null;
      position: number | null;
    }>(
      `select t.id, t.delivery_id, t.state, a.courier_id, a.position
         from delivery_tasks t
         left join task_assignments a on a.coop_id = t.coop_id and a.task_id = t.id and a.ended_at is null
        where t.coop_id = $1 and t.id = any($2::uuid[])`,
      [coopId, [...new Set(taskIds)]],
    );
    const data: BoardTasksChangedEvent = {
      tasks: rows.map((r) => ({
        id: r.id,
        deliveryId: r.delivery_id,
        state: r.state,
        courierId: r.courier_id,
        seq: r.position,
      })),
    };
    this.publisher.publishAfterCommit(tx, coopChannel(coopId), { type: BoardEventType.TASKS_CHANGED, data });
  }

  deliveryCreated(tx: Tx, coopId: string, deliveryId: string, taskIds: readonly string[]): void {
    if (!this.publisher) return;
    const data: BoardDeliveryCreatedEvent = { deliveryId, taskIds: [...taskIds] };
    this.publisher.publishAfterCommit(tx, coopChannel(coopId), { type: BoardEventType.DELIVERY_CREATED, data });
  }
}
