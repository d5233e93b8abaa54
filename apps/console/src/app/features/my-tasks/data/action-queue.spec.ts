import 'fake-indexeddb/auto';
import type { TaskView } from '@federacycle/contracts';
import { openDB } from 'idb';
import { ActionQueue, nextStep, projectTasks, type QueuedItem } from './action-queue';

const task = (id: string, state: TaskView['state'], kind: TaskView['kind'] = 'pickup'): TaskView => ({
  id,
  deliveryId: 'd1',
  kind,
  state,
  attempt: 1,
  previousTaskId: null,
  address: `${id} street`,
  lat: 45.76,
  lng: 4.83,
  after: null,
  before: null,
  serviceMinutes: 0,
  contactName: null,
  contactPhone: null,
  contactEmail: null,
  contactLanguage: null,
  comments: null,
  packages: [],
  weightGrams: 0,
  failureReason: null,
  assignment: null,
  createdAt: '2026-12-07T10:00:00.000Z',
  updatedAt: '2026-12-07T10:00:00.000Z',
});
const action = (
  taskId: string,
  step: 'start' | 'picked_up' | 'delivered',
  status: 'pending' | 'refused' = 'pending',
): QueuedItem => ({
  kind: 'action',
  taskId,
  status,
  queuedAt: '2026-12-07T10:00:00.000Z',
  body: { clientActionId: `${taskId}-${step}`, taskId, step },
});

// jsdom has no structuredClone (browsers do); fake-indexeddb clones values with it. The queue's
// test values are plain JSON.
globalThis.structuredClone ??= <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('the courier app queue', () => {
  it('keeps items in IndexedDB in order, marks refusals, removes what was sent', async () => {
    const queue = new ActionQueue(`test-${Math.random()}`);
    const first = await queue.add(action('a', 'start'));
    const second = await queue.add(action('a', 'picked_up'));
    expect((await queue.all()).map((i) => i.seq)).toEqual([first, second]);
    await queue.refuse(second, {
      status: 409,
      code: 'COURIER_TASK_CONFLICT',
      serverMessage: 'taken',
      fieldErrors: [],
      retryAfterSeconds: null,
    });
    await queue.remove(first);
    const left = await queue.all();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ status: 'refused', problem: { code: 'COURIER_TASK_CONFLICT' } });
    await queue.saveSnapshot('tasks', [task('a', 'assigned')]);
    expect(await queue.snapshot<TaskView[]>('tasks')).toHaveLength(1);
    expect(await queue.snapshot('nothing')).toBeNull();
    await queue.close();
  });

  it('keeps location fixes oldest first, at most as many as asked (the oldest leave)', async () => {
    const queue = new ActionQueue(`test-${Math.random()}`);
    const fix = (minute: number) => ({
      lat: 45.76,
      lng: 4.83,
      accuracyM: 10,
      recordedAt: `2026-12-07T10:${String(minute).padStart(2, '0')}:00.000Z`,
    });
    for (let minute = 0; minute < 5; minute += 1) await queue.addFix(fix(minute), 3);
    const kept = await queue.oldestFixes(10);
    expect(kept.map((f) => f.recordedAt)).toEqual([fix(2), fix(3), fix(4)].map((f) => f.recordedAt));
    expect((await queue.oldestFixes(2)).map((f) => f.recordedAt)).toEqual([fix(2).recordedAt, fix(3).recordedAt]);
    await queue.removeFixes([kept[0]?.seq as number, kept[2]?.seq as number]);
    expect((await queue.oldestFixes(10)).map((f) => f.recordedAt)).toEqual([fix(3).recordedAt]);
    await queue.close();
  });

  it('upgrades a version 1 database (queue and snapshots only) without losing its queued steps', async () => {
    const name = `test-${Math.random()}`;
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true });
        db.createObjectStore('snapshots', { keyPath: 'key' });
      },
    });
    await v1.add('queue', action('a', 'start'));
    await v1.put('snapshots', { key: 'tasks', value: [task('a', 'assigned')], at: '2026-12-07T10:00:00.000Z' });
    v1.close();

    const queue = new ActionQueue(name);
    expect(await queue.all()).toEqual([{ ...action('a', 'start'), seq: 1 }]);
    expect(await queue.snapshot<TaskView[]>('tasks')).toHaveLength(1);
    await queue.addFix({ lat: 45.76, lng: 4.83, accuracyM: 10, recordedAt: '2026-12-07T10:00:00.000Z' }, 500);
    expect(await queue.oldestFixes(10)).toHaveLength(1);
    await queue.close();
  });

  it('shows each task moved on by its pending steps, and keeps a task while the device holds a step for it', () => {
    const a = task('a', 'assigned');
    const b = task('b', 'started', 'dropoff');
    const shown = projectTasks([a], [a, b], [action('a', 'start'), action('b', 'delivered')]);
    expect(shown.map((s) => [s.task.id, s.state, s.pending])).toEqual([
      ['a', 'started', true],
      ['b', 'done', true],
    ]);
    const refused = projectTasks([], [b], [action('b', 'delivered', 'refused')]);
    expect(refused[0]).toMatchObject({ state: 'started', pending: false });
    expect(refused[0]?.refused).toHaveLength(1);
    expect(projectTasks([a], [], [])).toEqual([{ task: a, state: 'assigned', pending: false, refused: [] }]);
  });

  it('offers one next step per state', () => {
    expect(nextStep('pickup', 'assigned')).toBe('start');
    expect(nextStep('pickup', 'started')).toBe('picked_up');
    expect(nextStep('dropoff', 'started')).toBe('delivered');
    expect(nextStep('dropoff', 'done')).toBeNull();
  });
});
