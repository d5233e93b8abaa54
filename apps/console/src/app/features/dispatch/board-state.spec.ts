import type { BoardCourier, BoardTask } from '@federacycle/contracts';
import { applyTaskChanges, columnsOf, isLate, moved, rangeOf, toneOf } from './board-state';

const task = (id: string, extra: Partial<BoardTask> = {}): BoardTask => ({
  id,
  deliveryId: `d-${id}`,
  reference: null,
  kind: 'pickup',
  state: 'open',
  lat: 45.76,
  lng: 4.84,
  address: 'Rue',
  after: null,
  before: '2031-03-10T10:00:00.000Z',
  courierId: null,
  seq: null,
  late: false,
  ...extra,
});
const courier = (id: string): BoardCourier => ({
  id,
  name: id,
  vehicle: 'bike',
  onDuty: true,
  lat: null,
  lng: null,
  locatedAt: null,
  status: 'idle',
  load: 0,
});

describe('board state', () => {
  it('puts open tasks in the unassigned column by window, live tasks under their courier by seq', () => {
    const tasks = [
      task('b', { before: '2031-03-10T11:00:00.000Z' }),
      task('a', { before: '2031-03-10T09:00:00.000Z' }),
      task('x', { state: 'assigned', courierId: 'c1', seq: 1 }),
      task('y', { state: 'started', courierId: 'c1', seq: 0 }),
      task('z', { state: 'done', courierId: null }),
    ];
    const cols = columnsOf(tasks, [courier('c1'), courier('c2')]);
    expect(cols.unassigned.map((t) => t.id)).toEqual(['a', 'b']);
    expect(cols.byCourier.get('c1')?.map((t) => t.id)).toEqual(['y', 'x']);
    expect(cols.byCourier.get('c2')).toEqual([]);
  });

  it('applies a change event to known tasks only, as new objects, and names the unknown ones', () => {
    const before = task('a');
    const map = new Map([['a', before]]);
    const result = applyTaskChanges(
      map,
      {
        tasks: [
          { id: 'a', deliveryId: 'd-a', state: 'assigned', courierId: 'c1', seq: 0 },
          { id: 'q', deliveryId: 'd-q', state: 'assigned', courierId: 'c1', seq: 1 },
        ],
      },
      Date.parse('2031-03-10T08:00:00.000Z'),
    );
    expect(result).toEqual({ changed: 1, unknown: ['q'] });
    expect(map.get('a')).toMatchObject({ state: 'assigned', courierId: 'c1', seq: 0, late: false });
    expect(map.get('a')).not.toBe(before);
    const same = applyTaskChanges(
      map,
      { tasks: [{ id: 'a', deliveryId: 'd-a', state: 'assigned', courierId: 'c1', seq: 0 }] },
      0,
    );
    expect(same.changed).toBe(0);
  });

  it('calls late what is still to do after its window closed', () => {
    const at = Date.parse('2031-03-10T10:00:00.000Z');
    expect(isLate('open', '2031-03-10T09:59:00.000Z', at)).toBe(true);
    expect(isLate('done', '2031-03-10T09:59:00.000Z', at)).toBe(false);
    expect(isLate('assigned', null, at)).toBe(false);
    expect(toneOf(task('a', { late: true, state: 'assigned' }))).toBe('late');
    expect(toneOf(task('a', { state: 'cancelled' }))).toBe('failed');
  });

  it('selects a range either way and moves an item within a list', () => {
    const list = ['a', 'b', 'c', 'd'].map((id) => task(id));
    expect(rangeOf(list, 'c', 'a')).toEqual(['a', 'b', 'c']);
    expect(rangeOf(list, 'b', 'd')).toEqual(['b', 'c', 'd']);
    expect(rangeOf(list, 'zz', 'b')).toEqual(['b']);
    expect(moved(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moved(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
  });
});
