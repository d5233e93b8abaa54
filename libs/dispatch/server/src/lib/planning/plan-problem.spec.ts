import { solveDispatch } from '@federacycle/dispatch-optimizer';
import {
  buildProblem,
  decisionsOf,
  listInPlanOrder,
  taskOrderOf,
  pinSplitGroups,
  planWork,
  searchWork,
  vehicleSpeedFactor,
  vehicleSpeedKmh,
  type PlanCourier,
  type PlanTask,
} from './plan-problem';

const NOW = Date.UTC(2030, 0, 7, 11);
const courier = (id: string, vehicle: PlanCourier['vehicle'] = 'bike'): PlanCourier => ({
  id,
  vehicle,
  capacityWeightKg: 0,
  lat: 45.76,
  lng: 4.835,
});
let n = 0;
const task = (deliveryId: string, kind: PlanTask['kind'], extra: Partial<PlanTask> = {}): PlanTask => ({
  id: `t${++n}`,
  deliveryId,
  kind,
  state: 'open',
  lat: kind === 'pickup' ? 45.7625 : 45.7699,
  lng: kind === 'pickup' ? 4.8339 : 4.8531,
  after: null,
  before: new Date(NOW + 3_600_000),
  serviceMinutes: 2,
  weightGrams: 1000,
  courierId: null,
  ...extra,
});

