import type { TaskKind, TaskState } from '@federacycle/contracts';
import {
  assignable,
  deliveryShapeProblem,
  deliveryStateOf,
  reschedulable,
  taskTransition,
  unassignable,
  type TaskFacts,
} from './task-state-machine';

let n = 0;
const task = (kind: TaskKind, state: TaskState, supersededBy: string | null = null): TaskFacts => ({
  id: `t${++n}`,
  kind,
  state,
  supersededBy,
});

describe('task transitions', () => {
  it.each([
    ['start', 'assigned', 'started'],
    ['complete', 'started', 'done'],
    ['fail', 'assigned', 'failed'],
    ['fail', 'started', 'failed'],
    ['cancel', 'open', 'cancelled'],
    ['cancel', 'assigned', 'cancelled'],
    ['cancel', 'started', 'cancelled'],
  ] as const)('%s moves a %s pickup to %s', (action, from, to) => {
    expect(taskTransition(task('pickup', from), action, [])).toEqual({ ok: true, to });
  });

  it.each([
    ['start', 'open'],
    ['start', 'started'],
    ['complete', 'open'],
    ['complete', 'assigned'],
    ['fail', 'open'],
  ] as const)('refuses %s from %s as an illegal transition', (action, from) => {
    expect(taskTransition(task('pickup', from), action, [])).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
  });

  it.each(['done', 'failed', 'cancelled'] as const)('a %s task cannot change at all', (state) => {
    for (const action of ['start', 'complete', 'fail', 'cancel'] as const) {
      expect(taskTransition(task('dropoff', state), action, [])).toMatchObject({ ok: false, code: 'TASK_CLOSED' });
    }
    expect(assignable(task('dropoff', state))).toMatchObject({ ok: false, code: 'TASK_CLOSED' });
    expect(unassignable(task('dropoff', state))).toMatchObject({ ok: false, code: 'TASK_CLOSED' });
  });

  it('a dropoff is done only after every current pickup is done (or cancelled)', () => {
    const dropoff = task('dropoff', 'started');
    const p1 = task('pickup', 'done');
    const p2 = task('pickup', 'started');
    expect(taskTransition(dropoff, 'complete', [p1, p2, dropoff])).toMatchObject({
      ok: false,
      code: 'PICKUP_NOT_DONE',
    });
    expect(taskTransition(dropoff, 'complete', [p1, { ...p2, state: 'done' }, dropoff])).toEqual({
      ok: true,
      to: 'done',
    });
    expect(taskTransition(dropoff, 'complete', [p1, { ...p2, state: 'cancelled' }])).toEqual({ ok: true, to: 'done' });
  });

  it('a failed pickup replaced by a new attempt waits for the new attempt', () => {
    const dropoff = task('dropoff', 'started');
    const retry = task('pickup', 'assigned');
    const failed = task('pickup', 'failed', retry.id);
    expect(taskTransition(dropoff, 'complete', [failed, retry])).toMatchObject({ ok: false, code: 'PICKUP_NOT_DONE' });
    expect(taskTransition(dropoff, 'complete', [failed, { ...retry, state: 'done' }])).toEqual({
      ok: true,
      to: 'done',
    });
  });

  it('a dropoff can be started and failed before its pickup is done', () => {
    expect(taskTransition(task('dropoff', 'assigned'), 'start', [task('pickup', 'assigned')]).ok).toBe(true);
    expect(taskTransition(task('dropoff', 'started'), 'fail', [task('pickup', 'started')]).ok).toBe(true);
  });

  it('only an open task is assignable, only an assigned one unassignable', () => {
    expect(assignable(task('pickup', 'open'))).toEqual({ ok: true, to: 'assigned' });
    expect(assignable(task('pickup', 'assigned'))).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
    expect(unassignable(task('pickup', 'assigned'))).toEqual({ ok: true, to: 'open' });
    expect(unassignable(task('pickup', 'started'))).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
    expect(unassignable(task('pickup', 'open'))).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
  });

  it('a failed task is rescheduled once', () => {
    expect(reschedulable(task('pickup', 'failed'))).toEqual({ ok: true, to: 'open' });
    expect(reschedulable(task('pickup', 'failed', 'later'))).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
    expect(reschedulable(task('pickup', 'done'))).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
  });
});

describe('delivery state', () => {
  it.each<[string, TaskFacts[], string]>([
    ['all open', [task('pickup', 'open'), task('dropoff', 'open')], 'open'],
    ['one assigned', [task('pickup', 'assigned'), task('dropoff', 'open')], 'in_progress'],
    ['picked up', [task('pickup', 'done'), task('dropoff', 'assigned')], 'in_progress'],
    ['all done', [task('pickup', 'done'), task('dropoff', 'done')], 'completed'],
    ['every task cancelled', [task('pickup', 'cancelled'), task('dropoff', 'cancelled')], 'cancelled'],
    ['dropoff failed', [task('pickup', 'done'), task('dropoff', 'failed')], 'failed'],
    ['pickup failed, dropoff cancelled', [task('pickup', 'failed'), task('dropoff', 'cancelled')], 'failed'],
    [
      'one of two dropoffs cancelled, the other done',
      [task('pickup', 'done'), task('dropoff', 'done'), task('dropoff', 'cancelled')],
      'completed',
    ],
    ['picked up then the dropoff cancelled', [task('pickup', 'done'), task('dropoff', 'cancelled')], 'cancelled'],
  ])('%s', (_name, tasks, state) => {
    expect(deliveryStateOf(tasks)).toBe(state);
  });

  it('a failed dropoff rescheduled brings the delivery back in progress', () => {
    const retry = task('dropoff', 'open');
    expect(deliveryStateOf([task('pickup', 'done'), task('dropoff', 'failed', retry.id), retry])).toBe('in_progress');
    expect(
      deliveryStateOf([task('pickup', 'done'), task('dropoff', 'failed', retry.id), { ...retry, state: 'done' }]),
    ).toBe('completed');
  });
});

describe('delivery shape', () => {
  it('accepts 1→1, 1→N and N→1', () => {
    expect(deliveryShapeProblem(['pickup', 'dropoff'])).toBeNull();
    expect(deliveryShapeProblem(['pickup', 'dropoff', 'dropoff'])).toBeNull();
    expect(deliveryShapeProblem(['pickup', 'pickup', 'dropoff'])).toBeNull();
  });
  it('refuses no pickup, no dropoff, or N→M', () => {
    expect(deliveryShapeProblem(['dropoff'])).toMatch(/pickup/);
    expect(deliveryShapeProblem(['pickup'])).toMatch(/dropoff/);
    expect(deliveryShapeProblem(['pickup', 'pickup', 'dropoff', 'dropoff'])).toMatch(/split/);
  });
});
