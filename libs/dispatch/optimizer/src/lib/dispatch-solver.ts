/**
 * Entry point of the optimizer: validate, compile, construct, minimise routes, minimise
 * distance, report. Deterministic for a given seed when the run is bounded by `maxIterations`
 * (a wall-clock budget that cuts the run short makes the result depend on machine speed).
 */
import { AlnsSearch, drain } from './core/alns-search';
import { type CompiledInstance, compileInstance } from './core/compiled-instance';
import { bestInsertion, emptyInsertion } from './core/insertion-evaluator';
import { buildPlan } from './core/plan-builder';
import { minimizeRoutes } from './core/route-minimizer';
import { SeededRandom } from './core/seeded-random';
import { Solution } from './core/solution-state';
import { validateProblem } from './model/input-validator';
import type { DispatchPlan, DispatchProblem, StopKind, UnassignedReason } from './model/optimizer-model';

export interface RouteSeed {
  readonly courierId: string;
  readonly stops: readonly { readonly requestId: string; readonly kind: StopKind }[];
}

export interface SolveOptions {
  readonly seed?: number;
  /** Wall-clock budget for the whole solve, in milliseconds (default 1000). */
  readonly timeBudgetMs?: number;
  /** Iteration limit over both search phases (default unlimited). */
  readonly maxIterations?: number;
  /** Share of the budget given to route minimisation when vehicles are in the objective (default 0.5). */
  readonly routeMinimizationShare?: number;
  /** A previous plan's routes to start from (re-planning); stops that no longer fit are re-inserted. */
  readonly initialRoutes?: readonly RouteSeed[];
  /**
   * Early stop (default on): the distance/lateness phase ends once its best has not improved for
   * `stallIterations` iterations and for as many iterations as it took to find that best, so easy
   * instances do not spend the whole budget. False runs to the budget (or `maxIterations`).
   */
  readonly stopWhenStalled?: boolean;
  /** Minimum iterations without improvement before an early stop (default 1000). */
  readonly stallIterations?: number;
}

/** Default of `SolveOptions.stallIterations`. */
export const DEFAULT_STALL_ITERATIONS = 1000;

export function solveDispatch(problem: DispatchProblem, options: SolveOptions = {}): DispatchPlan {
  return drain(solveSteps(problem, options, Infinity));
}

/** Default of `solveDispatchAsync`'s slice: the longest the caller's event loop waits for the search. */
export const DEFAULT_SLICE_MS = 10;

export interface AsyncSolveOptions extends SolveOptions {
  /** Search time between two returns to the event loop (default DEFAULT_SLICE_MS). */
  readonly sliceMs?: number;
  /**
   * Wall-clock pause after each slice (default 0: one event-loop turn). A background search
   * with `pauseMs: 2 * sliceMs` takes at most a third of its process's CPU, whatever its budget.
   */
  readonly pauseMs?: number;
}

/**
 * The same solve, giving the event loop back every `sliceMs` of the search (a macrotask turn via
 * setImmediate, or a `pauseMs` timer), so a server process keeps answering I/O while a
 * background search runs. The plan equals solveDispatch's for the same options when the run is
 * bounded by `maxIterations`.
 */
export async function solveDispatchAsync(
  problem: DispatchProblem,
  options: AsyncSolveOptions = {},
): Promise<DispatchPlan> {
  const steps = solveSteps(problem, options, options.sliceMs ?? DEFAULT_SLICE_MS);
  const pauseMs = options.pauseMs ?? 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await new Promise<void>((resolve) => (pauseMs > 0 ? setTimeout(resolve, pauseMs) : setImmediate(resolve)));
  }
}

