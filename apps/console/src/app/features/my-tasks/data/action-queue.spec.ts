import 'fake-indexeddb/auto';
import type { TaskView } from '@federacycle/contracts';
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
