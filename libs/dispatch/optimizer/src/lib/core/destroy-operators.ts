/**
 * Removal heuristics of the ALNS (Ropke & Pisinger 2006). Each picks up to q removable
 * requests (never carried loads or pinned requests) and returns them; the caller removes them.
 */
import type { CompiledInstance } from './compiled-instance';
import type { SeededRandom } from './seeded-random';
import type { Solution } from './solution-state';

export type DestroyOperator = (inst: CompiledInstance, sol: Solution, q: number, rng: SeededRandom) => number[];

function removable(inst: CompiledInstance, sol: Solution): number[] {
  const out: number[] = [];
  for (let r = 0; r < inst.requestCount; r++) if (sol.routeOf[r] >= 0 && inst.reqOwner[r] < 0) out.push(r);
  return out;
}

export const randomRemoval: DestroyOperator = (inst, sol, q, rng) => {
  const pool = removable(inst, sol);
  const out: number[] = [];
  while (out.length < q && pool.length > 0) {
    const idx = rng.int(0, pool.length - 1);
    out.push(pool[idx]);
    pool[idx] = pool[pool.length - 1];
    pool.pop();
  }
  return out;
};

/** Distance saved by taking request r out of its route (both stops, adjacent or not). */
function removalGain(inst: CompiledInstance, sol: Solution, r: number): number {
  const route = sol.routes[sol.routeOf[r]];
  const { dist, nodeCount: n } = inst;
  const p = inst.reqPickup[r];
  const d = inst.reqDelivery[r];
  const nodes = route.nodes;
  let ip = -1;
  let id = -1;
  for (let m = 1; m < route.len - 1; m++) {
    if (nodes[m] === p) ip = m;
    else if (nodes[m] === d) id = m;
  }
  if (ip >= 0 && id === ip + 1) {
    return (
      dist[nodes[ip - 1] * n + p] +
      dist[p * n + d] +
      dist[d * n + nodes[id + 1]] -
      dist[nodes[ip - 1] * n + nodes[id + 1]]
    );
  }
  let gain = dist[nodes[id - 1] * n + d] + dist[d * n + nodes[id + 1]] - dist[nodes[id - 1] * n + nodes[id + 1]];
  if (ip >= 0)
    gain += dist[nodes[ip - 1] * n + p] + dist[p * n + nodes[ip + 1]] - dist[nodes[ip - 1] * n + nodes[ip + 1]];
  // A request alone in its route also saves the vehicle.
  if (route.len <= 4) gain += inst.weights.vehicle;
  return gain;
}

/** Worst removal: requests whose removal saves most, randomised with exponent 3. */
export const worstRemoval: DestroyOperator = (inst, sol, q, rng) => {
  const pool = removable(inst, sol);
  const gains = new Map(pool.map((r) => [r, removalGain(inst, sol, r)]));
  pool.sort((a, b) => (gains.get(b) ?? 0) - (gains.get(a) ?? 0));
  const out: number[] = [];
  while (out.length < q && pool.length > 0) {
    const idx = Math.floor(rng.next() ** 3 * pool.length);
    out.push(pool[idx]);
    pool.splice(idx, 1);
  }
  return out;
};

/**
 * Shaw (related) removal: requests close in space, time and size to already removed ones, so
 * the repair can reshuffle them among each other. Weights 9/3/2 as in Ropke & Pisinger;
 * times are the current service start times.
 */
