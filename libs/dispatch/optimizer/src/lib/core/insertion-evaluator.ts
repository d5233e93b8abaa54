/**
 * Cheapest feasible insertion of one request into one route.
 *
 * For a pair (p, d) we scan pickup positions i and, for each, delivery positions j >= i,
 * carrying the shifted start times of the stops between p and d forward as j grows. Every
 * position pair is therefore checked in O(1) against the route's `latest` profile (the stops
 * after d only need "new start <= latest") and its load profile (the stops between p and d
 * carry q more). Scans stop early: once a stop between p and d is pushed past its window or
 * over capacity, no later j can work; with triangular travel times, once p (or d) is reached
 * too late from position i (or j), no later position can reach it in time either.
 */
import type { CompiledInstance } from './compiled-instance';
import type { Route } from './route-state';

export interface Insertion {
  cost: number;
  /** Pickup goes after this position (-1 for delivery-only requests). */
  i: number;
  /** Delivery goes after this position (position i when j === i means right after p). */
  j: number;
}

export function emptyInsertion(): Insertion {
  return { cost: Infinity, i: -1, j: -1 };
}

function fitsWithExtra(inst: CompiledInstance, route: Route, pos: number, demandNode: number): boolean {
  const dims = inst.dims;
  const base = route.courier * dims;
  for (let d = 0; d < dims; d++) {
    if (route.load[pos * dims + d] + inst.demand[demandNode * dims + d] > inst.capacity[base + d]) return false;
  }
  return true;
}

/**
 * Lateness added by an insertion, by re-simulating from position i until the time shift
 * dies out. Only used on instances with promised times, and only for feasible candidates.
 */
function latenessDelta(inst: CompiledInstance, route: Route, p: number, d: number, i: number, j: number): number {
  const { time, early, due, service, nodeCount: n } = inst;
  const scale = inst.timeScale[route.courier];
  let prev = route.nodes[i];
  let t = route.start[i];
  let delta = 0;
  const visit = (node: number): number => {
    t = Math.max(early[node], t + service[prev] + time[prev * n + node] * scale);
    prev = node;
    return t > due[node] ? t - due[node] : 0;
  };
  if (p >= 0) delta += visit(p);
  for (let m = i + 1; m <= j; m++) {
    const node = route.nodes[m];
    const old = route.start[m] > due[node] ? route.start[m] - due[node] : 0;
    delta += visit(node) - old;
  }
  delta += visit(d);
  for (let m = j + 1; m < route.len; m++) {
    const node = route.nodes[m];
    if (t + service[prev] + time[prev * n + node] * scale <= route.start[m]) break;
    const old = route.start[m] > due[node] ? route.start[m] - due[node] : 0;
    delta += visit(node) - old;
  }
  return delta;
}

/** Lateness of a stop served at `start` (0 when on time or without a promise). */
function ownLate(inst: CompiledInstance, node: number, start: number): number {
  const due = inst.due[node];
  return start > due ? start - due : 0;
}

