/**
 * Adaptive large neighbourhood search (Ropke & Pisinger 2006): destroy q requests with one of
 * several removal heuristics, repair with greedy, regret or sequential insertion, accept by
 * simulated annealing, and adapt the operator probabilities to their recent success.
 */
import type { CompiledInstance } from './compiled-instance';
import {
  type DestroyOperator,
  randomRemoval,
  routeRemoval,
  shawRemoval,
  stringRemoval,
  worstRemoval,
} from './destroy-operators';
import { InsertionRepair } from './repair-operators';
import type { SeededRandom } from './seeded-random';
import type { Solution } from './solution-state';

export interface AlnsRun {
  /** Routes that may be in use; the search never opens more. */
  readonly vehicleLimit: number;
  readonly unassignedWeight: number;
  /** Let the unassigned penalty float (see `run`); otherwise it is fixed at `unassignedWeight`. */
  readonly adaptivePenalty: boolean;
  readonly maxIterations: number;
  /** performance.now() value after which the run stops. */
  readonly deadline: number;
  /** Stop at the first solution with at most this many unassigned requests (route elimination). */
  readonly stopAtUnassigned: number;
  /** Wall-clock milliseconds between two yields of `steps` (default: never yields). */
  readonly sliceMs?: number;
  /**
   * Stop when the best has not improved for this many iterations AND for at least as many
   * iterations as it took to find it (so a run that improved late gets as long again); Infinity
   * never stops early. Counted in iterations, so the stop is deterministic for a given seed.
   */
  readonly stallIterations: number;
}

/** Runs a search generator to its end without pausing. */
export function drain<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

export interface AlnsResult {
  readonly best: Solution;
  readonly iterations: number;
  /** True when the run ended because the best stopped improving (see `stallIterations`). */
  readonly stalled: boolean;
}

type RepairVariant =
  | { readonly kind: 'regret'; readonly regret: number; readonly noisy: boolean }
  /** Sequential insertion in random order, or by earliest window (SISR's favourite orders). */
  | { readonly kind: 'sequential'; readonly order: 'random' | 'earliest' };

const DESTROYERS: readonly DestroyOperator[] = [randomRemoval, worstRemoval, shawRemoval, routeRemoval, stringRemoval];
const REPAIRS: readonly RepairVariant[] = [
  { kind: 'regret', regret: 1, noisy: false },
  { kind: 'regret', regret: 1, noisy: true },
  { kind: 'regret', regret: 2, noisy: false },
  { kind: 'regret', regret: 2, noisy: true },
  { kind: 'regret', regret: 3, noisy: false },
  { kind: 'regret', regret: Number.MAX_SAFE_INTEGER, noisy: false },
  { kind: 'sequential', order: 'random' },
  { kind: 'sequential', order: 'earliest' },
];

/** Scores from Ropke & Pisinger: new best, improving, accepted-but-worse. */
const SCORE_BEST = 33;
const SCORE_BETTER = 9;
const SCORE_ACCEPTED = 13;
const SEGMENT = 100;
const REACTION = 0.1;
/**
 * At first, a candidate worse by the average cost of 2.5 served requests (lateness and distance)
 * is accepted with probability 1/2. On Li & Lim (about 50 requests) this is Ropke & Pisinger's
 * "5 % worse than the start"; tying it to the cost per request rather than to the whole plan
 * keeps a 500-request city from starting so hot that a short run never cools down.
 */
const START_WORSENING_REQUESTS = 2.5;
const END_TEMPERATURE_RATIO = 0.002;
/** Insertion noise amplitude, as a share of four mean legs (Ropke & Pisinger's eta on max distance). */
const NOISE = 0.025;
/** Largest requests x couriers table for which construction uses regret-2 insertion. */
const REGRET_CONSTRUCTION_CELLS = 5000;
/** Per-iteration factor of the adaptive unassigned penalty. */
const PENALTY_STEP = 1.05;

class AdaptiveWeights {
  readonly weights: Float64Array;
  private readonly scores: Float64Array;
  private readonly uses: Float64Array;