export const shawRemoval: DestroyOperator = (inst, sol, q, rng) => {
  const pool = removable(inst, sol);
  if (pool.length === 0) return [];
  const startOf = new Float64Array(inst.nodeCount);
  for (const route of sol.routes) for (let m = 1; m < route.len - 1; m++) startOf[route.nodes[m]] = route.start[m];
  const { dist, nodeCount: n, dims } = inst;
  const maxDist = 4 * inst.meanDistance || 1;
  let horizon = 1;
  for (let k = 0; k < inst.courierCount; k++)
    horizon = Math.max(
      horizon,
      Number.isFinite(inst.late[inst.courierCount + k]) ? inst.late[inst.courierCount + k] - inst.early[k] : 0,
    );
  const relatedness = (a: number, b: number): number => {
    const pa = inst.reqPickup[a],
      da = inst.reqDelivery[a],
      pb = inst.reqPickup[b],
      db = inst.reqDelivery[b];
    const space = (pa >= 0 && pb >= 0 ? dist[pa * n + pb] : 0) + dist[da * n + db];
    const timeGap =
      (pa >= 0 && pb >= 0 ? Math.abs(startOf[pa] - startOf[pb]) : 0) + Math.abs(startOf[da] - startOf[db]);
    const sizeGap = Math.abs(inst.demand[da * dims] - inst.demand[db * dims]);
    return (9 * space) / maxDist + (3 * timeGap) / horizon + (2 * sizeGap) / (1 + Math.abs(inst.demand[da * dims]));
  };
  const first = rng.int(0, pool.length - 1);
  const out = [pool[first]];
  pool.splice(first, 1);
  while (out.length < q && pool.length > 0) {
    const ref = out[rng.int(0, out.length - 1)];
    const keyed = pool.map((r) => ({ r, key: relatedness(ref, r) }));
    keyed.sort((x, y) => x.key - y.key);
    const pick = keyed[Math.floor(rng.next() ** 6 * keyed.length)].r;
    out.push(pick);
    pool.splice(pool.indexOf(pick), 1);
  }
  return out;
};

/** Route removal: empties one route, the smaller ones more often (they are the cheapest to absorb). */
export const routeRemoval: DestroyOperator = (inst, sol, q, rng) => {
  const used = sol.routes.filter((route) => route.len > 2);
  if (used.length === 0) return [];
  used.sort((a, b) => a.len - b.len);
  const route = used[Math.floor(rng.next() ** 2 * used.length)];
  const out: number[] = [];
  for (let m = 1; m < route.len - 1; m++) {
    const r = inst.nodeRequest[route.nodes[m]];
    if (inst.reqOwner[r] < 0 && inst.reqPickup[r] === route.nodes[m]) out.push(r);
  }
  // Top up with random requests when the route is small, so the neighbourhood keeps its size.
  if (out.length < q / 2) {
    const extra = randomRemoval(inst, sol, q - out.length, rng).filter((r) => !out.includes(r));
    out.push(...extra);
  }
  return out;
};

/**
 * String removal (after Christiaens & Vanden Berghe's SISR): around a random seed stop, cut a
 * string of consecutive stops out of each of the nearest routes, and release the requests they
 * belong to. It frees a contiguous stretch of several neighbouring routes at once, which is
 * what a pair needs when it only fits after its neighbours are re-sequenced.
 */
export const stringRemoval: DestroyOperator = (inst, sol, q, rng) => {
  const pool = removable(inst, sol);
  if (pool.length === 0) return [];
  const { dist, nodeCount: n } = inst;
  const seedRequest = pool[rng.int(0, pool.length - 1)];
  const seed = inst.reqDelivery[seedRequest];
  const near: { route: number; position: number; d: number }[] = [];
  sol.routes.forEach((route, k) => {
    let bestPos = -1;
    let bestD = Infinity;
    for (let m = 1; m < route.len - 1; m++) {
      const d = dist[seed * n + route.nodes[m]];
      if (d < bestD) {
        bestD = d;
        bestPos = m;
      }
    }
    if (bestPos > 0) near.push({ route: k, position: bestPos, d: bestD });
  });
  near.sort((a, b) => a.d - b.d);
  const out = new Set<number>();
  const maxString = Math.max(2, Math.min(10, Math.ceil(q / 2)));
  for (const { route: k, position } of near) {
    if (out.size >= q) break;
    const route = sol.routes[k];
    const stops = route.len - 2;
    const length = rng.int(1, Math.min(maxString, stops));
    const first = Math.max(1, Math.min(position - rng.int(0, length - 1), stops - length + 1));
    for (let m = first; m < first + length; m++) {
      const r = inst.nodeRequest[route.nodes[m]];
      if (inst.reqOwner[r] < 0) out.add(r);
    }
  }
  return [...out];
};
