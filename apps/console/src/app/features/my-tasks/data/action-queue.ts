import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ApiProblem } from '../../../core/api/api-error';
import type {
  CourierActionRequest,
  CourierStep,
  LocationFix,
  ProofKind,
  TaskState,
  TaskView,
} from '@federacycle/contracts';

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

/** A location fix waiting on the device to be sent (`seq`: its order, oldest first). */
export interface StoredFix extends LocationFix {
  seq?: number;
}

interface CourierAppDb extends DBSchema {
  queue: { key: number; value: QueuedItem };
  /** the last lists seen online, so the page shows something after an offline reload */
  snapshots: { key: string; value: { key: string; value: unknown; at: string } };
  /** location fixes not yet accepted by the server (version 2), oldest first */
  fixes: { key: number; value: StoredFix };
}

/** version 1: the queue and the snapshots; version 2 adds the location fixes */
const QUEUE_DB_VERSION = 2;

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
    this.db ??= openDB<CourierAppDb>(this.name, QUEUE_DB_VERSION, {
      // each step from the version the device has: the steps and proofs queued under version 1 stay
      upgrade(db, oldVersion) {
        if (oldVersion < 1) {
          db.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true });
          db.createObjectStore('snapshots', { keyPath: 'key' });
        }
        if (oldVersion < 2) db.createObjectStore('fixes', { keyPath: 'seq', autoIncrement: true });
      },
      // a newer version opened in another tab (the app updated): let it upgrade, reopen on next use
      blocking: () => {
        void this.close();
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

  /** Keeps a fix; beyond `keep` fixes the oldest leave (a phone offline all day stays bounded). */
  async addFix(fix: LocationFix, keep: number): Promise<void> {
    const db = await this.open();
    const tx = db.transaction('fixes', 'readwrite');
    await tx.store.add(fix);
    let excess = (await tx.store.count()) - keep;
    let cursor = excess > 0 ? await tx.store.openCursor() : null;
    while (cursor && excess > 0) {
      await cursor.delete();
      excess -= 1;
      cursor = await cursor.continue();
    }
    await tx.done;
  }

  /** the oldest fixes still on the device, at most `limit` */
  async oldestFixes(limit: number): Promise<StoredFix[]> {
    const db = await this.open();
    return db.getAll('fixes', undefined, limit);
  }

  async removeFixes(seqs: readonly number[]): Promise<void> {
    const db = await this.open();
    const tx = db.transaction('fixes', 'readwrite');
    await Promise.all([...seqs.map((seq) => tx.store.delete(seq)), tx.done]);
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