  constructor(size: number) {
    this.weights = new Float64Array(size).fill(1);
    this.scores = new Float64Array(size);
    this.uses = new Float64Array(size);
  }

  reward(op: number, score: number): void {
    this.scores[op] += score;
    this.uses[op] += 1;
  }

  endSegment(): void {
    for (let i = 0; i < this.weights.length; i++) {
      if (this.uses[i] > 0) {
        this.weights[i] = Math.max(0.05, (1 - REACTION) * this.weights[i] + (REACTION * this.scores[i]) / this.uses[i]);
      }
      this.scores[i] = 0;
      this.uses[i] = 0;
    }
  }
}

export class AlnsSearch {
  private readonly repairer: InsertionRepair;
  private readonly destroyWeights = new AdaptiveWeights(DESTROYERS.length);
  private readonly repairWeights = new AdaptiveWeights(REPAIRS.length);

  constructor(
    private readonly inst: CompiledInstance,
    private readonly rng: SeededRandom,
  ) {
    this.repairer = new InsertionRepair(inst);
  }

  /** Inserts pending requests with regret insertion (construction and warm starts). */
  insertPending(sol: Solution, regret: number, vehicleLimit: number): void {
    this.repairer.repair(sol, sol.pending(), { regret, vehicleLimit, noise: 0 }, this.rng);
  }

  /**
   * Initial insertion of everything pending: regret-2 while its table is small; on city-sized
   * instances its re-scans would overrun sub-second budgets, so requests go in one pass by
   * earliest window instead and the ALNS does the rest.
   */
  construct(sol: Solution, vehicleLimit: number): void {
    const pending = sol.pending().length;
    if (pending * this.inst.courierCount <= REGRET_CONSTRUCTION_CELLS) this.insertPending(sol, 2, vehicleLimit);
    else this.applyRepair(sol, { kind: 'sequential', order: 'earliest' }, vehicleLimit, 0);
  }

  private applyRepair(sol: Solution, variant: RepairVariant, vehicleLimit: number, noise: number): void {
    const pending = sol.pending();
    if (variant.kind === 'regret') {
      this.repairer.repair(
        sol,
        pending,
        { regret: variant.regret, vehicleLimit, noise: variant.noisy ? noise : 0 },
        this.rng,
      );
      return;
    }
    if (variant.order === 'random') {
      for (let i = pending.length - 1; i > 0; i--) {
        const j = this.rng.int(0, i);
        const t = pending[i];
        pending[i] = pending[j];
        pending[j] = t;
      }
    } else {
      const { early, reqPickup, reqDelivery } = this.inst;
      const opening = (r: number) => early[reqPickup[r] >= 0 ? reqPickup[r] : reqDelivery[r]];
      pending.sort((a, b) => opening(a) - opening(b));
    }
    this.repairer.repairSequential(sol, pending, { regret: 1, vehicleLimit, noise: 0 }, this.rng);
  }

  run(initial: Solution, run: AlnsRun): AlnsResult {
    return drain(this.steps(initial, run));
  }

