/**
 * A solution: one route per courier (empty routes included, so courier k is always route k)
 * and the route of every request (-1 when unassigned). Requests that no courier can ever serve
 * are marked `excluded` up front and stay out of the search.
 */
import type { CompiledInstance } from './compiled-instance';
import { Route } from './route-state';

export class Solution {
  readonly routes: Route[];
  readonly routeOf: Int32Array;

  constructor(
    private readonly inst: CompiledInstance,
    readonly excluded: Uint8Array,
  ) {
    this.routes = [];
    for (let k = 0; k < inst.courierCount; k++) this.routes.push(new Route(inst, k));
    this.routeOf = new Int32Array(inst.requestCount).fill(-1);
  }

  copyFrom(other: Solution): void {
    for (let k = 0; k < this.routes.length; k++) this.routes[k].copyFrom(other.routes[k]);
    this.routeOf.set(other.routeOf);
  }

  clone(): Solution {
    const s = new Solution(this.inst, this.excluded);
    s.copyFrom(this);
    return s;
  }

  /** Requests in the search that are not in any route. */
  pending(): number[] {
    const out: number[] = [];
    for (let r = 0; r < this.routeOf.length; r++) if (this.routeOf[r] < 0 && this.excluded[r] === 0) out.push(r);
    return out;
  }

  unassignedCount(): number {
    let u = 0;
    for (let r = 0; r < this.routeOf.length; r++) if (this.routeOf[r] < 0 && this.excluded[r] === 0) u++;
    return u;
  }

  servedCount(): number {
    let served = 0;
    for (let r = 0; r < this.routeOf.length; r++) if (this.routeOf[r] >= 0) served++;
    return served;
  }

  usedRoutes(): number {
    let used = 0;
    for (const route of this.routes) if (route.len > 2) used++;
    return used;
  }

  distance(): number {
    let d = 0;
    for (const route of this.routes) d += route.distance;
    return d;
  }

  lateness(): number {
    let l = 0;
    for (const route of this.routes) l += route.lateness;
    return l;
  }

  /** Weighted lexicographic cost; `unassignedWeight` lets route elimination soften the top level. */
  cost(unassignedWeight = this.inst.weights.unassigned): number {
    const w = this.inst.weights;
    let cost = unassignedWeight * this.unassignedCount();
    for (const route of this.routes) {
      if (route.len > 2) cost += w.vehicle + w.lateness * route.lateness + w.distance * route.distance;
    }
    return cost;
  }

  /** Takes the given requests out of their routes (refreshing each touched route once). */
  remove(requests: readonly number[], mark: Uint8Array): void {
    const touched = new Set<number>();
    for (const r of requests) {
      const k = this.routeOf[r];
      if (k < 0) continue;
      mark[r] = 1;
      touched.add(k);
      this.routeOf[r] = -1;
    }
    for (const k of touched) this.routes[k].removeRequests(this.inst, mark);
    for (const r of requests) mark[r] = 0;
  }
}
