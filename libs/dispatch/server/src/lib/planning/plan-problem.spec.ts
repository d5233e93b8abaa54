import { solveDispatch } from '@federacycle/dispatch-optimizer';
import {
  assignmentsOf,
  buildProblem,
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
    const assignments = assignmentsOf(plan, built);
    expect(assignments.map((a) => a.deliveryId).sort()).toEqual(['d1', 'd2']);
    for (const a of assignments) {
      const [p, d] = tasks.filter((t) => t.deliveryId === a.deliveryId);
      expect([a.pickupId, a.dropoffId]).toEqual([p?.id, d?.id]);
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
    expect(assignmentsOf(plan, built)).toEqual([]);
  });

  it('skips multi-stop deliveries and plans nothing without a courier on duty', () => {
    const multi = [task('m', 'pickup'), task('m', 'dropoff'), task('m', 'dropoff')];
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
});