  /**
   * The search as a generator: it yields (nothing) whenever `run.sliceMs` of wall clock passed
   * since the last yield, so an async caller can let its event loop serve other work between
   * slices (see solveDispatchAsync); `run` drains it without pausing. The result is the same.
   */
  *steps(initial: Solution, run: AlnsRun): Generator<void, AlnsResult, void> {
    const { inst, rng } = this;
    let current = initial.clone();
    let candidate = initial.clone();
    const best = initial.clone();
    const mark = new Uint8Array(inst.requestCount);
    let currentBase = current.cost(0);
    let currentMissing = current.unassignedCount();
    let bestBase = currentBase;
    let bestMissing = currentMissing;
    // Temperature on the scale of the levels the search is still trading (lateness and distance;
    // vehicles and unassigned are held by the phase), so one setting fits both Li & Lim and cities.
    const w = inst.weights;
    const tradable = Math.max(
      w.lateness * current.lateness() + w.distance * current.distance(),
      w.distance * inst.meanDistance,
      1e-9,
    );
    const served = Math.max(1, current.servedCount());
    const t0 = (START_WORSENING_REQUESTS * tradable) / served / Math.LN2;
    // Walk cost = cost without the unassigned level + penalty x unassigned. With a fixed huge
    // penalty the walk never leaves requests out; with `adaptivePenalty` the penalty starts at
    // one mean leg (or the mean cost per served request, if larger) and is raised while the
    // current solution leaves requests out, lowered while it is complete, so the walk can cross
    // infeasible valleys between tight solutions (e.g. a just-squeezed fleet) without settling
    // outside feasibility.
    let penalty = run.adaptivePenalty
      ? Math.max(w.distance * inst.meanDistance, tradable / served)
      : run.unassignedWeight;
    const minPenalty = penalty * 0.1;
    const startTime = performance.now();
    const span = Math.max(1, run.deadline - startTime);
    let removableCount = 0;
    for (let r = 0; r < inst.requestCount; r++) if (inst.reqOwner[r] < 0 && initial.excluded[r] === 0) removableCount++;
    const qMin = Math.min(4, removableCount);
    // Ropke & Pisinger's q in [4, min(100, 0.4 n)], with lower caps: under second-scale budgets
    // many medium neighbourhoods beat a few huge ones, so q stays under 40 and q x couriers (the
    // route scans of one repair) under about 1000.
    const qCap = Math.min(40, Math.max(10, Math.round(1000 / Math.max(1, inst.courierCount))));
    const qMax = Math.max(qMin, Math.min(Math.round(0.4 * removableCount), qCap));
    const noise = NOISE * 4 * inst.meanDistance * inst.weights.distance;

    let it = 0;
    let lastImprovement = 0;
    let stalled = false;
    const sliceMs = run.sliceMs ?? Infinity;
    let sliceStart = performance.now();
    while (it < run.maxIterations && bestMissing > run.stopAtUnassigned) {
      if (performance.now() - sliceStart >= sliceMs) {
        yield;
        sliceStart = performance.now();
      }
      if (performance.now() >= run.deadline) break;
      if (removableCount === 0) break;
      const since = it - lastImprovement;
      if (since >= run.stallIterations && since >= lastImprovement) {
        stalled = true;
        break;
      }
      const progress = Number.isFinite(run.maxIterations)
        ? it / run.maxIterations
        : (performance.now() - startTime) / span;
      const temperature = t0 * END_TEMPERATURE_RATIO ** Math.min(1, progress);
      it++;

      candidate.copyFrom(current);
      const d = rng.roulette(this.destroyWeights.weights);
      const h = rng.roulette(this.repairWeights.weights);
      const q = rng.int(qMin, qMax);
      candidate.remove(DESTROYERS[d](inst, candidate, q, rng), mark);
      this.applyRepair(candidate, REPAIRS[h], run.vehicleLimit, noise);

      const base = candidate.cost(0);
      const missing = candidate.unassignedCount();
      const cost = base + penalty * missing;
      const currentCost = currentBase + penalty * currentMissing;
      let score = 0;
      // The best is kept lexicographically: fewest requests left out first.
      if (missing < bestMissing || (missing === bestMissing && base < bestBase - 1e-9)) {
        best.copyFrom(candidate);
        bestBase = base;
        bestMissing = missing;
        lastImprovement = it;
        score = SCORE_BEST;
      }
      if (cost < currentCost - 1e-9 || rng.next() < Math.exp((currentCost - cost) / temperature)) {
        if (score === 0) score = cost < currentCost - 1e-9 ? SCORE_BETTER : SCORE_ACCEPTED;
        const swap = current;
        current = candidate;
        candidate = swap;
        currentBase = base;
        currentMissing = missing;
      }
      if (run.adaptivePenalty)
        penalty = currentMissing > 0 ? penalty * PENALTY_STEP : Math.max(minPenalty, penalty / PENALTY_STEP);
      this.destroyWeights.reward(d, score);
      this.repairWeights.reward(h, score);
      if (it % SEGMENT === 0) {
        this.destroyWeights.endSegment();
        this.repairWeights.endSegment();
      }
    }
    return { best, iterations: it, stalled };
  }
}
