import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { solveDispatch } from '../dispatch-solver';
import { parseSintefRoutes } from '../lilim/lilim-format';
import { lilimDir, loadLilim } from '../testing/lilim-fixtures';
import { randomProblem } from '../testing/random-problem';
import { checkLilimRoutes, checkPlan } from './solution-checker';

interface BksRow {
  instance: string;
  vehicles: number;
  distance: number;
  file: string;
}

function bksRows(): BksRow[] {
  return readFileSync(join(lilimDir(), 'bks_100.csv'), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim().length > 0)
    .map((l) => l.split(','))
    .map((c) => ({ instance: c[0], vehicles: Number(c[3]), distance: Number(c[4]), file: c[5] }));
}

describe('checkLilimRoutes on the best-known solutions', () => {
  const rows = bksRows();

  it('lists all 56 instances', () => {
    expect(rows).toHaveLength(56);
  });

  it.each(rows.map((r) => [r.instance, r] as const))(
    '%s: feasible with the listed vehicles and distance',
    (_name, row) => {
      const inst = loadLilim(row.instance);
      const routes = parseSintefRoutes(readFileSync(join(lilimDir(), 'bks_solutions', row.file), 'utf8'));
      const result = checkLilimRoutes(inst, routes);
      expect(result.violations).toEqual([]);
      expect(result.feasible).toBe(true);
      expect(result.vehicles).toBe(row.vehicles);
      expect(result.distance.toFixed(4)).toBe(row.distance.toFixed(4));
    },
  );
});

describe('checkLilimRoutes on broken routes', () => {
  const inst = loadLilim('lc101');
  const bks = parseSintefRoutes(readFileSync(join(lilimDir(), 'bks_solutions', 'lc101.10_828.9369.txt'), 'utf8'));
  const copy = (): number[][] => bks.map((r) => [...r]);

  it('flags a pickup visited after its delivery', () => {
    const routes = copy();
    const route = routes.find((r) => r.some((id) => inst.nodes[id].deliveryId > 0)) ?? [];
    const p = route.find((id) => inst.nodes[id].deliveryId > 0) ?? -1;
    const d = inst.nodes[p].deliveryId;
    route[route.indexOf(p)] = d;
    route[route.lastIndexOf(d)] = p;
    const result = checkLilimRoutes(inst, routes);
    expect(result.feasible).toBe(false);
    expect(result.violations.join('\n')).toContain(`delivery ${d} before its pickup ${p}`);
  });

  it('flags a pair split over two routes', () => {
    const routes = copy();
    const p = routes[0].find((id) => inst.nodes[id].deliveryId > 0) ?? -1;
    const d = inst.nodes[p].deliveryId;
    routes[0].splice(routes[0].indexOf(d), 1);
    routes[1].push(d);
    expect(checkLilimRoutes(inst, routes).violations.join('\n')).toContain(`pair ${p}-${d} split over two routes`);
  });

  it('flags a closed time window', () => {
    const routes = copy();
    routes[0].reverse();
    expect(checkLilimRoutes(inst, routes).violations.join('\n')).toMatch(/after its window closes/);
  });

  it('flags capacity overload', () => {
    // All pickups first on one route: 200 capacity cannot hold every load at once.
    const all = bks.flat();
    const pickups = all.filter((id) => inst.nodes[id].deliveryId > 0);
    const deliveries = pickups.map((p) => inst.nodes[p].deliveryId);
    const result = checkLilimRoutes(inst, [[...pickups, ...deliveries]]);
    expect(result.violations.join('\n')).toMatch(/over capacity 200/);
  });

  it('flags missing and duplicated nodes', () => {
    const routes = copy();
    const dropped = routes[2].pop() ?? -1;
    routes[3].push(routes[3][0]);
    const text = checkLilimRoutes(inst, routes).violations.join('\n');
    expect(text).toContain(`node ${dropped} not visited`);
    expect(text).toContain('visited more than once');
  });
});

describe('checkPlan', () => {
  const problem = randomProblem({ seed: 5, couriers: 3, requests: 8, carried: 2, pinned: 1, openEnds: false });
  const plan = solveDispatch(problem, { seed: 1, maxIterations: 30, timeBudgetMs: 10_000 });
  const served = plan.routes.find((r) => r.stops.length > 0);
  if (!served) throw new Error('fixture plan serves nothing');

  it('accepts the solver plan', () => {
    expect(checkPlan(problem, plan).violations).toEqual([]);
  });

  it('flags a request dropped without being reported', () => {
    const id = served.stops[0].requestId;
    const routes = plan.routes.map((r) => ({ ...r, stops: r.stops.filter((s) => s.requestId !== id) }));
    expect(checkPlan(problem, { ...plan, routes }).violations.join('\n')).toContain(`request ${id} silently dropped`);
  });

  it('flags carried loads and pinned requests on the wrong courier', () => {
    const moved = {
      ...problem,
      carried: (problem.carried ?? []).map((c) => ({ ...c, courierId: c.courierId === 'c0' ? 'c1' : 'c0' })),
      pinned: (problem.pinned ?? []).map((p) => ({ ...p, courierId: p.courierId === 'c0' ? 'c1' : 'c0' })),
    };
    // In this fixture both loads and the pinned request are served (by c1 and c2).
    const text = checkPlan(moved, plan).violations.join('\n');
    expect(text).toMatch(/carried load load0 delivered by c1 instead of c0/);
    expect(text).toMatch(/pinned request r0 moved from c0 to c1/);
  });

  it('flags a delivery before its pickup and a misreported distance', () => {
    const pickupAt = served.stops.findIndex((s) => s.kind === 'pickup');
    const id = served.stops[pickupAt]?.requestId;
    const stops = served.stops.filter((s) => !(s.requestId === id && s.kind === 'pickup'));
    const deliveryAt = stops.findIndex((s) => s.requestId === id);
    stops.splice(deliveryAt + 1, 0, served.stops[pickupAt]);
    const routes = plan.routes.map((r) => (r === served ? { ...r, stops } : r));
    const text = checkPlan(problem, {
      ...plan,
      routes,
      summary: { ...plan.summary, distance: plan.summary.distance + 1 },
    }).violations.join('\n');
    expect(text).toContain(`delivery ${id} without its pickup earlier on the route`);
    expect(text).toMatch(/reported distance/);
  });
});
