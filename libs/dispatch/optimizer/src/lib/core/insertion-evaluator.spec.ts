import fc from 'fast-check';
import { randomProblem } from '../testing/random-problem';
import { compileInstance, type CompiledInstance } from './compiled-instance';
import { bestInsertion, emptyInsertion } from './insertion-evaluator';
import { InsertionRepair } from './repair-operators';
import { Route } from './route-state';
import { SeededRandom } from './seeded-random';
import { Solution } from './solution-state';

/** Cheapest insertion by trying every position pair and re-simulating the whole route. */
function bruteForce(inst: CompiledInstance, route: Route, r: number): number {
  const owner = inst.reqOwner[r];
  if (owner >= 0 ? owner !== route.courier : inst.courierClosed[route.courier] === 1) return Infinity;
  const stops = Array.from(route.nodes.subarray(1, route.len - 1));
  const w = inst.weights;
  const base = route.len > 2 ? w.vehicle + w.distance * route.distance + w.lateness * route.lateness : 0;
  const trial = new Route(inst, route.courier);
  let best = Infinity;
  const p = inst.reqPickup[r];
  const d = inst.reqDelivery[r];
  for (let i = 0; i <= stops.length; i++) {
    for (let j = p < 0 ? 0 : i; j <= stops.length; j++) {
      const next =
        p < 0
          ? [...stops.slice(0, j), d, ...stops.slice(j)]
          : [...stops.slice(0, i), p, ...stops.slice(i, j), d, ...stops.slice(j)];
      if (!trial.assign(inst, next)) continue;
      best = Math.min(best, w.vehicle + w.distance * trial.distance + w.lateness * trial.lateness - base);
    }
  }
  return best;
}

describe('bestInsertion', () => {
  it('matches exhaustive re-simulation on random routes (feasibility and cost)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.boolean(), (seed, openEnds) => {
        const problem = randomProblem({ seed, couriers: 3, requests: 14, carried: 2, pinned: 1, openEnds });
        const inst = compileInstance(problem);
        const rng = new SeededRandom(seed);
        const excluded = new Uint8Array(inst.requestCount);
        // Half of the requests build the routes; the other half are probed.
        for (let r = 0; r < inst.requestCount; r += 2) excluded[r] = 1;
        const sol = new Solution(inst, excluded);
        new InsertionRepair(inst).repair(
          sol,
          sol.pending(),
          { regret: 2, vehicleLimit: inst.courierCount, noise: 0 },
          rng,
        );
        const out = emptyInsertion();
        for (let r = 0; r < inst.requestCount; r += 2) {
          for (const route of sol.routes) {
            bestInsertion(inst, route, r, out);
            const expected = bruteForce(inst, route, r);
            if (expected === Infinity) expect(out.cost).toBe(Infinity);
            else expect(out.cost).toBeCloseTo(expected, 6);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
