import { eventOfTaskChange } from './delivery-events';

describe('delivery events of task changes', () => {
  it('names what a task change means for its delivery', () => {
    expect(eventOfTaskChange({ type: 'created', data: { kind: 'pickup' } })).toBe('delivery.created');
    // a failed task's next attempt is not a new delivery
    expect(eventOfTaskChange({ type: 'created', data: { previousTaskId: 'x' } })).toBeNull();
    expect(eventOfTaskChange({ type: 'assigned' })).toBe('delivery.assigned');
    expect(eventOfTaskChange({ type: 'reassigned' })).toBe('delivery.assigned');
    expect(eventOfTaskChange({ type: 'started', kind: 'pickup' })).toBe('delivery.started');
    expect(eventOfTaskChange({ type: 'done', kind: 'pickup' })).toBe('delivery.picked_up');
    expect(eventOfTaskChange({ type: 'started', kind: 'dropoff' })).toBe('delivery.in_transit');
    // final states come from the delivery's own state
    expect(eventOfTaskChange({ type: 'done', kind: 'dropoff' })).toBeNull();
    expect(eventOfTaskChange({ type: 'failed', kind: 'dropoff' })).toBeNull();
    expect(eventOfTaskChange({ type: 'unassigned' })).toBeNull();
    expect(() => eventOfTaskChange({ type: 'started' })).toThrow("must name the task's kind");
  });
});
