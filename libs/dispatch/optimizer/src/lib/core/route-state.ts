/**
 * One courier's route as typed arrays, with the two profiles that make insertion checks O(1):
 * - `start[m]`: earliest start of service at position m (forward pass);
 * - `latest[m]`: latest start of service at m that keeps every later stop in its window
 *   (backward pass, Savelsbergh's forward time slack expressed as a deadline);
 * - `load[m*dims + d]`: load on board after serving position m.
 * Position 0 is the courier's start node and position len-1 its end node. Routes held by a
 * solution are always feasible; every mutation ends with `refresh`.
 */
import type { CompiledInstance } from './compiled-instance';

export class Route {
  readonly courier: number;
  nodes: Int32Array;
  start: Float64Array;
  latest: Float64Array;
  load: Float64Array;
  len = 2;
  distance = 0;
  lateness = 0;
  private readonly dims: number;

  constructor(inst: CompiledInstance, courier: number, capacityHint = 16) {
    this.courier = courier;
    this.dims = inst.dims;
    this.nodes = new Int32Array(capacityHint);
    this.start = new Float64Array(capacityHint);
    this.latest = new Float64Array(capacityHint);
    this.load = new Float64Array(capacityHint * inst.dims);
    this.nodes[0] = courier;
    this.nodes[1] = inst.courierCount + courier;
    this.refresh(inst);
  }

  /** Number of stops (start and end nodes excluded). */
  get stopCount(): number {
    return this.len - 2;
  }

  private ensureCapacity(size: number): void {
    if (size <= this.nodes.length) return;
    const cap = Math.max(size, this.nodes.length * 2);
    const nodes = new Int32Array(cap);
    nodes.set(this.nodes.subarray(0, this.len));
    this.nodes = nodes;
    this.start = new Float64Array(cap);
    this.latest = new Float64Array(cap);
    this.load = new Float64Array(cap * this.dims);
  }

  copyFrom(other: Route): void {
    this.ensureCapacity(other.len);
    this.len = other.len;
    this.nodes.set(other.nodes.subarray(0, other.len));
    this.start.set(other.start.subarray(0, other.len));
    this.latest.set(other.latest.subarray(0, other.len));
    this.load.set(other.load.subarray(0, other.len * this.dims));
    this.distance = other.distance;
    this.lateness = other.lateness;
  }

  /** Inserts `p` after position i and `d` after position j of the current route (j >= i). */
  insertPair(inst: CompiledInstance, p: number, d: number, i: number, j: number): void {
    this.ensureCapacity(this.len + 2);
    const nodes = this.nodes;
    nodes.copyWithin(j + 3, j + 1, this.len);
    nodes[j + 2] = d;
    nodes.copyWithin(i + 2, i + 1, j + 1);
    nodes[i + 1] = p;
    this.len += 2;
    this.refresh(inst);
  }

  /** Inserts a single (delivery-only) node after position j. */
  insertSingle(inst: CompiledInstance, d: number, j: number): void {
    this.ensureCapacity(this.len + 1);
    this.nodes.copyWithin(j + 2, j + 1, this.len);
    this.nodes[j + 1] = d;
    this.len += 1;
    this.refresh(inst);
  }

  /** Removes every stop whose request is flagged in `removed` (indexed by request). */
  removeRequests(inst: CompiledInstance, removed: Uint8Array): void {
    let w = 1;
    for (let m = 1; m < this.len - 1; m++) {
      const node = this.nodes[m];
      if (removed[inst.nodeRequest[node]] === 0) this.nodes[w++] = node;
    }
    this.nodes[w++] = this.nodes[this.len - 1];
    this.len = w;
    this.refresh(inst);
  }

  /** Replaces the stops with `stops`; returns whether the resulting route is feasible. */
  assign(inst: CompiledInstance, stops: readonly number[]): boolean {
    this.ensureCapacity(stops.length + 2);
    this.nodes.set(stops, 1);
    this.nodes[stops.length + 1] = inst.courierCount + this.courier;
    this.len = stops.length + 2;
    return this.refresh(inst);
  }

  clear(inst: CompiledInstance): void {
    this.nodes[1] = inst.courierCount + this.courier;
    this.len = 2;
    this.refresh(inst);
  }

  /** Recomputes the profiles, distance and lateness. Returns false if the route is infeasible. */
  refresh(inst: CompiledInstance): boolean {
    const { dist, time, early, late, due, service, demand, capacity, startLoad, nodeCount: n } = inst;
    const scale = inst.timeScale[this.courier];
    const dims = this.dims;
    const nodes = this.nodes;
    const len = this.len;
    let feasible = true;
    let distance = 0;
    let lateness = 0;
    let prev = nodes[0];
    this.start[0] = early[prev];
    for (let d = 0; d < dims; d++) {
      this.load[d] = startLoad[this.courier * dims + d];
      if (this.load[d] > capacity[this.courier * dims + d]) feasible = false;
    }
    for (let m = 1; m < len; m++) {
      const node = nodes[m];
      const s = Math.max(early[node], this.start[m - 1] + service[prev] + time[prev * n + node] * scale);
      this.start[m] = s;
      if (s > late[node]) feasible = false;
      if (s > due[node]) lateness += s - due[node];
      distance += dist[prev * n + node];
      for (let d = 0; d < dims; d++) {
        const q = this.load[(m - 1) * dims + d] + demand[node * dims + d];
        this.load[m * dims + d] = q;
        if (q > capacity[this.courier * dims + d]) feasible = false;
      }
      prev = node;
    }
    this.latest[len - 1] = late[nodes[len - 1]];
    for (let m = len - 2; m >= 0; m--) {
      const node = nodes[m];
      this.latest[m] = Math.min(late[node], this.latest[m + 1] - time[node * n + nodes[m + 1]] * scale - service[node]);
    }
    this.distance = distance;
    this.lateness = lateness;
    return feasible;
  }
}
