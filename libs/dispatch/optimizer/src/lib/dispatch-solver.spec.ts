import fc from 'fast-check';
import { checkLilimRoutes, checkPlan } from './checker/solution-checker';
import { euclideanMetric } from './distance/travel-metric';
import { solveDispatch } from './dispatch-solver';
import { lilimToProblem, planToLilimRoutes } from './lilim/lilim-format';
import type { DispatchPlan, DispatchProblem } from './model/optimizer-model';
import { loadLilim } from './testing/lilim-fixtures';
import { randomProblem } from './testing/random-problem';

const shapes = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  couriers: fc.integer({ min: 1, max: 4 }),
  requests: fc.integer({ min: 0, max: 12 }),
  carried: fc.integer({ min: 0, max: 3 }),
  pinned: fc.integer({ min: 0, max: 2 }),
  openEnds: fc.boolean(),
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
