import { checkPlan } from '../checker/solution-checker';
import { generateLunchRush } from '../city/lunch-rush-generator';
import { solveDispatch } from '../dispatch-solver';
import type { DispatchPlan, DispatchProblem } from '../model/optimizer-model';
import { replanDispatch } from './replan-dispatch';

const options = { seed: 3, maxIterations: 30, timeBudgetMs: 10_000 };

function courierOf(plan: DispatchPlan, requestId: string): string | undefined {
  return plan.routes.find((r) => r.stops.some((s) => s.requestId === requestId))?.courierId;
}

describe('replanDispatch', () => {
  const full = generateLunchRush({ seed: 11, couriers: 8, requests: 41, carryingShare: 0.6 });
  const base: DispatchProblem = {
    ...full,
    requests: full.requests.slice(0, 40),
    pinned: [{ requestId: full.requests[0].id, courierId: full.couriers[2].id }],
  };
  const plan = solveDispatch(base, options);

  it('starts from a checked plan that honours carried loads and pins', () => {
    expect(checkPlan(base, plan).violations).toEqual([]);
    expect(courierOf(plan, full.requests[0].id)).toBe(full.couriers[2].id);
  });

  it('adds a new request without moving carried or pinned work', () => {
    const { problem, plan: next } = replanDispatch(
      base,
      plan,
      { kind: 'new-request', request: full.requests[40] },
      options,
    );
    expect(checkPlan(problem, next).violations).toEqual([]);
    expect(problem.requests).toHaveLength(41);
    for (const load of base.carried ?? []) expect(courierOf(next, load.id) ?? load.courierId).toBe(load.courierId);
    expect(courierOf(next, full.requests[0].id)).toBe(full.couriers[2].id);
    const placed =
      courierOf(next, full.requests[40].id) !== undefined ||
      next.unassigned.some((u) => u.requestId === full.requests[40].id);
    expect(placed).toBe(true);
  });

  it('lets a courier go off duty with only what it carries', () => {
    const courierId = (base.carried ?? [])[0].courierId;
    const { problem, plan: next } = replanDispatch(base, plan, { kind: 'courier-off-duty', courierId }, options);
    expect(checkPlan(problem, next).violations).toEqual([]);
    const own = new Set((base.carried ?? []).filter((c) => c.courierId === courierId).map((c) => c.id));
    const route = next.routes.find((r) => r.courierId === courierId);
    expect(route?.stops.every((s) => own.has(s.requestId))).toBe(true);
  });

  it('turns a completed pickup into a load the same courier carries', () => {
    const route = plan.routes.find((r) => r.stops.some((s) => s.kind === 'pickup'));
    const stop = route?.stops.find((s) => s.kind === 'pickup');
    if (!route || !stop) throw new Error('fixture has no planned pickup');
    const { problem, plan: next } = replanDispatch(
      base,
      plan,
      { kind: 'task-done', requestId: stop.requestId, stop: 'pickup', at: stop.departure },
      options,
    );
    expect(checkPlan(problem, next).violations).toEqual([]);
    expect(problem.carried?.some((c) => c.id === stop.requestId && c.courierId === route.courierId)).toBe(true);
    expect(problem.couriers.find((c) => c.id === route.courierId)?.startTime).toBe(stop.departure);
    expect(courierOf(next, stop.requestId) ?? route.courierId).toBe(route.courierId);
  });

  it('drops a delivered load from the state', () => {
    const load = (base.carried ?? [])[0];
    const { problem, plan: next } = replanDispatch(
      base,
      plan,
      { kind: 'task-done', requestId: load.id, stop: 'delivery', at: 600 },
      options,
    );
    expect(checkPlan(problem, next).violations).toEqual([]);
    expect(problem.carried?.some((c) => c.id === load.id)).toBe(false);
    expect(courierOf(next, load.id)).toBeUndefined();
  });

  it('respects a delayed pickup', () => {
    const request = base.requests[5];
    const readyAt = request.pickup.window.earliest + 900;
    const { problem, plan: next } = replanDispatch(
      base,
      plan,
      { kind: 'pickup-delayed', requestId: request.id, readyAt },
      options,
    );
    expect(checkPlan(problem, next).violations).toEqual([]);
    const pickup = next.routes.flatMap((r) => r.stops).find((s) => s.requestId === request.id && s.kind === 'pickup');
    if (pickup) expect(pickup.serviceStart).toBeGreaterThanOrEqual(readyAt);
  });
});
