import type { BoardCourier, BoardTask, BoardTasksChangedEvent } from '@federacycle/contracts';

/** The board's columns: the open tasks, and each courier's live list in order. */
export interface BoardColumns {
  unassigned: BoardTask[];
  byCourier: ReadonlyMap<string, BoardTask[]>;
}

const LIVE = new Set(['assigned', 'started']);

/** The tasks' time order: window close, then opening, then id (stable). */
function byWindow(a: BoardTask, b: BoardTask): number {
  const ka = a.before ?? a.after ?? '';
  const kb = b.before ?? b.after ?? '';
  return ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : 1;
}

export function columnsOf(tasks: Iterable<BoardTask>, couriers: readonly BoardCourier[]): BoardColumns {
  const unassigned: BoardTask[] = [];
  const byCourier = new Map<string, BoardTask[]>(couriers.map((c) => [c.id, []]));
  for (const task of tasks) {
    if (task.state === 'open') unassigned.push(task);
    else if (task.courierId && LIVE.has(task.state)) {
      let list = byCourier.get(task.courierId);
      if (!list) {
        list = [];
        byCourier.set(task.courierId, list);
      }
      list.push(task);
    }
  }
  unassigned.sort(byWindow);
  for (const list of byCourier.values()) list.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0) || byWindow(a, b));
  return { unassigned, byCourier };
}

/**
 * Applies a `tasks.changed` event: the tasks the board has get their new state, courier and
 * place (new objects, so the map redraws only them). Returns the ids it did not know (a resync
 * reads them).
 */
export function applyTaskChanges(
  tasks: Map<string, BoardTask>,
  event: BoardTasksChangedEvent,
  now: number,
): { changed: number; unknown: string[] } {
  let changed = 0;
  const unknown: string[] = [];
  for (const change of event.tasks) {
    const task = tasks.get(change.id);
    if (!task) {
      unknown.push(change.id);
      continue;
    }
    if (task.state === change.state && task.courierId === change.courierId && task.seq === change.seq) continue;
    tasks.set(change.id, {
      ...task,
      state: change.state,
      courierId: change.courierId,
      seq: change.seq,
      late: isLate(change.state, task.before, now),
    });
    changed += 1;
  }
  return { changed, unknown };
}

export function isLate(state: BoardTask['state'], before: string | null, now: number): boolean {
  return (
    (state === 'open' || state === 'assigned' || state === 'started') && before !== null && Date.parse(before) < now
  );
}

/** The ids between two rows of a list, both included (shift-click selection). */
export function rangeOf(list: readonly BoardTask[], fromId: string, toId: string): string[] {
  const a = list.findIndex((t) => t.id === fromId);
  const b = list.findIndex((t) => t.id === toId);
  if (a < 0 || b < 0) return [toId];
  const [lo, hi] = a < b ? [a, b] : [b, a];
  return list.slice(lo, hi + 1).map((t) => t.id);
}

/** A list with one item moved from one index to another (a reorder by drag or by menu). */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  if (item === undefined) return copy;
  copy.splice(Math.max(0, Math.min(to, copy.length)), 0, item);
  return copy;
}

/** The marker colour token of a task: lateness first, then its state. */
export type TaskTone = 'late' | 'open' | 'assigned' | 'started' | 'done' | 'failed';

export function toneOf(task: BoardTask): TaskTone {
  if (task.late) return 'late';
  switch (task.state) {
    case 'open':
      return 'open';
    case 'assigned':
      return 'assigned';
    case 'started':
      return 'started';
    case 'done':
      return 'done';
    default:
      return 'failed';
  }
}