/** Writes the cheapest feasible insertion of request r into `route` into `out` (cost Infinity if none). */
export function bestInsertion(inst: CompiledInstance, route: Route, r: number, out: Insertion): void {
  out.cost = Infinity;
  out.i = -1;
  out.j = -1;
  const owner = inst.reqOwner[r];
  if (owner >= 0 ? owner !== route.courier : inst.courierClosed[route.courier] === 1) return;
  const p = inst.reqPickup[r];
  if (p < 0) {
    bestSingleInsertion(inst, route, r, out);
    return;
  }
  const d = inst.reqDelivery[r];
  const { dist, time, early, late, service, nodeCount: n, triangular, weights } = inst;
  const nodes = route.nodes;
  const scale = inst.timeScale[route.courier];
  const start = route.start;
  const latest = route.latest;
  const len = route.len;
  const fixedCost = route.len === 2 ? weights.vehicle : 0;
  const wDist = weights.distance;
  const wLate = inst.hasDue ? weights.lateness : 0;
  const bound = triangular ? 1 : 0;
  const eP = early[p],
    lP = late[p],
    sP = service[p];
  const eD = early[d],
    lD = late[d],
    sD = service[d];
  const tPD = time[p * n + d] * scale;
  // Single-dimension capacity (the common case) is checked inline against one limit.
  const single = inst.dims === 1;
  const load = route.load;
  const loadLimit = single ? inst.capacity[route.courier] - inst.demand[p] : 0;
  const dPD = dist[p * n + d];
  let best = Infinity;

  for (let i = 0; i < len - 1; i++) {
    const a = nodes[i];
    const arrP = start[i] + service[a] + time[a * n + p] * scale;
    if (arrP > lP) {
      if (triangular) break;
      continue;
    }
    if (single ? load[i] > loadLimit : !fitsWithExtra(inst, route, i, p)) continue;
    const startP = arrP > eP ? arrP : eP;
    const b = nodes[i + 1];
    const dAP = dist[a * n + p];

    // Delivery right after the pickup.
    const arrD0 = startP + sP + tPD;
    // With triangular travel times p and d are served no earlier from any later position, and
    // detours are never negative: once their own lateness alone reaches the best, stop (exact).
    const lateFloor = wLate * bound * (ownLate(inst, p, startP) + ownLate(inst, d, arrD0 > eD ? arrD0 : eD));
    if (lateFloor > 0 && fixedCost + lateFloor >= best) break;
    if (arrD0 <= lD) {
      const startD = arrD0 > eD ? arrD0 : eD;
      const arrB = startD + sD + time[d * n + b] * scale;
      if ((arrB > early[b] ? arrB : early[b]) <= latest[i + 1]) {
        let cost = wDist * (dAP + dPD + dist[d * n + b] - dist[a * n + b]) + fixedCost;
        // With triangular travel times the lateness added is at least the new stops' own (an
        // insertion only delays the others), so a candidate whose distance and own lateness
        // already reach the best is skipped without re-simulating the route: same result.
        if (wLate > 0 && cost + wLate * bound * (ownLate(inst, p, startP) + ownLate(inst, d, startD)) < best)
          cost += wLate * latenessDelta(inst, route, p, d, i, i);
        else if (wLate > 0) cost = Infinity;
        if (cost < best) {
          best = cost;
          out.i = i;
          out.j = i;
        }
      }
    }

    // Delivery later: walk the stops between p and d, shifting their start times. With
    // triangular distances the delivery detour is never negative (nor is added lateness),
    // so a pickup detour that alone reaches the best cost rules out every j for this i.
    const pickupCost = dAP + dist[p * n + b] - dist[a * n + b];
    if (triangular && wDist * pickupCost + fixedCost >= best) continue;
    let prev = p;
    let prevStart = startP;
    let prevService = sP;
    for (let j = i + 1; j < len - 1; j++) {
      const node = nodes[j];
      const arr = prevStart + prevService + time[prev * n + node] * scale;
      const sj = arr > early[node] ? arr : early[node];
      if (sj > late[node] || (single ? load[j] > loadLimit : !fitsWithExtra(inst, route, j, p))) break;
      const arrD = sj + service[node] + time[node * n + d] * scale;
      if (arrD > lD) {
        if (triangular) break;
      } else {
        const c = nodes[j + 1];
        let cost = wDist * (pickupCost + dist[node * n + d] + dist[d * n + c] - dist[node * n + c]) + fixedCost;
        const startD = arrD > eD ? arrD : eD;
        // d is served no earlier after a later stop (triangular): same exact stop as above.
        const floor = wLate * bound * (ownLate(inst, p, startP) + ownLate(inst, d, startD));
        if (floor > 0 && wDist * pickupCost + fixedCost + floor >= best) break;
        const arrC = startD + sD + time[d * n + c] * scale;
        if (cost < best && (arrC > early[c] ? arrC : early[c]) <= latest[j + 1]) {
          if (wLate > 0 && cost + wLate * bound * (ownLate(inst, p, startP) + ownLate(inst, d, startD)) < best)
            cost += wLate * latenessDelta(inst, route, p, d, i, j);
          else if (wLate > 0) cost = Infinity;
          if (cost < best) {
            best = cost;
            out.i = i;
            out.j = j;
          }
        }
      }
      prev = node;
      prevStart = sj;
      prevService = service[node];
    }
  }
  out.cost = best;
}

function bestSingleInsertion(inst: CompiledInstance, route: Route, r: number, out: Insertion): void {
  const d = inst.reqDelivery[r];
  const { dist, time, early, late, service, nodeCount: n, triangular, weights } = inst;
  const wLate = inst.hasDue ? weights.lateness : 0;
  const bound = triangular ? 1 : 0;
  const fixedCost = route.len === 2 ? weights.vehicle : 0;
  const scale = inst.timeScale[route.courier];
  let best = Infinity;
  for (let j = 0; j < route.len - 1; j++) {
    const a = route.nodes[j];
    const arr = route.start[j] + service[a] + time[a * n + d] * scale;
    if (arr > late[d]) {
      if (triangular) break;
      continue;
    }
    const startD = Math.max(arr, early[d]);
    const c = route.nodes[j + 1];
    if (Math.max(early[c], startD + service[d] + time[d * n + c] * scale) > route.latest[j + 1]) continue;
    let cost = weights.distance * (dist[a * n + d] + dist[d * n + c] - dist[a * n + c]) + fixedCost;
    if (wLate > 0 && cost + wLate * bound * ownLate(inst, d, startD) < best)
      cost += wLate * latenessDelta(inst, route, -1, d, j, j);
    else if (wLate > 0) cost = Infinity;
    if (cost < best) {
      best = cost;
      out.j = j;
    }
  }
  out.cost = best;
}
