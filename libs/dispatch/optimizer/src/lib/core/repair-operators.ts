/**
 * Insertion heuristics shared by construction and ALNS repair: greedy (regret-1) and
 * regret-k (Ropke & Pisinger 2006). The cheapest insertion of every pending request into
 * every route is cached in an R x K table; after an insertion only the changed route's column
 * is re-evaluated, so a repair of q requests costs q·K + q² route scans instead of q²·K.
 */
import type { CompiledInstance } from './compiled-instance';
import { bestInsertion, emptyInsertion } from './insertion-evaluator';
import type { SeededRandom } from './seeded-random';
import type { Solution } from './solution-state';

export interface RepairOptions {
  /** 1 = greedy; k >= 2 = regret-k (k larger than the fleet means "all routes"). */
  readonly regret: number;
  /** Most routes that may be in use; opening another empty route is not allowed beyond it. */
  readonly vehicleLimit: number;
  /** Amplitude of random noise added to insertion costs (0 = none), in cost units. */
  readonly noise: number;
}

/** Regret differences are capped so that "only one route fits" still ranks first but stays finite. */
const INFEASIBLE_REGRET = 1e30;

export class InsertionRepair {
  private readonly cost: Float64Array;
  private readonly posI: Int32Array;
  private readonly posJ: Int32Array;
  private readonly scratch = emptyInsertion();
  private readonly topK: Float64Array;

  constructor(private readonly inst: CompiledInstance) {
    const size = inst.requestCount * inst.courierCount;
    this.cost = new Float64Array(size);
    this.posI = new Int32Array(size);
    this.posJ = new Int32Array(size);
    this.topK = new Float64Array(Math.max(1, inst.courierCount));
  }

  private evaluate(sol: Solution, r: number, k: number, rng: SeededRandom, noise: number): void {
    const cell = r * this.inst.courierCount + k;
    bestInsertion(this.inst, sol.routes[k], r, this.scratch);
    let c = this.scratch.cost;
    if (noise > 0 && c < Infinity) c = Math.max(0, c + noise * (2 * rng.next() - 1));
    this.cost[cell] = c;
    this.posI[cell] = this.scratch.i;
    this.posJ[cell] = this.scratch.j;
  }

  /**
   * Sequential insertion: requests in the given order, each at its cheapest position over all
   * routes. Cheaper than regret (no table), and the order itself is a source of diversity:
   * the same removed set repaired in another order often lands in another basin.
   */
  repairSequential(sol: Solution, ordered: readonly number[], opts: RepairOptions, rng: SeededRandom): void {
    const inst = this.inst;
    let used = sol.usedRoutes();
    for (const r of ordered) {
      const mayOpen = used < opts.vehicleLimit;
      let best = Infinity;
      let bestRoute = -1;
      let bestI = -1;
      let bestJ = -1;
      for (let k = 0; k < inst.courierCount; k++) {
        const route = sol.routes[k];
        if (!mayOpen && route.len === 2) continue;
        bestInsertion(inst, route, r, this.scratch);
        let c = this.scratch.cost;
        if (opts.noise > 0 && c < Infinity) c = Math.max(0, c + opts.noise * (2 * rng.next() - 1));
        if (c < best) {
          best = c;
          bestRoute = k;
          bestI = this.scratch.i;
          bestJ = this.scratch.j;
        }
      }
      if (bestRoute < 0) continue;
      const route = sol.routes[bestRoute];
      if (route.len === 2) used++;
      if (inst.reqPickup[r] >= 0) route.insertPair(inst, inst.reqPickup[r], inst.reqDelivery[r], bestI, bestJ);
      else route.insertSingle(inst, inst.reqDelivery[r], bestJ);
      sol.routeOf[r] = bestRoute;
    }
  }

  /** Inserts as many of `pending` as fit; the rest stay unassigned in `sol`. */
  repair(sol: Solution, pending: number[], opts: RepairOptions, rng: SeededRandom): void {
    const inst = this.inst;
    const K = inst.courierCount;
    const open = pending.slice();
    let used = sol.usedRoutes();
    for (const r of open) for (let k = 0; k < K; k++) this.evaluate(sol, r, k, rng, opts.noise);
    const kReg = Math.min(Math.max(1, opts.regret), K);

    while (open.length > 0) {
      const mayOpen = used < opts.vehicleLimit;
      let pickIdx = -1;
      let pickScore = -Infinity;
      let pickBest = Infinity;
      let pickRoute = -1;
      for (let idx = 0; idx < open.length; idx++) {
        const row = open[idx] * K;
        const top = this.topK;
        top.fill(Infinity, 0, kReg);
        let bestRoute = -1;
        for (let k = 0; k < K; k++) {
          const c = this.cost[row + k];
          if (c === Infinity || (!mayOpen && sol.routes[k].len === 2)) continue;
          if (c < top[kReg - 1]) {
            let h = kReg - 1;
            while (h > 0 && top[h - 1] > c) {
              top[h] = top[h - 1];
              h--;
            }
            top[h] = c;
            if (h === 0) bestRoute = k;
          }
        }
        if (bestRoute < 0) continue;
        let score: number;
        if (kReg === 1) score = -top[0];
        else {
          score = 0;
          for (let h = 1; h < kReg; h++) score += top[h] === Infinity ? INFEASIBLE_REGRET : top[h] - top[0];
        }
        // Ties (common when several requests fit nowhere else) go to the cheaper insertion.
        if (score > pickScore || (score === pickScore && top[0] < pickBest)) {
          pickScore = score;
          pickBest = top[0];
          pickIdx = idx;
          pickRoute = bestRoute;
        }
      }
      if (pickIdx < 0) break;

      const r = open[pickIdx];
      open[pickIdx] = open[open.length - 1];
      open.pop();
      const route = sol.routes[pickRoute];
      const cell = r * K + pickRoute;
      if (route.len === 2) used++;
      if (inst.reqPickup[r] >= 0)
        route.insertPair(inst, inst.reqPickup[r], inst.reqDelivery[r], this.posI[cell], this.posJ[cell]);
      else route.insertSingle(inst, inst.reqDelivery[r], this.posJ[cell]);
      sol.routeOf[r] = pickRoute;
      // With triangular travel times, adding stops never makes an infeasible insertion
      // feasible (drop the new stops from any feasible insertion and it stays feasible),
      // so only finite cells of the changed route need a fresh scan.
      const keepInfeasible = inst.triangular;
      for (const o of open) {
        if (keepInfeasible && this.cost[o * K + pickRoute] === Infinity) continue;
        this.evaluate(sol, o, pickRoute, rng, opts.noise);
      }
    }
  }
}
