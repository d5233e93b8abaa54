import { Inject, Injectable, Optional } from '@nestjs/common';
import { In } from 'typeorm';
import { BoardEvents } from '../board/board-events';
import {
  MAX_DELIVERY_EXPORT_ROWS,
  type DeliverySearch,
  type DeliverySummaryView,
  type DeliveryView,
  type EventSource,
  type Page,
  type RescheduleRequest,
  type TaskActionRequest,
  type TaskEventData,
  type TaskEventView,
  type TaskView,
} from '@federacycle/contracts';
import { Database, type Tx } from '@federacycle/platform-database';
import { ApiException, idempotent, type IdempotentCall, type IdempotentResult } from '@federacycle/platform-http';
import { writeOutbox } from '@federacycle/platform-queue';
import { TASK_CLOSED_JOB } from '../planning/dispatch.jobs';
import { askRecipientMail } from '../tracking/ask-recipient-mail';
import { checkWindow, parseWindowInstant } from '../shared/delivery-rules';
import { deliveryNotFound, refused, taskNotFound } from '../shared/dispatch-errors';
import { recordTaskEvents, type TaskChange } from '../shared/task-history';
import {
  TASK_FROM,
  factsOf,
  lockDeliveries,
  refreshDeliveryState,
  taskById,
  tasksOfDelivery,
  tasksOfDeliveries,
  toDeliveryView,
  toTaskView,
  type TaskRow,
} from '../shared/task-queries';
import { isFinal, reschedulable, taskTransition } from '../shared/task-state-machine';
import { Delivery } from './delivery.entity';
import {
  SEARCH_BATCH_SQL,
  SEARCH_COUNT_SQL,
  SEARCH_PAGE_SQL,
  searchParams,
  toSummaryView,
  type DeliverySummaryRow,
} from './search/delivery-search';
import { TaskEvent } from './task-event.entity';
import { CreateDeliveryUseCase, type CreateDeliveryCommand } from './usecases/create-delivery/create-delivery.usecase';

/** A row of the history's statement under its raw names, typed from the entity. */
type EventRow = Pick<TaskEvent, 'id' | 'type' | 'at' | 'source' | 'data'> & {
  task_id: TaskEvent['taskId'];
  from_state: TaskEvent['fromState'];
  to_state: TaskEvent['toState'];
  actor_id: TaskEvent['actorId'];
  actor_name: string | null;
  request_id: TaskEvent['requestId'];
};

/** Who acts on a task: a dispatcher (any task of the coop) or a courier (their own only). */
export type TaskActor = { kind: 'dispatcher' } | { kind: 'courier'; userId: string };

/**
 * Deliveries and their tasks' lifecycle. Every change locks the delivery first, checks the pure
 * rules (task-state-machine), writes with a conditional update from the state it read, records
 * the task's event and recomputes the delivery's state, in one unit of work.
 */