describe('planning problem', () => {
  it('plans open 1→1 deliveries onto on-duty couriers and maps the plan back to task ids', () => {
    const tasks = [task('d1', 'pickup'), task('d1', 'dropoff'), task('d2', 'pickup'), task('d2', 'dropoff')];
    const built = buildProblem([courier('c1'), courier('c2')], tasks, NOW);
    expect(built.problem.requests.map((r) => r.id).sort()).toEqual(['d1', 'd2']);
    const plan = solveDispatch(built.problem, { maxIterations: 50, seed: 1 });
    const { assignments } = decisionsOf(plan, built);
    expect(assignments.map((a) => a.deliveryId).sort()).toEqual(['d1', 'd2']);
    for (const a of assignments) {
      const [p, d] = tasks.filter((t) => t.deliveryId === a.deliveryId);
      expect(a.assignTaskIds).toEqual([p?.id, d?.id]);
      expect(a.moveTaskIds).toEqual([]);
    }
  });

  it('keeps assigned work pinned and picked-up work carried by its courier; proposes nothing for them', () => {
    const tasks = [
      task('pinned', 'pickup', { state: 'assigned', courierId: 'c2' }),
      task('pinned', 'dropoff', { state: 'assigned', courierId: 'c2' }),
      task('aboard', 'pickup', { state: 'done', courierId: 'c1' }),
      task('aboard', 'dropoff', { state: 'started', courierId: 'c1' }),
    ];
    const built = buildProblem([courier('c1'), courier('c2')], tasks, NOW);
    expect(built.problem.pinned).toEqual([{ requestId: 'pinned', courierId: 'c2' }]);
    expect(built.problem.carried?.map((c) => [c.id, c.courierId])).toEqual([['aboard', 'c1']]);
    const plan = solveDispatch(built.problem, { maxIterations: 20, seed: 1 });
    expect(decisionsOf(plan, built).assignments).toEqual([]);
  });

  it('plans a 1→N delivery as one pair per dropoff, the shared pickup served once, all with one courier', () => {
    const tasks = [task('m', 'pickup'), task('m', 'dropoff'), task('m', 'dropoff', { lat: 45.75, lng: 4.85 })];
    const built = buildProblem([courier('c1'), courier('c2')], tasks, NOW);
    expect(built.problem.requests.map((r) => r.id)).toEqual(['m:0', 'm:1']);
    expect(built.problem.requests.map((r) => r.pickup.serviceTime)).toEqual([120, 0]);
    expect(built.problem.requests.map((r) => r.delivery.serviceTime)).toEqual([120, 120]);
    // the search alone may split the pairs between the two couriers; planWork repairs that
    const { assignments, unplaced } = planWork([courier('c1'), courier('c2')], tasks, NOW, {
      moveUnpinned: false,
      maxIterations: 50,
    }).decisions;
    expect(unplaced).toEqual([]);
    expect(assignments).toHaveLength(1);
    expect(assignments[0]?.assignTaskIds).toEqual(tasks.map((t) => t.id));
  });

  it('plans an N→1 delivery as one pair per pickup sharing the dropoff; a split plan is repaired by pins', () => {
    const tasks = [task('n', 'pickup'), task('n', 'pickup', { lat: 45.74, lng: 4.82 }), task('n', 'dropoff')];
    const built = buildProblem([courier('c1'), courier('c2')], tasks, NOW);
    expect(built.problem.requests.map((r) => [r.id, r.delivery.serviceTime])).toEqual([
      ['n:0', 120],
      ['n:1', 0],
    ]);
    // a plan that put the two pickups on two couriers is not placed, and is pinned to one
    const splitPlan = {
      routes: ['n:0', 'n:1'].map((id, i) => ({
        courierId: `c${i + 1}`,
        distance: 0,
        endTime: 0,
        stops: (['pickup', 'delivery'] as const).map((kind) => ({
          requestId: id,
          kind,
          arrival: 0,
          serviceStart: 0,
          departure: 0,
          load: [0],
          lateness: 0,
        })),
      })),
      unassigned: [],
      summary: { unassigned: 0, couriersUsed: 2, lateness: 0, distance: 0 },
      stats: { seed: 1, iterations: 0, elapsedMs: 0, stoppedEarly: false },
    };
    const decisions = decisionsOf(splitPlan, built);
    expect(decisions.assignments).toEqual([]);
    expect(decisions.split).toEqual(['n']);
    expect(decisions.unplaced).toEqual([{ deliveryId: 'n', taskIds: tasks.map((t) => t.id) }]);
    const pins = pinSplitGroups(splitPlan, built, decisions.split);
    expect([...pins]).toEqual([
      ['n:0', 'c1'],
      ['n:1', 'c1'],
    ]);
    const repaired = buildProblem([courier('c1'), courier('c2')], tasks, NOW, { pins });
    const plan = solveDispatch(repaired.problem, { maxIterations: 20, seed: 1 });
    expect(decisionsOf(plan, repaired).assignments).toEqual([
      { courierId: 'c1', deliveryId: 'n', assignTaskIds: tasks.map((t) => t.id), moveTaskIds: [], fromCourierId: null },
    ]);
  });

  it('lets unpinned assigned work move in auto mode only; pinned or started work stays', () => {
    // c1 is far away; the delivery held by c1 (unpinned) is better served by c2, next to it
    const far = { ...courier('c1'), lat: 45.8, lng: 4.9 };
    const unpinned = [
      task('u', 'pickup', { state: 'assigned', courierId: 'c1', pinned: false }),
      task('u', 'dropoff', { state: 'assigned', courierId: 'c1', pinned: false }),
    ];
    const kept = buildProblem([far, courier('c2')], unpinned, NOW);
    expect(kept.problem.pinned).toEqual([{ requestId: 'u', courierId: 'c1' }]);
    const movable = buildProblem([far, courier('c2')], unpinned, NOW, { moveUnpinned: true });
    expect(movable.problem.pinned).toEqual([]);
    expect(movable.currentRoutes).toEqual([
      {
        courierId: 'c1',
        stops: [
          { requestId: 'u', kind: 'pickup' },
          { requestId: 'u', kind: 'delivery' },
        ],
      },
    ]);
    const plan = solveDispatch(movable.problem, { maxIterations: 50, seed: 1 });
    expect(decisionsOf(plan, movable).assignments).toEqual([
      {
        courierId: 'c2',
        deliveryId: 'u',
        assignTaskIds: [],
        moveTaskIds: unpinned.map((t) => t.id),
        fromCourierId: 'c1',
      },
    ]);
    const pinnedWork = unpinned.map((t) => ({ ...t, pinned: true }));
    expect(buildProblem([far, courier('c2')], pinnedWork, NOW, { moveUnpinned: true }).problem.pinned).toHaveLength(1);
  });

  it('skips deliveries with several pickups and several dropoffs, and plans nothing without a courier on duty', () => {
    const multi = [task('m', 'pickup'), task('m', 'pickup'), task('m', 'dropoff'), task('m', 'dropoff')];
    expect(buildProblem([courier('c1')], multi, NOW).skipped).toEqual([{ deliveryId: 'm', reason: 'multi-stop' }]);
    const none = buildProblem([], [task('d', 'pickup'), task('d', 'dropoff')], NOW);
    expect(none.problem.requests).toEqual([]);
    expect(none.skipped).toEqual([{ deliveryId: 'd', reason: 'no-courier-on-duty' }]);
  });

  it('turns windows into seconds from now and plans each courier at its own vehicle speed', () => {
    const built = buildProblem(
      [courier('c1', 'e_bike'), courier('c2', 'cargo_bike')],
      [
        task('d', 'pickup', { after: new Date(NOW + 600_000), before: new Date(NOW + 1_200_000) }),
        task('d', 'dropoff'),
      ],
      NOW,
    );
    expect(built.problem.requests[0]?.pickup.window).toEqual({ earliest: 600, latest: 1200 });
    const oneKmEast = { x: 4.835 + 1 / (111.32 * Math.cos((45.76 * Math.PI) / 180)), y: 45.76 };
    const seconds = built.problem.metric.duration({ x: 4.835, y: 45.76 }, oneKmEast);
    expect(seconds).toBeGreaterThan(235); // 1 km at the bike's 15 km/h = 240 s
    expect(seconds).toBeLessThan(245);
    const [eBike, cargo] = built.problem.couriers;
    expect(eBike?.speedFactor).toBeCloseTo(vehicleSpeedKmh('e_bike') / vehicleSpeedKmh('bike'), 9);
    expect(cargo?.speedFactor).toBeCloseTo(12 / 15, 9);
    // the cargo bike rides the kilometre in 300 s (12 km/h), the e-bike in 200 s (18 km/h)
    expect(seconds / (cargo?.speedFactor ?? 1)).toBeCloseTo(seconds * 1.25, 6);
    expect(seconds / vehicleSpeedFactor('e_bike')).toBeLessThan(seconds);
  });

  it("orders a courier's list as the plan rides it: started first, then the plan, then the rest", () => {
    const tasks = [
      task('a', 'pickup', { state: 'done', courierId: 'c1' }),
      task('a', 'dropoff', { state: 'assigned', courierId: 'c1', position: 0 }),
      task('b', 'pickup'),
      task('b', 'dropoff'),
    ];
    const built = buildProblem([courier('c1')], tasks, NOW);
    const plan = solveDispatch(built.problem, { maxIterations: 20, seed: 1 });
    const order = taskOrderOf(plan, built).get('c1') ?? [];
    // the carried dropoff and the new delivery's two tasks, each once
    expect([...order].sort()).toEqual([tasks[1]?.id, tasks[2]?.id, tasks[3]?.id].sort());
    expect(order.indexOf(tasks[2]?.id as string)).toBeLessThan(order.indexOf(tasks[3]?.id as string));
    const live = [
      { id: 'x', state: 'assigned' as const },
      { id: 's', state: 'started' as const },
      { id: 'y', state: 'assigned' as const },
      { id: 'left-out', state: 'assigned' as const },
    ];
    expect(listInPlanOrder(live, ['y', 'x', 's'])).toEqual(['s', 'y', 'x', 'left-out']);
    expect(listInPlanOrder([live[1], live[2], live[0], live[3]] as typeof live, ['y', 'x'])).toBeNull();
  });

  it('rebases routes an improvement found off the lock on the work as it is now (the apply step under the lock)', async () => {
    const couriers = [courier('c1'), courier('c2', 'e_bike')];
    const before = [
      task('a', 'pickup', { state: 'assigned', courierId: 'c1', position: 0 }),
      task('a', 'dropoff', { state: 'assigned', courierId: 'c1', position: 1 }),
      task('b', 'pickup', { lat: 45.78, lng: 4.87 }),
      task('b', 'dropoff', { lat: 45.74, lng: 4.81 }),
    ];
    // the search, from a snapshot, found routes that give `a` to c2 along with `b`
    expect(await searchWork(couriers, before, NOW, { moveUnpinned: true, maxIterations: 100, sliceMs: 1 })).not.toEqual(
      [],
    );
    const routes = [
      {
        courierId: 'c2',
        stops: [
          { requestId: 'a', kind: 'pickup' as const },
          { requestId: 'b', kind: 'pickup' as const },
          { requestId: 'a', kind: 'delivery' as const },
          { requestId: 'b', kind: 'delivery' as const },
        ],
      },
    ];
    // meanwhile: a dispatcher pinned `a` to c1, `b` was cancelled, `c` was created
    const now = [
      task('a', 'pickup', { state: 'assigned', courierId: 'c1', pinned: true, position: 0 }),
      task('a', 'dropoff', { state: 'assigned', courierId: 'c1', pinned: true, position: 1 }),
      task('b', 'pickup', { state: 'cancelled' }),
      task('b', 'dropoff', { state: 'cancelled' }),
      task('c', 'pickup'),
      task('c', 'dropoff'),
    ];
    const outcome = planWork(couriers, now, NOW, { moveUnpinned: true, from: routes });
    // the pinned delivery stays with its courier, the cancelled one is gone, the new one is placed
    expect(outcome.decisions.assignments.map((a) => [a.deliveryId, a.moveTaskIds.length])).toEqual([['c', 0]]);
    const served = outcome.plan.routes.flatMap((r) => r.stops.map((s) => `${r.courierId}:${s.requestId}`));
    expect(served.filter((s) => s.endsWith(':a'))).toEqual(['c1:a', 'c1:a']);
    expect(served.some((s) => s.endsWith(':b'))).toBe(false);
  });
});
