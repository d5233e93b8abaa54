import type { DeliveryState, TaskAction, TaskKind, TaskState } from '@federacycle/contracts';

/**
 * The lifecycle of tasks and deliveries, as pure functions (no I/O): the services ask these what
 * a change may do, then write it with a conditional update from the state they read.
 *
 * task:     open → assigned → started → done | failed | cancelled
 *           (assigned → open when unassigned; open/assigned/started → cancelled;
 *            assigned/started → failed; done, failed and cancelled are final —
 *            a failed task is rescheduled as a new task, the next attempt)
 * delivery: open → in_progress → completed | failed | cancelled, derived from its tasks
 */

export const FINAL_TASK_STATES: readonly TaskState[] = ['done', 'failed', 'cancelled'];

export function isFinal(state: TaskState): boolean {
  return FINAL_TASK_STATES.includes(state);
}

/** The minimum a rule needs of a task. */
export interface TaskFacts {
  id: string;
  kind: TaskKind;
  state: TaskState;
  /** set when a later attempt replaced this (failed) task */
  supersededBy?: string | null;
}

export type TransitionRefusal =
  | { code: 'TASK_CLOSED'; message: string }
  | { code: 'PICKUP_NOT_DONE'; message: string }
  | { code: 'ILLEGAL_TRANSITION'; message: string };

export type TransitionResult = { ok: true; to: TaskState } | ({ ok: false } & TransitionRefusal);

const ACTION_TARGET: Record<TaskAction, TaskState> = {
  start: 'started',
  complete: 'done',
  fail: 'failed',
  cancel: 'cancelled',
};

/** The states each action may start from. */
const ACTION_FROM: Record<TaskAction, readonly TaskState[]> = {
  start: ['assigned'],
  complete: ['started'],
  fail: ['assigned', 'started'],
  cancel: ['open', 'assigned', 'started'],
};

const ACTION_NAMES: Record<TaskAction, string> = {
  start: 'started',
  complete: 'done',
  fail: 'failed',
  cancel: 'cancelled',
};

function closed(task: TaskFacts): TransitionRefusal {
  return { code: 'TASK_CLOSED', message: `This ${task.kind} is ${task.state} already: it cannot change any more` };
}

/**
 * May `action` move `task` on? `siblings` are the delivery's other tasks (a dropoff is done only
 * once every current pickup of its delivery is done).
 */
export function taskTransition(task: TaskFacts, action: TaskAction, siblings: readonly TaskFacts[]): TransitionResult {
  if (isFinal(task.state)) return { ok: false, ...closed(task) };
  if (!ACTION_FROM[action].includes(task.state)) {
    const hint =
      task.state === 'open' ? ': assign it to a courier first' : task.state === 'assigned' ? ': start it first' : '';
    return {
      ok: false,
      code: 'ILLEGAL_TRANSITION',
      message: `A ${task.state} ${task.kind} cannot be marked ${ACTION_NAMES[action]}${hint}`,
    };
  }
  if (action === 'complete' && task.kind === 'dropoff') {
    const pending = currentTasks(siblings).filter(
      (t) => t.kind === 'pickup' && t.id !== task.id && t.state !== 'done' && t.state !== 'cancelled',
    );
    if (pending.length > 0) {
      return {
        ok: false,
        code: 'PICKUP_NOT_DONE',
        message:
          pending.length === 1
            ? 'This dropoff cannot be done before its pickup is'
            : `This dropoff cannot be done before its ${pending.length} pickups are`,
      };
    }
  }
  return { ok: true, to: ACTION_TARGET[action] };
}

/** May the task be given to a courier (open only)? */
export function assignable(task: TaskFacts): TransitionResult {
  if (isFinal(task.state)) return { ok: false, ...closed(task) };
  if (task.state !== 'open') {
    return {
      ok: false,
      code: 'ILLEGAL_TRANSITION',
      message: `A ${task.state} ${task.kind} cannot be assigned: only an open task can`,
    };
  }
  return { ok: true, to: 'assigned' };
}

/** May the task's courier be taken off or changed (assigned, not yet started)? */
export function unassignable(task: TaskFacts): TransitionResult {
  if (isFinal(task.state)) return { ok: false, ...closed(task) };
  if (task.state !== 'assigned') {
    return {
      ok: false,
      code: 'ILLEGAL_TRANSITION',
      message:
        task.state === 'started'
          ? `A started ${task.kind} stays with its courier: they are on their way`
          : `This ${task.kind} has no courier`,
    };
  }
  return { ok: true, to: 'open' };
}

/** May a failed task be tried again (a new attempt, once)? */
export function reschedulable(task: TaskFacts): TransitionResult {
  if (task.state !== 'failed') {
    return {
      ok: false,
      code: 'ILLEGAL_TRANSITION',
      message: `Only a failed task can be rescheduled; this one is ${task.state}`,
    };
  }
  if (task.supersededBy) {
    return { ok: false, code: 'ILLEGAL_TRANSITION', message: 'This task has been rescheduled already' };
  }
  return { ok: true, to: 'open' };
}

/** The tasks that count: a failed task replaced by a later attempt does not. */
export function currentTasks<T extends TaskFacts>(tasks: readonly T[]): T[] {
  return tasks.filter((t) => !t.supersededBy);
}

/**
 * The delivery's state from its tasks: cancelled when every task is; open while nothing has
 * moved; in progress while some task is not final; then completed when every remaining dropoff
 * is done, failed when any task failed for good, cancelled when the remaining work was cancelled.
 */
export function deliveryStateOf(tasks: readonly TaskFacts[]): DeliveryState {
  const current = currentTasks(tasks);
  const live = current.filter((t) => t.state !== 'cancelled');
  if (live.length === 0) return 'cancelled';
  if (live.some((t) => !isFinal(t.state))) {
    return live.every((t) => t.state === 'open') ? 'open' : 'in_progress';
  }
  if (live.some((t) => t.state === 'failed')) return 'failed';
  const dropoffs = current.filter((t) => t.kind === 'dropoff');
  if (dropoffs.length > 0 && dropoffs.every((t) => t.state === 'done')) return 'completed';
  // picked up, the dropoffs cancelled: the goods never reached anyone
  return dropoffs.some((t) => t.state === 'done') ? 'completed' : 'cancelled';
}

/** 1→1, 1→N or N→1: at least one of each, and not several of both. */
export function deliveryShapeProblem(kinds: readonly TaskKind[]): string | null {
  const pickups = kinds.filter((k) => k === 'pickup').length;
  const dropoffs = kinds.length - pickups;
  if (pickups === 0) return 'A delivery needs at least one pickup';
  if (dropoffs === 0) return 'A delivery needs at least one dropoff';
  if (pickups > 1 && dropoffs > 1) {
    return 'A delivery has one pickup and several dropoffs, or several pickups and one dropoff: split it';
  }
  return null;
}
