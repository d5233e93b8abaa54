/**
 * Incremental re-planning: the current state (problem + plan) and one change in, the new
 * state out. The previous routes seed the search, so a single change costs a repair plus a
 * short ALNS instead of a solve from scratch; what couriers carry and what is pinned stays with
 * them by construction (carried loads and pins become owner constraints in the solver).
 */
import { type SolveOptions, solveDispatch } from '../dispatch-solver';
import { OptimizerInputError } from '../model/optimizer-input-error';
import type {
  CarriedLoad,
  DeliveryRequest,
  DispatchPlan,
  DispatchProblem,
  Location,
  StopKind,
} from '../model/optimizer-model';

export type PlanChange =
  | { readonly kind: 'new-request'; readonly request: DeliveryRequest }
  /** The courier takes no new work; it still delivers what it carries. Unpicked work is released. */
  | { readonly kind: 'courier-off-duty'; readonly courierId: string }
  /** A stop was served; a pickup turns its request into a load the courier carries. */
  | { readonly kind: 'task-done'; readonly requestId: string; readonly stop: StopKind; readonly at: number }
  /** The food will be ready later than planned. */
  | { readonly kind: 'pickup-delayed'; readonly requestId: string; readonly readyAt: number };

export interface ReplanResult {
  readonly problem: DispatchProblem;
  readonly plan: DispatchPlan;
}

/** Default re-plan budget: small enough for interactive dispatch, enough for a short ALNS. */
export const DEFAULT_REPLAN_BUDGET_MS = 100;

export function replanDispatch(
  problem: DispatchProblem,
  plan: DispatchPlan,
  change: PlanChange,
  options: SolveOptions = {},
): ReplanResult {
  const next = applyChange(problem, plan, change);
  const seeds = plan.routes.map((route) => ({
    courierId: route.courierId,
    stops: route.stops.filter(
      (s) =>
        !(
          change.kind === 'task-done' &&
          s.requestId === change.requestId &&
          (s.kind === change.stop || change.stop === 'delivery')
        ),
    ),
  }));
  // A delayed pickup may break its route: let the solver place it afresh.
  const stops =
    change.kind === 'pickup-delayed'
      ? seeds.map((s) => ({ ...s, stops: s.stops.filter((x) => x.requestId !== change.requestId) }))
      : seeds;
  const newPlan = solveDispatch(next, {
    timeBudgetMs: DEFAULT_REPLAN_BUDGET_MS,
    routeMinimizationShare: 0,
    ...options,
    initialRoutes: stops,
  });
  return { problem: next, plan: newPlan };
}

function applyChange(problem: DispatchProblem, plan: DispatchPlan, change: PlanChange): DispatchProblem {
  switch (change.kind) {
    case 'new-request':
      return { ...problem, requests: [...problem.requests, change.request] };
    case 'courier-off-duty': {
      if (!problem.couriers.some((c) => c.id === change.courierId)) {
        throw new OptimizerInputError('UNKNOWN_COURIER', 'courier going off duty does not exist', {
          courierId: change.courierId,
        });
      }
      return {
        ...problem,
        couriers: problem.couriers.map((c) => (c.id === change.courierId ? { ...c, acceptsNewWork: false } : c)),
        pinned: (problem.pinned ?? []).filter((p) => p.courierId !== change.courierId),
      };
    }
    case 'task-done':
      return completeTask(problem, plan, change.requestId, change.stop, change.at);
    case 'pickup-delayed': {
      const request = problem.requests.find((r) => r.id === change.requestId);
      if (!request)
        throw new OptimizerInputError('UNKNOWN_REQUEST', 'delayed request does not exist', {
          requestId: change.requestId,
        });
      const w = request.pickup.window;
      const delayed: DeliveryRequest = {
        ...request,
        pickup: {
          ...request.pickup,
          window: { ...w, earliest: change.readyAt, latest: Math.max(w.latest, change.readyAt) },
        },
      };
      return { ...problem, requests: problem.requests.map((r) => (r.id === change.requestId ? delayed : r)) };
    }
  }
}

/** The courier is now where the task was done, at the time it was done; a pickup becomes a carried load. */
function completeTask(
  problem: DispatchProblem,
  plan: DispatchPlan,
  requestId: string,
  stop: StopKind,
  at: number,
): DispatchProblem {
  const courierId = plan.routes.find((r) =>
    r.stops.some((s) => s.requestId === requestId && s.kind === stop),
  )?.courierId;
  if (courierId === undefined)
    throw new OptimizerInputError('UNKNOWN_REQUEST', `no planned ${stop} for this request`, { requestId });
  const request = problem.requests.find((r) => r.id === requestId);
  const load = (problem.carried ?? []).find((c) => c.id === requestId);
  let where: Location;
  let requests = problem.requests;
  let carried: readonly CarriedLoad[] = problem.carried ?? [];
  if (stop === 'pickup') {
    if (!request) throw new OptimizerInputError('UNKNOWN_REQUEST', 'picked-up request does not exist', { requestId });
    where = request.pickup.location;
    requests = requests.filter((r) => r.id !== requestId);
    carried = [...carried, { id: request.id, courierId, delivery: request.delivery, demand: request.demand }];
  } else {
    const delivered = load?.delivery ?? request?.delivery;
    if (!delivered) throw new OptimizerInputError('UNKNOWN_REQUEST', 'delivered request does not exist', { requestId });
    where = delivered.location;
    requests = requests.filter((r) => r.id !== requestId);
    carried = carried.filter((c) => c.id !== requestId);
  }
  return {
    ...problem,
    requests,
    carried,
    pinned: (problem.pinned ?? []).filter((p) => p.requestId !== requestId),
    couriers: problem.couriers.map((c) => (c.id === courierId ? { ...c, start: where, startTime: at } : c)),
  };
}
