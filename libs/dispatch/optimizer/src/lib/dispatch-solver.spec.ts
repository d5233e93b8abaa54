import fc from 'fast-check';
import { checkLilimRoutes, checkPlan } from './checker/solution-checker';
import { euclideanMetric } from './distance/travel-metric';
import { solveDispatch, solveDispatchAsync } from './dispatch-solver';
import { lilimToProblem, planToLilimRoutes } from './lilim/lilim-format';
import type { Courier, DispatchPlan, DispatchProblem, StopSpec } from './model/optimizer-model';
import { loadLilim } from './testing/lilim-fixtures';
import { randomProblem } from './testing/random-problem';

const shapes = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  couriers: fc.integer({ min: 1, max: 4 }),
  requests: fc.integer({ min: 0, max: 12 }),
  carried: fc.integer({ min: 0, max: 3 }),
  pinned: fc.integer({ min: 0, max: 2 }),
  openEnds: fc.boolean(),
  mixedSpeeds: fc.boolean(),
});

const routesOf = (plan: DispatchPlan) =>
  plan.routes.map((r) => ({ courierId: r.courierId, stops: r.stops.map((s) => `${s.kind}:${s.requestId}`) }));

function courierOf(plan: DispatchPlan, requestId: string): string | undefined {
  return plan.routes.find((r) => r.stops.some((s) => s.requestId === requestId))?.courierId;
}

