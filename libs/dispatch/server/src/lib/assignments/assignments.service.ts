import { Inject, Injectable, Optional } from '@nestjs/common';
import type { EventSource, TaskView } from '@federacycle/contracts';
import { Database, PgErrorCode, pgErrorCode, TenantContext, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { BoardEvents } from '../board/board-events';
import { alreadyAssigned, refused, taskNotFound, unknownCourier } from '../shared/dispatch-errors';
import { recordTaskEvents, type TaskChange } from '../shared/task-history';
import {
  TASK_FROM,
  factsOf,
  lockDeliveries,
  refreshDeliveryState,
  refreshDeliveryStates,
  taskById,
  toTaskView,
  type TaskRow,
} from '../shared/task-queries';
import { assignable, unassignable } from '../shared/task-state-machine';
import { ONE_ACTIVE_ASSIGNMENT_INDEX } from './task-assignment.entity';

export interface AssignOptions {
  pinned: boolean;
  source: EventSource;
}

/**
 * Who holds which task. Every write is a conditional update that must touch exactly the rows it
 * expects (a task moves open → assigned only if it is still open; an assignment ends only if it
 * is still the one the caller saw), backed by the partial unique index
 * task_assignments_one_active: whoever races, a task has at most one courier. The loser is
 * answered 409 TASK_ALREADY_ASSIGNED naming the winner.
 */
@Injectable()
export class AssignmentsService {
  constructor(
    @Inject(Database) private readonly db: Database,
    // the boards' live events (the planner's assignments too); absent in hand-built specs
    @Optional() @Inject(BoardEvents) private readonly board?: BoardEvents,
  ) {}

  assign(coopId: string, taskId: string, courierId: string, options: AssignOptions): Promise<TaskView> {
    return this.db.unitOfWork((tx) => this.assignIn(tx, coopId, taskId, courierId, options));
  }

  /** For the planner and other use cases: the same conditional assignment in the caller's transaction. */
  async assignIn(tx: Tx, coopId: string, taskId: string, courierId: string, options: AssignOptions): Promise<TaskView> {
    const courierName = await this.requireCourier(tx, coopId, courierId);
    const task = await this.lockedTask(tx, coopId, taskId);
    await this.assignLocked(tx, coopId, task, courierId, courierName, options);
    await refreshDeliveryState(tx, coopId, task.delivery_id);
    await this.board?.tasksChanged(tx, coopId, [taskId]);
    return toTaskView((await taskById(tx.manager, coopId, taskId)) as TaskRow);
  }

  /**
   * For the planner: many conditional assignments in the caller's transaction, set-based (a few
   * statements whatever their number), with the same checks, history and board events as
   * assignIn. The caller has locked the tasks' deliveries. All or nothing: a task no longer open
   * refuses the whole call (the caller's transaction rolls back).
   */
  async assignManyIn(
    tx: Tx,
    coopId: string,
    items: readonly { taskId: string; courierId: string }[],
    options: AssignOptions,
  ): Promise<void> {
    if (items.length === 0) return;
    const taskIds = items.map((i) => i.taskId);
    const courierIds = [...new Set(items.map((i) => i.courierId))];
    const [names, tasks] = await Promise.all([
      tx.query<{ id: string; display_name: string }>(
        'select id, display_name from couriers where coop_id = $1 and id = any($2::uuid[]) and active',
        [coopId, courierIds],
      ),
      tx.manager.query(`${TASK_FROM} where t.coop_id = $1 and t.id = any($2::uuid[])`, [coopId, taskIds]) as Promise<
        TaskRow[]
      >,
    ]);
    const nameOf = new Map(names.map((n) => [n.id, n.display_name]));
    const missingCourier = courierIds.find((id) => !nameOf.has(id));
    if (missingCourier !== undefined) throw unknownCourier(missingCourier);
    const taskOf = new Map(tasks.map((t) => [t.id, t]));
    for (const { taskId } of items) {
      const task = taskOf.get(taskId);
      if (!task) throw taskNotFound();
      if (task.state === 'assigned' || task.state === 'started') {
        throw alreadyAssigned({ taskId, courierId: task.courier_id ?? '', courierName: task.courier_name ?? '' });
      }
      const result = assignable(factsOf(task));
      if (!result.ok) throw refused(result);
    }
    const moved = await tx.execute(
      `update delivery_tasks set state = 'assigned', updated_at = now() where coop_id = $1 and id = any($2::uuid[]) and state = 'open'`,
      [coopId, taskIds],
    );
    if (moved !== items.length) throw changed();
    try {
      // each courier's new tasks at the end of their list, in the items' order
      await tx.execute(
        `insert into task_assignments (coop_id, task_id, courier_id, position, pinned, assigned_by)
         select $1::uuid, i.task_id, i.courier_id,
                coalesce((select max(a.position) + 1 from task_assignments a
                           where a.coop_id = $1 and a.courier_id = i.courier_id and a.ended_at is null), 0)
                  + (row_number() over (partition by i.courier_id order by i.ord))::int - 1,
                $4::boolean, $5::uuid
           from unnest($2::uuid[], $3::uuid[]) with ordinality as i(task_id, courier_id, ord)`,
        [coopId, taskIds, items.map((i) => i.courierId), options.pinned, TenantContext.require().actorId],
      );
    } catch (error) {
      if (
        pgErrorCode(error) === PgErrorCode.UNIQUE_VIOLATION &&
        (error as { constraint?: unknown }).constraint === ONE_ACTIVE_ASSIGNMENT_INDEX
      ) {
        throw changed();
      }
      throw error;
    }
    await recordTaskEvents(
      tx,
      options.source,
      items.map(({ taskId, courierId }) => ({
        taskId,
        deliveryId: (taskOf.get(taskId) as TaskRow).delivery_id,
        type: 'assigned' as const,
        fromState: 'open' as const,
        toState: 'assigned' as const,
        data: { courierId, courierName: nameOf.get(courierId) ?? null, pinned: options.pinned },
      })),
    );
    await refreshDeliveryStates(
      tx,
      coopId,
      tasks.map((t) => t.delivery_id),
    );
    await this.board?.tasksChanged(tx, coopId, taskIds);
  }

  /** All or nothing: every task must be open; the first that is not answers for all. */
  bulkAssign(
    coopId: string,
    taskIds: readonly string[],
    courierId: string,
    options: AssignOptions,
  ): Promise<TaskView[]> {
    return this.db.unitOfWork(async (tx) => {
      const courierName = await this.requireCourier(tx, coopId, courierId);
      const ids = [...new Set(taskIds)];
      const found = await tx.query<{ id: string; delivery_id: string }>(
        'select id, delivery_id from delivery_tasks where coop_id = $1 and id = any($2::uuid[])',
        [coopId, ids],
      );
      if (found.length !== ids.length) {
        const known = new Set(found.map((f) => f.id));
        const missing = ids.find((id) => !known.has(id)) as string;
        throw new ApiException(404, 'NOT_FOUND', `Task ${missing} not found`);
      }
      const deliveries = found.map((f) => f.delivery_id);
      await lockDeliveries(tx, coopId, deliveries);
      for (const id of ids) {
        const task = (await taskById(tx.manager, coopId, id)) as TaskRow;
        await this.assignLocked(tx, coopId, task, courierId, courierName, options);
      }
      for (const deliveryId of new Set(deliveries)) await refreshDeliveryState(tx, coopId, deliveryId);
      await this.board?.tasksChanged(tx, coopId, ids);
      const rows: TaskRow[] = await tx.manager.query(
        `${TASK_FROM} where t.coop_id = $1 and t.id = any($2::uuid[]) order by a.position`,
        [coopId, ids],
      );
      return rows.map(toTaskView);
    });
  }

  unassign(coopId: string, taskId: string, source: EventSource): Promise<TaskView> {
    return this.db.unitOfWork(async (tx) => {
      const task = await this.lockedTask(tx, coopId, taskId);
      const result = unassignable(factsOf(task));
      if (!result.ok) throw refused(result);
      const moved = await tx.execute(
        `update delivery_tasks set state = 'open', updated_at = now() where coop_id = $1 and id = $2 and state = 'assigned'`,
        [coopId, taskId],
      );
      const ended = await tx.execute(
        'update task_assignments set ended_at = now() where coop_id = $1 and task_id = $2 and courier_id = $3 and ended_at is null',
        [coopId, taskId, task.courier_id],
      );
      if (moved !== 1 || ended !== 1) throw changed();
      await recordTaskEvents(tx, source, [
        {
          taskId,
          deliveryId: task.delivery_id,
          type: 'unassigned',
          fromState: 'assigned',
          toState: 'open',
          data: { courierId: task.courier_id },
        },
      ]);
      await refreshDeliveryState(tx, coopId, task.delivery_id);
      await this.board?.tasksChanged(tx, coopId, [taskId]);
      return toTaskView((await taskById(tx.manager, coopId, taskId)) as TaskRow);
    });
  }

  /** From the courier the dispatcher saw to another: refused when the task moved meanwhile. */
  reassign(
    coopId: string,
    taskId: string,
    fromCourierId: string,
    toCourierId: string,
    options: AssignOptions,
  ): Promise<TaskView> {
    return this.db.unitOfWork((tx) => this.reassignIn(tx, coopId, taskId, fromCourierId, toCourierId, options));
  }

  /** For the planner: the same conditional reassignment in the caller's transaction. */
  async reassignIn(
    tx: Tx,
    coopId: string,
    taskId: string,
    fromCourierId: string,
    toCourierId: string,
    options: AssignOptions,
  ): Promise<TaskView> {
    const toName = await this.requireCourier(tx, coopId, toCourierId);
    const task = await this.lockedTask(tx, coopId, taskId);
    const result = unassignable(factsOf(task));
    if (!result.ok) throw refused(result);
    if (task.courier_id === toCourierId) {
      return toTaskView(task);
    }
    const ended = await tx.execute(
      'update task_assignments set ended_at = now() where coop_id = $1 and task_id = $2 and courier_id = $3 and ended_at is null',
      [coopId, taskId, fromCourierId],
    );
    if (ended !== 1) {
      throw new ApiException(
        409,
        'ASSIGNMENT_CHANGED',
        `This task is no longer with the courier you saw: it is with ${task.courier_name ?? 'nobody'} now`,
        undefined,
        undefined,
        { taskId, courierId: task.courier_id, courierName: task.courier_name },
      );
    }
    await this.insertAssignment(tx, coopId, taskId, toCourierId, options.pinned, task.courier_name ?? '');
    await recordTaskEvents(tx, options.source, [
      {
        taskId,
        deliveryId: task.delivery_id,
        type: 'reassigned',
        fromState: 'assigned',
        toState: 'assigned',
        data: { fromCourierId, toCourierId, toCourierName: toName },
      },
    ]);
    await this.board?.tasksChanged(tx, coopId, [taskId]);
    return toTaskView((await taskById(tx.manager, coopId, taskId)) as TaskRow);
  }

  /**
   * The courier's whole list of live tasks (assigned or started) in a new order. The ids must be
   * exactly that list: a list changed meanwhile answers 409 ASSIGNMENT_CHANGED with the current one.
   */
  reorder(coopId: string, courierId: string, taskIds: readonly string[], source: EventSource): Promise<TaskView[]> {
    return this.db.unitOfWork((tx) => this.reorderIn(tx, coopId, courierId, taskIds, source));
  }

  /** The courier's live list (assigned or started) in its order, in the caller's transaction. */
  async liveListIn(tx: Tx, coopId: string, courierId: string): Promise<TaskView[]> {
    return (await this.liveList(tx, coopId, courierId)).map(toTaskView);
  }

  /** For the planner: the same checked reorder in the caller's transaction. */
  async reorderIn(
    tx: Tx,
    coopId: string,
    courierId: string,
    taskIds: readonly string[],
    source: EventSource,
  ): Promise<TaskView[]> {
    const courier = await tx.maybeOne('select id from couriers where coop_id = $1 and id = $2 for update', [
      coopId,
      courierId,
    ]);
    if (!courier) throw ApiException.notFound('Courier');
    const current = await this.liveList(tx, coopId, courierId);
    const wanted = [...taskIds];
    const same =
      wanted.length === current.length &&
      new Set(wanted).size === wanted.length &&
      wanted.every((id) => current.some((t) => t.id === id));
    if (!same) {
      throw new ApiException(
        409,
        'ASSIGNMENT_CHANGED',
        "The courier's list changed meanwhile: reload it and order it again",
        undefined,
        undefined,
        { courierId, taskIds: current.map((t) => t.id) },
      );
    }
    const changes = reorderChanges(courierId, current, wanted);
    await tx.execute(
      `update task_assignments a set position = o.ord - 1
           from unnest($3::uuid[]) with ordinality as o(task_id, ord)
          where a.coop_id = $1 and a.courier_id = $2 and a.ended_at is null and a.task_id = o.task_id`,
      [coopId, courierId, wanted],
    );
    await recordTaskEvents(tx, source, changes);
    await this.board?.tasksChanged(tx, coopId, wanted);
    return (await this.liveList(tx, coopId, courierId)).map(toTaskView);
  }

  /**
   * For the planner: several couriers' lists put in the order `orderOf` gives (null: keep it), in
   * the caller's transaction, set-based. The couriers are locked first (as reorderIn does), their
   * lists read under the lock; one position update and one history insert for all of them.
   */
  async reorderManyIn(
    tx: Tx,
    coopId: string,
    courierIds: readonly string[],
    orderOf: (courierId: string, live: readonly TaskRow[]) => string[] | null,
    source: EventSource,
  ): Promise<number> {
    const sorted = [...new Set(courierIds)].sort();
    if (sorted.length === 0) return 0;
    await tx.query('select id from couriers where coop_id = $1 and id = any($2::uuid[]) order by id for update', [
      coopId,
      sorted,
    ]);
    const rows: TaskRow[] = await tx.manager.query(
      `${TASK_FROM} where t.coop_id = $1 and a.courier_id = any($2::uuid[]) and t.state in ('assigned', 'started')
        order by a.courier_id, a.position, a.assigned_at, t.id`,
      [coopId, sorted],
    );
    const changes: TaskChange[] = [];
    const ids: string[] = [];
    const positions: number[] = [];
    for (const courierId of sorted) {
      const live = rows.filter((r) => r.courier_id === courierId);
      const wanted = orderOf(courierId, live);
      if (wanted === null) continue;
      const known = new Set(live.map((t) => t.id));
      if (wanted.length !== live.length || !wanted.every((id) => known.has(id))) throw changed();
      const own = reorderChanges(courierId, live, wanted);
      const positionOf = new Map(wanted.map((id, position) => [id, position]));
      for (const change of own) {
        ids.push(change.taskId);
        positions.push(positionOf.get(change.taskId) as number);
      }
      changes.push(...own);
    }
    if (ids.length === 0) return 0;
    await tx.execute(
      `update task_assignments a set position = o.position
         from unnest($2::uuid[], $3::int[]) as o(task_id, position)
        where a.coop_id = $1 and a.ended_at is null and a.task_id = o.task_id`,
      [coopId, ids, positions],
    );
    await recordTaskEvents(tx, source, changes);
    await this.board?.tasksChanged(tx, coopId, ids);
    return ids.length;
  }

  /** A courier's live list (assigned or started), in order: the dispatcher's view of one courier. */
  async courierList(coopId: string, courierId: string): Promise<TaskView[]> {
    const [exists, rows] = await Promise.all([
      this.db.read((m) => m.query('select 1 from couriers where coop_id = $1 and id = $2', [coopId, courierId])),
      this.db.read((m) => m.query(`${TASK_FROM} ${LIVE_WHERE}`, [coopId, courierId])),
    ]);
    if ((exists as unknown[]).length === 0) throw ApiException.notFound('Courier');
    return (rows as TaskRow[]).map(toTaskView);
  }

  private liveList(tx: Tx, coopId: string, courierId: string): Promise<TaskRow[]> {
    return tx.manager.query(`${TASK_FROM} ${LIVE_WHERE}`, [coopId, courierId]);
  }

  /** The task with its delivery locked (every writer of a delivery's tasks locks it first). */
  private async lockedTask(tx: Tx, coopId: string, taskId: string): Promise<TaskRow> {
    const found = await tx.maybeOne<{ delivery_id: string }>(
      'select delivery_id from delivery_tasks where coop_id = $1 and id = $2',
      [coopId, taskId],
    );
    if (!found) throw taskNotFound();
    await lockDeliveries(tx, coopId, [found.delivery_id]);
    return (await taskById(tx.manager, coopId, taskId)) as TaskRow;
  }

  private async assignLocked(
    tx: Tx,
    coopId: string,
    task: TaskRow,
    courierId: string,
    courierName: string,
    options: AssignOptions,
  ): Promise<void> {
    if (task.state === 'assigned' || task.state === 'started') {
      throw alreadyAssigned({
        taskId: task.id,
        courierId: task.courier_id ?? '',
        courierName: task.courier_name ?? '',
      });
    }
    const result = assignable(factsOf(task));
    if (!result.ok) throw refused(result);
    const moved = await tx.execute(
      `update delivery_tasks set state = 'assigned', updated_at = now() where coop_id = $1 and id = $2 and state = 'open'`,
      [coopId, task.id],
    );
    if (moved !== 1) throw changed();
    await this.insertAssignment(tx, coopId, task.id, courierId, options.pinned, courierName);
    await recordTaskEvents(tx, options.source, [
      {
        taskId: task.id,
        deliveryId: task.delivery_id,
        type: 'assigned',
        fromState: 'open',
        toState: 'assigned',
        data: { courierId, courierName, pinned: options.pinned },
      },
    ]);
  }

  /** At the end of the courier's list; the partial unique index refuses a second active holder. */
  private async insertAssignment(
    tx: Tx,
    coopId: string,
    taskId: string,
    courierId: string,
    pinned: boolean,
    holder: string,
  ): Promise<void> {
    try {
      await tx.execute(
        `insert into task_assignments (coop_id, task_id, courier_id, position, pinned, assigned_by)
         select $1::uuid, $2::uuid, $3::uuid,
                coalesce((select max(position) + 1 from task_assignments
                           where coop_id = $1 and courier_id = $3 and ended_at is null), 0),
                $4::boolean, $5::uuid`,
        [coopId, taskId, courierId, pinned, TenantContext.require().actorId],
      );
    } catch (error) {
      if (
        pgErrorCode(error) === PgErrorCode.UNIQUE_VIOLATION &&
        (error as { constraint?: unknown }).constraint === ONE_ACTIVE_ASSIGNMENT_INDEX
      ) {
        throw alreadyAssigned({ taskId, courierId: '', courierName: holder });
      }
      throw error;
    }
  }

  /** The courier's name; 422 UNKNOWN_COURIER for an id the coop does not have or an inactive profile. */
  private async requireCourier(tx: Tx, coopId: string, courierId: string): Promise<string> {
    const row = await tx.maybeOne<{ display_name: string }>(
      'select display_name from couriers where coop_id = $1 and id = $2 and active',
      [coopId, courierId],
    );
    if (!row) throw unknownCourier(courierId);
    return row.display_name;
  }
}

/** The `reordered` events of putting a courier's live list in the wanted order: the tasks whose place changes. */
function reorderChanges(courierId: string, current: readonly TaskRow[], wanted: readonly string[]): TaskChange[] {
  const byId = new Map(current.map((t) => [t.id, t]));
  const changes: TaskChange[] = [];
  wanted.forEach((id, position) => {
    const task = byId.get(id) as TaskRow;
    if (task.position !== position) {
      changes.push({
        taskId: id,
        deliveryId: task.delivery_id,
        type: 'reordered',
        fromState: task.state,
        toState: task.state,
        data: { courierId, from: task.position, to: position },
      });
    }
  });
  return changes;
}

const LIVE_WHERE = `where t.coop_id = $1 and a.courier_id = $2 and t.state in ('assigned', 'started')
  order by a.position, a.assigned_at, t.id`;

const changed = (): ApiException =>
  ApiException.conflict('ASSIGNMENT_CHANGED', 'This task changed meanwhile: reload it and try again');