function* solveSteps(
  problem: DispatchProblem,
  options: SolveOptions,
  sliceMs: number,
): Generator<void, DispatchPlan, void> {
  const started = performance.now();
  validateProblem(problem);
  const seed = options.seed ?? 1;
  const budgetMs = options.timeBudgetMs ?? 1000;
  const maxIterations = options.maxIterations ?? Infinity;
  const deadline = started + budgetMs;
  const inst = compileInstance(problem);
  const rng = new SeededRandom(seed);

  const { excluded, reasons } = screenRequests(inst);
  let sol = new Solution(inst, excluded);
  if (options.initialRoutes) seedRoutes(inst, sol, options.initialRoutes);

  const alns = new AlnsSearch(inst, rng);
  // Work that must stay with one courier goes in first, while its route still has room.
  const notFixed = new Uint8Array(inst.requestCount);
  for (let r = 0; r < inst.requestCount; r++) if (inst.reqOwner[r] < 0) notFixed[r] = 1;
  const fixedOnly = new Solution(inst, orMask(excluded, notFixed));
  fixedOnly.copyFrom(sol);
  alns.insertPending(fixedOnly, 1, inst.courierCount);
  sol.copyFrom(fixedOnly);
  alns.construct(sol, inst.courierCount);

  let iterations = 0;
  const minimiseVehicles = inst.weights.vehicle > 0;
  if (minimiseVehicles) {
    const share = options.routeMinimizationShare ?? 0.5;
    const result = minimizeRoutes(
      inst,
      alns,
      sol,
      { deadline: started + budgetMs * share, maxIterations: Math.floor(maxIterations * share) },
      rng,
    );
    sol = result.solution;
    iterations += result.iterations;
  }
  const stallIterations =
    options.stopWhenStalled === false ? Infinity : (options.stallIterations ?? DEFAULT_STALL_ITERATIONS);
  const {
    best,
    iterations: distanceIterations,
    stalled,
  } = yield* alns.steps(sol, {
    sliceMs,
    vehicleLimit: minimiseVehicles ? sol.usedRoutes() : inst.courierCount,
    unassignedWeight: inst.weights.unassigned,
    adaptivePenalty: true,
    maxIterations: maxIterations - iterations,
    deadline,
    stopAtUnassigned: -1,
    stallIterations,
  });
  iterations += distanceIterations;
  return buildPlan(inst, best, reasons, {
    seed,
    iterations,
    elapsedMs: performance.now() - started,
    stoppedEarly: stalled,
  });
}

function orMask(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] | b[i];
  return out;
}

/**
 * Valid requests that no allowed courier could serve even with an otherwise empty route are
 * set aside with their reason, so the search never wastes effort on them and the caller learns why.
 */
function screenRequests(inst: CompiledInstance): { excluded: Uint8Array; reasons: Map<number, UnassignedReason> } {
  const excluded = new Uint8Array(inst.requestCount);
  const reasons = new Map<number, UnassignedReason>();
  const empty = new Solution(inst, excluded);
  const scratch = emptyInsertion();
  for (let r = 0; r < inst.requestCount; r++) {
    let fitsSomeone = false;
    let reachable = false;
    for (let k = 0; k < inst.courierCount && !reachable; k++) {
      if (inst.reqOwner[r] >= 0 ? inst.reqOwner[r] !== k : inst.courierClosed[k] === 1) continue;
      let fits = true;
      if (inst.reqPickup[r] >= 0) {
        for (let d = 0; d < inst.dims; d++) {
          if (-inst.demand[inst.reqDelivery[r] * inst.dims + d] > inst.capacity[k * inst.dims + d]) fits = false;
        }
      }
      if (!fits) continue;
      fitsSomeone = true;
      bestInsertion(inst, empty.routes[k], r, scratch);
      reachable = scratch.cost < Infinity;
    }
    if (!reachable) {
      excluded[r] = 1;
      reasons.set(r, fitsSomeone ? 'window-unreachable' : 'exceeds-capacity');
    }
  }
  return { excluded, reasons };
}

/** Rebuilds routes from a previous plan; a route that became infeasible is dropped whole. */
function seedRoutes(inst: CompiledInstance, sol: Solution, seeds: readonly RouteSeed[]): void {
  const courierIndex = new Map(inst.courierIds.map((id, k) => [id, k]));
  const requestIndex = new Map(inst.requestIds.map((id, r) => [id, r]));
  for (const seedRoute of seeds) {
    const k = courierIndex.get(seedRoute.courierId);
    if (k === undefined) continue;
    const route = sol.routes[k];
    const nodes: number[] = [];
    const seen = new Map<number, number>();
    for (const stop of seedRoute.stops) {
      const r = requestIndex.get(stop.requestId);
      if (r === undefined || sol.excluded[r] === 1 || sol.routeOf[r] >= 0) continue;
      if (inst.reqOwner[r] >= 0 ? inst.reqOwner[r] !== k : inst.courierClosed[k] === 1) continue;
      const node = stop.kind === 'pickup' ? inst.reqPickup[r] : inst.reqDelivery[r];
      if (node < 0) continue;
      nodes.push(node);
      seen.set(r, (seen.get(r) ?? 0) + 1);
    }
    // Keep only complete requests: both stops of a pair (pickup first), or a carried delivery.
    const complete = nodes.filter((node) => {
      const r = inst.nodeRequest[node];
      return (
        (seen.get(r) ?? 0) === (inst.reqPickup[r] >= 0 ? 2 : 1) &&
        (inst.reqPickup[r] < 0 || nodes.indexOf(inst.reqPickup[r]) < nodes.indexOf(inst.reqDelivery[r]))
      );
    });
    if (route.assign(inst, complete)) {
      for (const node of complete) sol.routeOf[inst.nodeRequest[node]] = k;
    } else {
      route.clear(inst);
    }
  }
}
