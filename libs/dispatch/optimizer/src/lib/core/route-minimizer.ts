/**
 * Route-minimisation phase. Fewer vehicles dominate distance in the Li & Lim ranking, and a
 * distance-driven search rarely empties a route on its own, so vehicles get a phase of their
 * own (as in Ropke & Pisinger and Nagata & Kobayashi): take a complete solution with m routes,
 * dissolve one route into a pool of unassigned requests, and let the ALNS, limited to m - 1
 * routes, try to absorb the pool. On success the m - 1 route solution becomes the incumbent and
 * the next route is attacked; on failure the attempt is dropped and another route is tried.
 */
import type { AlnsSearch } from './alns-search';
import type { CompiledInstance } from './compiled-instance';
import type { SeededRandom } from './seeded-random';
import type { Solution } from './solution-state';

export interface RouteMinimizationBudget {
  readonly deadline: number;
  readonly maxIterations: number;
}

/** No solution can use fewer routes than total demand over the largest capacity. */
export function vehicleLowerBound(inst: CompiledInstance): number {
  let bound = 0;
  for (let d = 0; d < inst.dims; d++) {
    let total = 0;
    let cap = 0;
    for (let r = 0; r < inst.requestCount; r++) total += -inst.demand[inst.reqDelivery[r] * inst.dims + d];
    for (let k = 0; k < inst.courierCount; k++) cap = Math.max(cap, inst.capacity[k * inst.dims + d]);
    if (cap > 0) bound = Math.max(bound, Math.ceil(total / cap - 1e-9));
  }
  return Math.max(bound, 1);
}

/**
 * Each elimination attempt gets a slice of the remaining budget: enough iterations for the
 * ALNS to reshuffle the pool, few enough that a hopeless attempt does not eat the phase.
 */
const ATTEMPT_SHARE = 0.25;
const MIN_ATTEMPT_ITERATIONS = 150;

export function minimizeRoutes(
  inst: CompiledInstance,
  alns: AlnsSearch,
  start: Solution,
  budget: RouteMinimizationBudget,
  rng: SeededRandom,
): { solution: Solution; iterations: number } {
  let incumbent = start;
  const allowedUnassigned = start.unassignedCount();
  const lowerBound = vehicleLowerBound(inst);
  const mark = new Uint8Array(inst.requestCount);
  let iterations = 0;
  let failures = 0;

  while (iterations < budget.maxIterations && performance.now() < budget.deadline) {
    const used = incumbent.usedRoutes();
    if (used <= lowerBound || failures >= Math.max(3, used)) break;
    const trial = incumbent.clone();
    const routes = trial.routes.filter((route) => route.len > 2 && !hasFixedStops(inst, route.nodes, route.len));
    if (routes.length === 0) break;
    // Prefer short routes, with randomness so that repeated failures try different routes.
    routes.sort((a, b) => a.len - b.len);
    const victim = routes[Math.floor(rng.next() ** 2 * routes.length)];
    const pool: number[] = [];
    for (let m = 1; m < victim.len - 1; m++) {
      const r = inst.nodeRequest[victim.nodes[m]];
      if (inst.reqPickup[r] === victim.nodes[m]) pool.push(r);
    }
    trial.remove(pool, mark);
    alns.insertPending(trial, 2, used - 1);

    const remainingIterations = budget.maxIterations - iterations;
    const sliceIterations = Number.isFinite(remainingIterations)
      ? Math.max(MIN_ATTEMPT_ITERATIONS, Math.floor(remainingIterations * ATTEMPT_SHARE))
      : Infinity;
    const now = performance.now();
    const sliceDeadline = now + Math.max((budget.deadline - now) * ATTEMPT_SHARE, 1);
    const { best, iterations: spent } = alns.run(trial, {
      vehicleLimit: used - 1,
      unassignedWeight: inst.weights.unassigned,
      adaptivePenalty: false,
      maxIterations: Math.min(sliceIterations, remainingIterations),
      deadline: Math.min(sliceDeadline, budget.deadline),
      stopAtUnassigned: allowedUnassigned,
      stallIterations: Infinity,
    });
    iterations += spent;
    if (best.unassignedCount() <= allowedUnassigned) {
      incumbent = best;
      failures = 0;
    } else {
      failures++;
    }
  }
  return { solution: incumbent, iterations };
}

function hasFixedStops(inst: CompiledInstance, nodes: Int32Array, len: number): boolean {
  for (let m = 1; m < len - 1; m++) if (inst.reqOwner[inst.nodeRequest[nodes[m]]] >= 0) return true;
  return false;
}
