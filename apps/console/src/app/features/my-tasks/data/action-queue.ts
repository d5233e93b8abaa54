import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ApiProblem } from '../../../core/api/api-error';
import type { CourierActionRequest, CourierStep, ProofKind, TaskState, TaskView } from '@federacycle/contracts';

/** Why a queued item was not applied (kept on the device and shown on its task, never dropped). */
export type QueueProblem = ApiProblem;

interface QueuedBase {
  /** the queue's order (IndexedDB auto-increment): items are sent oldest first */
  seq?: number;
  taskId: string;
  queuedAt: string;
  /** pending until sent; refused when the server said no (a conflict, missing proof…) */
  status: 'pending' | 'refused';
  problem?: QueueProblem;
}
export interface QueuedAction extends QueuedBase {
  kind: 'action';
  body: CourierActionRequest;
}
export interface QueuedProof extends QueuedBase {
  kind: 'proof';
  proofId: string;
  proofKind: ProofKind;
  file: Blob;
}
export type QueuedItem = QueuedAction | QueuedProof;

interface CourierAppDb extends DBSchema {
  queue: { key: number; value: QueuedItem };
  /** the last lists seen online, so the page shows something after an offline reload */
  snapshots: { key: string; value: { key: string; value: unknown; at: string } };
}

export const QUEUE_DB_NAME = 'fc-courier-app';

/**
 * The courier app's outbox on the device (IndexedDB through `idb`): every step and proof is put
 * here first with the id chosen on the device, then sent in order; a retried send is answered the
 * first answer by the server, so sending twice changes nothing.
 */
export class ActionQueue {
  private db: Promise<IDBPDatabase<CourierAppDb>> | null = null;

  constructor(private readonly name = QUEUE_DB_NAME) {}

  private open(): Promise<IDBPDatabase<CourierAppDb>> {
    this.db ??= openDB<CourierAppDb>(this.name, 1, {
      upgrade(db) {
        db.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true });
        db.createObjectStore('snapshots', { keyPath: 'key' });
      },
    });
    return this.db;
  }

  async add(item: QueuedItem): Promise<number> {
    const db = await this.open();
    return db.add('queue', item);
  }

  /** every item, oldest first */
  async all(): Promise<QueuedItem[]> {
    const db = await this.open();
    return db.getAll('queue');
  }

  async remove(seq: number): Promise<void> {
    const db = await this.open();
    await db.delete('queue', seq);
  }

  async refuse(seq: number, problem: QueueProblem): Promise<void> {
    const db = await this.open();
    const item = await db.get('queue', seq);
    if (item) await db.put('queue', { ...item, status: 'refused', problem });
  }

  async saveSnapshot(key: string, value: unknown): Promise<void> {
    const db = await this.open();
    await db.put('snapshots', { key, value, at: new Date().toISOString() });
  }

  async snapshot<T>(key: string): Promise<T | null> {
    const db = await this.open();
    const row = await db.get('snapshots', key);
    return row ? (row.value as T) : null;
  }

  async close(): Promise<void> {
    if (this.db) (await this.db).close();
    this.db = null;
  }
}

const STEP_STATE: Record<CourierStep, TaskState> = {
  start: 'started',
  picked_up: 'done',
  delivered: 'done',
  failed: 'failed',
};

/** A task as the courier sees it: the server's state, moved on by the steps still on the device. */
export interface ShownTask {
  task: TaskView;
  /** the state after the pending steps (the server's when none) */
  state: TaskState;
  pending: boolean;
  refused: QueuedItem[];
}

/**
 * The list the courier sees: the server's tasks in order, each moved on by its pending steps;
 * a task the server no longer lists (done, or taken away) stays while the device still holds a
 * step or a refusal for it, so nothing the courier did disappears silently.
 */
export function projectTasks(
  server: readonly TaskView[],
  known: readonly TaskView[],
  queue: readonly QueuedItem[],
): ShownTask[] {
  const byId = new Map<string, TaskView>();
  for (const t of known) byId.set(t.id, t);
  for (const t of server) byId.set(t.id, t);
  const order = server.map((t) => t.id);
  for (const item of queue) if (!order.includes(item.taskId) && byId.has(item.taskId)) order.push(item.taskId);
  return order.map((id) => {
    const task = byId.get(id) as TaskView;
    const items = queue.filter((q) => q.taskId === id);
    let state = task.state;
    for (const q of items) if (q.kind === 'action' && q.status === 'pending') state = STEP_STATE[q.body.step];
    return {
      task,
      state,
      pending: items.some((q) => q.status === 'pending'),
      refused: items.filter((q) => q.status === 'refused'),
    };
  });
}

/** The one next step of a task in a state: start, then picked up or delivered. */
export function nextStep(kind: TaskView['kind'], state: TaskState): CourierStep | null {
  if (state === 'assigned') return 'start';
  if (state === 'started') return kind === 'pickup' ? 'picked_up' : 'delivered';
  return null;
}