describe('solveDispatch on random small instances', () => {
  it('returns plans that pass the independent checker and keep carried and pinned work in place', () => {
    fc.assert(
      fc.property(shapes, fc.integer({ min: 1, max: 1000 }), (shape, seed) => {
        const problem = randomProblem(shape);
        const plan = solveDispatch(problem, { seed, maxIterations: 60, timeBudgetMs: 10_000 });
        const check = checkPlan(problem, plan);
        expect(check.violations).toEqual([]);
        for (const load of problem.carried ?? []) {
          const by = courierOf(plan, load.id);
          if (by !== undefined) expect(by).toBe(load.courierId);
        }
        for (const pin of problem.pinned ?? []) {
          const by = courierOf(plan, pin.requestId);
          if (by !== undefined) expect(by).toBe(pin.courierId);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic for a given seed when bounded by iterations', () => {
    fc.assert(
      fc.property(shapes, (shape) => {
        const problem = randomProblem(shape);
        const a = solveDispatch(problem, { seed: 7, maxIterations: 40, timeBudgetMs: 10_000 });
        const b = solveDispatch(problem, { seed: 7, maxIterations: 40, timeBudgetMs: 10_000 });
        expect(routesOf(b)).toEqual(routesOf(a));
        expect(b.unassigned).toEqual(a.unassigned);
      }),
      { numRuns: 20 },
    );
  });

  it('finds the same plan when solved in slices that give the event loop back (solveDispatchAsync)', async () => {
    await fc.assert(
      fc.asyncProperty(shapes, async (shape) => {
        const problem = randomProblem(shape);
        const sync = solveDispatch(problem, { seed: 7, maxIterations: 60, timeBudgetMs: 10_000 });
        // a slice of 0 ms yields before every iteration: the most interleaved run there is
        const sliced = await solveDispatchAsync(problem, {
          seed: 7,
          maxIterations: 60,
          timeBudgetMs: 10_000,
          sliceMs: 0,
        });
        expect(routesOf(sliced)).toEqual(routesOf(sync));
        expect(sliced.unassigned).toEqual(sync.unassigned);
      }),
      { numRuns: 10 },
    );
  });
});

describe('solveDispatch on Li & Lim', () => {
  it('solves lc101 to a checked feasible plan within a few hundred iterations', () => {
    const inst = loadLilim('lc101');
    const plan = solveDispatch(lilimToProblem(inst), { seed: 1, maxIterations: 300, timeBudgetMs: 20_000 });
    const check = checkLilimRoutes(inst, planToLilimRoutes(inst, plan));
    expect(check.violations).toEqual([]);
    expect(plan.unassigned).toEqual([]);
    expect(check.distance).toBeCloseTo(plan.summary.distance, 6);
  });

  it('still returns a feasible plan under a zero budget, reporting what it could not place', () => {
    const problem: DispatchProblem = {
      ...lilimToProblem(loadLilim('lr101')),
      couriers: lilimToProblem(loadLilim('lr101')).couriers.slice(0, 5),
    };
    const plan = solveDispatch(problem, { seed: 1, timeBudgetMs: 0 });
    expect(checkPlan(problem, plan).violations).toEqual([]);
    expect(plan.unassigned.length).toBeGreaterThan(0);
    expect(plan.unassigned.every((u) => u.reason === 'no-feasible-insertion')).toBe(true);
    const served = plan.routes.reduce((n, r) => n + r.stops.length, 0) / 2;
    expect(served + plan.unassigned.length).toBe(problem.requests.length);
  });
});

describe('solveDispatch with nothing to do', () => {
  it('handles no requests and no couriers', () => {
    const metric = euclideanMetric();
    expect(solveDispatch({ couriers: [], requests: [], metric }).summary).toEqual({
      unassigned: 0,
      couriersUsed: 0,
      lateness: 0,
      distance: 0,
    });
  });
});

describe('solveDispatch with couriers at different speeds', () => {
  const metric = euclideanMetric(1);
  const at = (x: number, earliest = 0, latest = 1000): StopSpec => ({
    location: { x, y: 0 },
    window: { earliest, latest },
    serviceTime: 0,
  });
  const courier = (id: string, speedFactor?: number): Courier => ({
    id,
    start: { x: 0, y: 0 },
    startTime: 0,
    capacity: [10],
    ...(speedFactor === undefined ? {} : { speedFactor }),
  });
  const request = { id: 'r', pickup: at(40), delivery: at(100), demand: [1] };
  const solveWith = (couriers: Courier[], requests = [request]) =>
    solveDispatch({ couriers, requests, metric }, { seed: 1, maxIterations: 50, timeBudgetMs: 10_000 });

  it('times a faster courier route by its own speed: twice the speed, half the travel time', () => {
    const slow = solveWith([courier('k')]).routes[0].stops;
    const fast = solveWith([courier('k', 2)]).routes[0].stops;
    expect(slow.map((s) => s.arrival)).toEqual([40, 100]);
    expect(fast.map((s) => s.arrival)).toEqual([20, 50]);
  });

  it('checks windows at the courier own speed: only the fast courier can make a tight delivery', () => {
    const tight = { ...request, delivery: at(100, 0, 60) };
    expect(solveWith([courier('slow')], [tight]).unassigned).toEqual([
      { requestId: 'r', reason: 'window-unreachable' },
    ]);
    const plan = solveWith([courier('slow'), courier('fast', 2)], [tight]);
    expect(plan.unassigned).toEqual([]);
    expect(courierOf(plan, 'r')).toBe('fast');
    expect(
      checkPlan({ couriers: [courier('slow'), courier('fast', 2)], requests: [tight], metric }, plan).violations,
    ).toEqual([]);
  });

  it('has the checker time each route at its courier speed', () => {
    const tight = { ...request, delivery: at(100, 0, 60) };
    const plan = solveWith([courier('fast', 2)], [tight]);
    // The same routes ridden by a courier at the reference speed miss the window.
    const violations = checkPlan({ couriers: [courier('fast')], requests: [tight], metric }, plan).violations;
    expect(violations.length).toBeGreaterThan(0);
  });

  it('rejects a speed factor that is not a positive finite number', () => {
    for (const speedFactor of [0, -1, Number.NaN, Infinity]) {
      expect(() => solveWith([courier('k', speedFactor)])).toThrow(/INVALID_NUMBER: courier k: speed factor/);
    }
  });
});

describe('solveDispatch early stop', () => {
  const easy = (): DispatchProblem =>
    randomProblem({ seed: 11, couriers: 3, requests: 6, carried: 0, pinned: 0, openEnds: false });

  it('stops an easy instance once the best stops improving, long before its iteration limit', () => {
    const plan = solveDispatch(easy(), { seed: 1, maxIterations: 50_000, timeBudgetMs: 600_000, stallIterations: 300 });
    expect(plan.stats.stoppedEarly).toBe(true);
    expect(plan.stats.iterations).toBeGreaterThanOrEqual(300);
    expect(plan.stats.iterations).toBeLessThan(50_000);
    expect(plan.unassigned).toEqual([]);
  });

  it('runs to the iteration limit when early stop is off, and finds nothing better', () => {
    const stopped = solveDispatch(easy(), {
      seed: 1,
      maxIterations: 5_000,
      timeBudgetMs: 600_000,
      stallIterations: 300,
    });
    const full = solveDispatch(easy(), {
      seed: 1,
      maxIterations: 5_000,
      timeBudgetMs: 600_000,
      stopWhenStalled: false,
    });
    expect(full.stats.stoppedEarly).toBe(false);
    expect(full.stats.iterations).toBe(5_000);
    expect(stopped.stats.iterations).toBeLessThan(5_000);
    expect(full.summary.distance).toBeCloseTo(stopped.summary.distance, 6);
  });
});