@Injectable()
export class DeliveriesService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CreateDeliveryUseCase) private readonly createDelivery: CreateDeliveryUseCase,
    @Optional() @Inject(BoardEvents) private readonly board?: BoardEvents,
  ) {}

  create(command: CreateDeliveryCommand): Promise<DeliveryView> {
    return this.db.unitOfWork((tx) => this.createDelivery.execute(tx, command));
  }

  /** The create under an Idempotency-Key (the key's record in the same transaction). */
  createOnce(command: CreateDeliveryCommand, call: IdempotentCall): Promise<IdempotentResult<DeliveryView>> {
    return this.db.unitOfWork((tx) =>
      idempotent(tx, call, async () => ({ status: 201, body: await this.createDelivery.execute(tx, command) })),
    );
  }

  /** The Deliveries page's search, newest first; one statement with a window count. */
  async list(
    coopId: string,
    search: DeliverySearch,
    limit: number,
    offset: number,
  ): Promise<Page<DeliverySummaryView>> {
    const params = searchParams(coopId, search);
    const rows: Array<DeliverySummaryRow & { total: string }> = await this.db.read((m) =>
      m.query(SEARCH_PAGE_SQL, [...params, limit, offset]),
    );
    let total = Number(rows[0]?.total ?? 0);
    if (rows.length === 0 && offset > 0) {
      const counted: { n: number }[] = await this.db.read((m) => m.query(SEARCH_COUNT_SQL, params));
      total = counted[0]?.n ?? 0;
    }
    return { items: rows.map(toSummaryView), total };
  }

  /**
   * The search's rows in batches of `batch`, newest first (keyset on created_at, id), at most
   * MAX_DELIVERY_EXPORT_ROWS: the CSV export streams them. Each batch is one read of the caller's coop.
   */
  async *exportRows(coopId: string, search: DeliverySearch, batch = 500): AsyncGenerator<DeliverySummaryView[]> {
    const params = searchParams(coopId, search);
    let after: { at: Date; id: string } | null = null;
    let sent = 0;
    while (sent < MAX_DELIVERY_EXPORT_ROWS) {
      const size = Math.min(batch, MAX_DELIVERY_EXPORT_ROWS - sent);
      const keyset: [Date | null, string | null] = after ? [after.at, after.id] : [null, null];
      const rows: DeliverySummaryRow[] = await this.db.read((m) =>
        m.query(SEARCH_BATCH_SQL, [...params, ...keyset, size]),
      );
      if (rows.length === 0) return;
      yield rows.map(toSummaryView);
      sent += rows.length;
      const last = rows[rows.length - 1] as DeliverySummaryRow;
      after = { at: last.created_at, id: last.id };
      if (rows.length < size) return;
    }
  }

  async get(coopId: string, id: string): Promise<DeliveryView> {
    const [delivery, tasks] = await Promise.all([
      this.db.read((m) => m.findOneBy(Delivery, { coopId, id })),
      this.db.read((m) => tasksOfDelivery(m, coopId, id)),
    ]);
    if (!delivery) throw deliveryNotFound();
    return toDeliveryView(delivery, tasks);
  }

  /**
   * Several deliveries with their tasks, in the order of `ids` (unknown ids left out): two reads,
   * whatever the count. For other domains' lists (the partner API's).
   */
  async viewsOf(coopId: string, ids: readonly string[]): Promise<DeliveryView[]> {
    if (ids.length === 0) return [];
    const [deliveries, tasks] = await Promise.all([
      this.db.read((m) => m.findBy(Delivery, { coopId, id: In([...ids]) })),
      this.db.read((m) => tasksOfDeliveries(m, coopId, ids)),
    ]);
    const byDelivery = new Map<string, TaskRow[]>();
    for (const task of tasks) byDelivery.set(task.delivery_id, [...(byDelivery.get(task.delivery_id) ?? []), task]);
    const found = new Map(deliveries.map((d) => [d.id, d]));
    return ids.flatMap((id) => {
      const delivery = found.get(id);
      return delivery ? [toDeliveryView(delivery, byDelivery.get(id) ?? [])] : [];
    });
  }

  /** The delivery's whole history, oldest first, with the name of who made each change. */
  async events(coopId: string, deliveryId: string): Promise<TaskEventView[]> {
    const [exists, events] = await Promise.all([
      this.db.read((m) => m.existsBy(Delivery, { coopId, id: deliveryId })),
      this.db.read(
        (m) =>
          m.query(
            `select e.id, e.task_id, e.type, e.from_state, e.to_state, e.at, e.actor_id, u.name as actor_name,
                    e.request_id, e.source, e.data
               from task_events e
               left join users u on u.id = e.actor_id
              where e.coop_id = $1 and e.delivery_id = $2
              order by e.at, e.id
              limit 1000`,
            [coopId, deliveryId],
          ) as Promise<EventRow[]>,
      ),
    ]);
    if (!exists) throw deliveryNotFound();
    return events.map((e) => ({
      id: e.id,
      taskId: e.task_id,
      type: e.type,
      fromState: e.from_state,
      toState: e.to_state,
      at: e.at.toISOString(),
      actorId: e.actor_id,
      actorName: e.actor_name,
      requestId: e.request_id,
      source: e.source,
      data: e.data,
    }));
  }

  /** Cancels every task not final yet (which cancels the delivery when nothing was done). */
  cancel(coopId: string, deliveryId: string, source: EventSource): Promise<DeliveryView> {
    return this.db.unitOfWork((tx) => this.cancelIn(tx, coopId, deliveryId, source));
  }

  /**
   * The cancellation in the caller's transaction (the partner API checks the delivery is its
   * client's first). With `refuseOnceUnderWay`, a delivery whose pickup a courier has done (or
   * whose tasks are all final) is refused with 409 DELIVERY_UNDER_WAY, decided after the
   * delivery's row is locked, so a courier's pickup cannot slip in between.
   */
  async cancelIn(
    tx: Tx,
    coopId: string,
    deliveryId: string,
    source: EventSource,
    options: { refuseOnceUnderWay?: boolean } = {},
  ): Promise<DeliveryView> {
    if ((await lockDeliveries(tx, coopId, [deliveryId])).length === 0) throw deliveryNotFound();
    const tasks = await tasksOfDelivery(tx.manager, coopId, deliveryId);
    if (
      options.refuseOnceUnderWay &&
      (tasks.some((t) => t.kind === 'pickup' && t.state === 'done') || tasks.every((t) => isFinal(t.state)))
    ) {
      throw ApiException.conflict(
        'DELIVERY_UNDER_WAY',
        'A courier has picked this delivery up (or it is finished): it can no longer be cancelled',
      );
    }
    const open = tasks.filter((t) => !isFinal(t.state));
    if (open.length === 0) {
      throw ApiException.conflict('TASK_CLOSED', 'Every task of this delivery is finished already: nothing to cancel');
    }
    const changes: TaskChange[] = [];
    for (const task of open) {
      await this.moveTask(tx, coopId, task, 'cancelled');
      changes.push({
        taskId: task.id,
        deliveryId,
        type: 'cancelled',
        fromState: task.state,
        toState: 'cancelled',
        kind: task.kind,
      });
    }
    await recordTaskEvents(tx, source, changes);
    await refreshDeliveryState(tx, coopId, deliveryId);
    for (const task of open) {
      await writeOutbox(tx, TASK_CLOSED_JOB, { deliveryId, taskId: task.id, state: 'cancelled' });
    }
    await this.board?.tasksChanged(
      tx,
      coopId,
      open.map((t) => t.id),
    );
    const delivery = await tx.manager.findOneByOrFail(Delivery, { coopId, id: deliveryId });
    return toDeliveryView(delivery, await tasksOfDelivery(tx.manager, coopId, deliveryId));
  }

  /** start / complete / fail / cancel one task, by a dispatcher or by the courier holding it. */
  act(
    coopId: string,
    taskId: string,
    body: TaskActionRequest,
    actor: TaskActor,
    source: EventSource,
  ): Promise<TaskView> {
    return this.db.unitOfWork(async (tx) => {
      const task = await this.lockTask(tx, coopId, taskId, actor);
      if (actor.kind === 'courier' && body.action === 'cancel') {
        throw ApiException.forbidden(
          'A courier cannot cancel a task: ask the dispatcher, or mark it failed with a reason',
        );
      }
      return this.applyAction(tx, coopId, task, body, source);
    });
  }

  /**
   * Moves a task the caller found and whose delivery it locked (in the caller's unit of work):
   * checks the transition, writes it from the state read, records the event (with `data` beside
   * the reason and note), recomputes the delivery and queues the planner's trigger. The courier
   * app's idempotent actions call this inside their own transaction.
   */
  async applyAction(
    tx: Tx,
    coopId: string,
    task: TaskRow,
    body: TaskActionRequest,
    source: EventSource,
    extra: TaskEventData = {},
  ): Promise<TaskView> {
    const taskId = task.id;
    const siblings = await tasksOfDelivery(tx.manager, coopId, task.delivery_id);
    const result = taskTransition(factsOf(task), body.action, siblings.map(factsOf));
    if (!result.ok) throw refused(result);
    if (result.to === 'failed' && !body.reason) {
      throw new ApiException(400, 'FAILURE_REASON_REQUIRED', 'Say why the task failed: pick a reason');
    }
    await this.moveTask(tx, coopId, task, result.to, result.to === 'failed' ? (body.reason ?? null) : null);
    const data: TaskEventData = { ...extra };
    if (body.reason) data['reason'] = body.reason;
    if (body.note?.trim()) data['note'] = body.note.trim();
    if (task.courier_id) data['courierId'] = task.courier_id;
    await recordTaskEvents(tx, source, [
      {
        taskId,
        deliveryId: task.delivery_id,
        type:
          result.to === 'started'
            ? 'started'
            : result.to === 'done'
              ? 'done'
              : result.to === 'failed'
                ? 'failed'
                : 'cancelled',
        fromState: task.state,
        toState: result.to,
        data,
        kind: task.kind,
      },
    ]);
    await refreshDeliveryState(tx, coopId, task.delivery_id);
    if (result.to === 'done' || result.to === 'failed' || result.to === 'cancelled') {
      await writeOutbox(tx, TASK_CLOSED_JOB, { deliveryId: task.delivery_id, taskId, state: result.to });
    }
    if (result.to === 'done') await askRecipientMail(tx, coopId, task.delivery_id);
    await this.board?.tasksChanged(tx, coopId, [taskId]);
    return toTaskView((await taskById(tx.manager, coopId, taskId)) as TaskRow);
  }

  /** A failed task tried again: a new open task (attempt + 1), optionally with a new window. */
  reschedule(
    coopId: string,
    taskId: string,
    body: RescheduleRequest,
    source: EventSource,
    now = Date.now(),
  ): Promise<TaskView> {
    return this.db.unitOfWork(async (tx) => {
      const task = await this.lockTask(tx, coopId, taskId, { kind: 'dispatcher' });
      const result = reschedulable(factsOf(task));
      if (!result.ok) throw refused(result);
      const after = body.after === undefined ? task.window_after : parseWindowInstant(body.after, 'after');
      const before = body.before === undefined ? task.window_before : parseWindowInstant(body.before, 'before');
      checkWindow(after, before, 'The new attempt', now);
      const created = await tx.one<{ id: string }>(
        `insert into delivery_tasks (coop_id, delivery_id, kind, seq, attempt, previous_task_id, address, lat, lng,
                window_after, window_before, service_minutes, contact_name, contact_phone, comments, packages, weight_grams)
         select coop_id, delivery_id, kind, seq, attempt + 1, id, address, lat, lng, $3, $4, service_minutes,
                contact_name, contact_phone, comments, packages, weight_grams
           from delivery_tasks where coop_id = $1 and id = $2
         returning id`,
        [coopId, taskId, after, before],
      );
      await tx.execute(
        'update delivery_tasks set superseded_by = $3, updated_at = now() where coop_id = $1 and id = $2 and superseded_by is null',
        [coopId, taskId, created.id],
      );
      await recordTaskEvents(tx, source, [
        {
          taskId,
          deliveryId: task.delivery_id,
          type: 'rescheduled',
          fromState: 'failed',
          toState: 'failed',
          data: { nextTaskId: created.id },
        },
        {
          taskId: created.id,
          deliveryId: task.delivery_id,
          type: 'created',
          fromState: null,
          toState: 'open',
          data: { kind: task.kind, previousTaskId: taskId, attempt: task.attempt + 1 },
        },
      ]);
      await refreshDeliveryState(tx, coopId, task.delivery_id);
      // a new task on the board: boards read it on their next resync
      this.board?.deliveryCreated(tx, coopId, task.delivery_id, [created.id]);
      return toTaskView((await taskById(tx.manager, coopId, created.id)) as TaskRow);
    });
  }

  /** The courier's own tasks still to do (assigned or started), in their order. */
  async ownTasks(coopId: string, userId: string): Promise<TaskView[]> {
    const rows: TaskRow[] = await this.db.read((m) =>
      m.query(
        `${TASK_FROM}
          where t.coop_id = $1 and c.user_id = $2 and t.state in ('assigned', 'started')
          order by a.position, a.assigned_at, t.id`,
        [coopId, userId],
      ),
    );
    return rows.map(toTaskView);
  }

  /**
   * Finds the task and locks its delivery. A courier finds only a task assigned to them: any
   * other task answers 404, exactly as a task that does not exist.
   */
  private async lockTask(tx: Tx, coopId: string, taskId: string, actor: TaskActor): Promise<TaskRow> {
    const found = await tx.maybeOne<{ delivery_id: string }>(
      'select delivery_id from delivery_tasks where coop_id = $1 and id = $2',
      [coopId, taskId],
    );
    if (!found) throw taskNotFound();
    await lockDeliveries(tx, coopId, [found.delivery_id]);
    const task = await taskById(tx.manager, coopId, taskId);
    if (!task) throw taskNotFound();
    if (actor.kind === 'courier') {
      const mine = await tx.maybeOne(
        `select 1 from task_assignments a join couriers c on c.coop_id = a.coop_id and c.id = a.courier_id
          where a.coop_id = $1 and a.task_id = $2 and a.ended_at is null and c.user_id = $3`,
        [coopId, taskId, actor.userId],
      );
      if (!mine) throw taskNotFound();
    }
    return task;
  }

  /** The conditional update of a task's state from the state just read (the delivery is locked). */
  private async moveTask(
    tx: Tx,
    coopId: string,
    task: TaskRow,
    to: TaskRow['state'],
    reason: string | null = null,
  ): Promise<void> {
    const touched = await tx.execute(
      `update delivery_tasks set state = $4, failure_reason = coalesce($5, failure_reason), updated_at = now()
        where coop_id = $1 and id = $2 and state = $3`,
      [coopId, task.id, task.state, to, reason],
    );
    if (touched !== 1)
      throw ApiException.conflict('ASSIGNMENT_CHANGED', 'This task changed meanwhile: reload it and try again');
    if (to === 'cancelled') {
      // a cancelled task leaves its courier's list
      await tx.execute(
        'update task_assignments set ended_at = now() where coop_id = $1 and task_id = $2 and ended_at is null',
        [coopId, task.id],
      );
    }
  }
}
