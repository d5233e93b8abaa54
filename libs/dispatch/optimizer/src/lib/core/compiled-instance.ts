/**
 * Compiles a validated problem into dense typed arrays: one node per courier start, one per
 * courier end, one per stop. The search only ever touches these arrays, so the metric is
 * called n² times here and never again.
 *
 * Node layout: [0, K) courier starts, [K, 2K) courier ends, then the stops. Request indices:
 * [0, R0) the problem's requests (pickup + delivery), then the carried loads (delivery only,
 * `reqPickup` = -1).
 */
import {
  DEFAULT_OBJECTIVE,
  type DispatchProblem,
  type Location,
  type ObjectiveLevel,
  type StopSpec,
} from '../model/optimizer-model';

export interface ObjectiveWeights {
  readonly unassigned: number;
  readonly vehicle: number;
  readonly lateness: number;
  readonly distance: number;
}

export interface CompiledInstance {
  readonly nodeCount: number;
  readonly courierCount: number;
  readonly requestCount: number;
  readonly dims: number;
  readonly dist: Float64Array;
  /** Travel times of the metric's reference vehicle; courier k rides them times `timeScale[k]`. */
  readonly time: Float64Array;
  /** Per courier: 1 / speedFactor (exactly 1 when the courier has no factor). */
  readonly timeScale: Float64Array;
  readonly early: Float64Array;
  readonly late: Float64Array;
  /** Promised start of service; lateness counts beyond it. +Infinity when none. */
  readonly due: Float64Array;
  readonly service: Float64Array;
  /** Signed demand per node and dimension: positive at pickups, negative at deliveries. */
  readonly demand: Float64Array;
  readonly capacity: Float64Array;
  /** What each courier carries when the plan starts (sum of its carried loads). */
  readonly startLoad: Float64Array;
  readonly reqPickup: Int32Array;
  readonly reqDelivery: Int32Array;
  /** Courier a request must stay with (carried or pinned), else -1. */
  readonly reqOwner: Int32Array;
  /** 1 for couriers that take no new work (off duty): only their own requests go to them. */
  readonly courierClosed: Uint8Array;
  readonly nodeRequest: Int32Array;
  readonly triangular: boolean;
  readonly hasDue: boolean;
  readonly weights: ObjectiveWeights;
  readonly requestIds: readonly string[];
  readonly courierIds: readonly string[];
  /** Mean travel distance between two stops: the scale for annealing temperatures. */
  readonly meanDistance: number;
}

/** Unassigned always dominates; then the listed levels in order, each above the sum of those below. */
function lexicographicWeights(
  levels: readonly ObjectiveLevel[],
  bounds: Record<ObjectiveLevel, number>,
): ObjectiveWeights {
  const order: ObjectiveLevel[] = ['unassigned', ...levels.filter((l) => l !== 'unassigned')];
  const w: Record<ObjectiveLevel, number> = { unassigned: 0, vehicles: 0, lateness: 0, distance: 0 };
  let below = 0;
  for (let i = order.length - 1; i >= 0; i--) {
    w[order[i]] = below + 1;
    below += w[order[i]] * bounds[order[i]];
  }
  return { unassigned: w.unassigned, vehicle: w.vehicles, lateness: w.lateness, distance: w.distance };
}

export function compileInstance(problem: DispatchProblem): CompiledInstance {
  const { metric, couriers, requests } = problem;
  const carried = problem.carried ?? [];
  const K = couriers.length;
  const R = requests.length + carried.length;
  const dims = couriers[0]?.capacity.length ?? requests[0]?.demand.length ?? carried[0]?.demand.length ?? 1;
  const n = 2 * K + 2 * requests.length + carried.length;

  const locations: Location[] = new Array<Location>(n);
  const early = new Float64Array(n);
  const late = new Float64Array(n).fill(Infinity);
  const due = new Float64Array(n).fill(Infinity);
  const service = new Float64Array(n);
  const demand = new Float64Array(n * dims);
  const capacity = new Float64Array(K * dims);
  const startLoad = new Float64Array(K * dims);
  const reqPickup = new Int32Array(R).fill(-1);
  const reqDelivery = new Int32Array(R);
  const reqOwner = new Int32Array(R).fill(-1);
  const nodeRequest = new Int32Array(n).fill(-1);
  const openEnd = new Uint8Array(K);
  const courierClosed = new Uint8Array(K);
  const timeScale = new Float64Array(K);
  const courierIndex = new Map<string, number>();

  couriers.forEach((c, k) => {
    courierIndex.set(c.id, k);
    locations[k] = c.start;
    early[k] = c.startTime;
    late[k] = c.startTime;
    locations[K + k] = c.end ?? c.start;
    openEnd[k] = c.end === undefined ? 1 : 0;
    courierClosed[k] = c.acceptsNewWork === false ? 1 : 0;
    timeScale[k] = c.speedFactor === undefined ? 1 : 1 / c.speedFactor;
    early[K + k] = c.startTime;
    late[K + k] = c.endTime ?? Infinity;
    for (let d = 0; d < dims; d++) capacity[k * dims + d] = c.capacity[d];
  });

  let next = 2 * K;
  let hasDue = false;
  const place = (stop: StopSpec, r: number, sign: number, q: readonly number[]): number => {
    const node = next++;
    locations[node] = stop.location;
    early[node] = stop.window.earliest;
    late[node] = stop.window.latest;
    if (stop.window.due !== undefined && stop.window.due < stop.window.latest) {
      due[node] = Math.max(stop.window.due, stop.window.earliest);
      hasDue = true;
    }
    service[node] = stop.serviceTime;
    for (let d = 0; d < dims; d++) demand[node * dims + d] = sign * q[d];
    nodeRequest[node] = r;
    return node;
  };
  requests.forEach((req, r) => {
    reqPickup[r] = place(req.pickup, r, 1, req.demand);
    reqDelivery[r] = place(req.delivery, r, -1, req.demand);
  });
  carried.forEach((load, i) => {
    const r = requests.length + i;
    const k = courierIndex.get(load.courierId) ?? -1;
    reqDelivery[r] = place(load.delivery, r, -1, load.demand);
    reqOwner[r] = k;
    for (let d = 0; d < dims; d++) startLoad[k * dims + d] += load.demand[d];
  });
  const requestIndex = new Map(requests.map((req, r) => [req.id, r]));
  for (const pin of problem.pinned ?? []) {
    reqOwner[requestIndex.get(pin.requestId) ?? -1] = courierIndex.get(pin.courierId) ?? -1;
  }

  const dist = new Float64Array(n * n);
  const time = new Float64Array(n * n);
  let distSum = 0;
  const timeFromDistance = metric.timeFromDistance?.bind(metric);
  const isOpenEnd = (v: number): boolean => v >= K && v < 2 * K && openEnd[v - K] === 1;
  for (let a = 0; a < n; a++) {
    for (let b = metric.symmetric ? a + 1 : 0; b < n; b++) {
      if (a === b) continue;
      const d = metric.distance(locations[a], locations[b]);
      const t = timeFromDistance ? timeFromDistance(d) : metric.duration(locations[a], locations[b]);
      // Open routes end at a virtual node that costs nothing to reach.
      if (!isOpenEnd(b)) {
        dist[a * n + b] = d;
        time[a * n + b] = t;
        distSum += d;
      }
      if (metric.symmetric && !isOpenEnd(a)) {
        dist[b * n + a] = d;
        time[b * n + a] = t;
        distSum += d;
      }
    }
  }

  // Bounds on each objective level, used to make the weighted sum lexicographic.
  let distanceBound = 0;
  for (let b = 0; b < n; b++) {
    let worst = 0;
    for (let a = 0; a < n; a++) worst = Math.max(worst, dist[a * n + b]);
    distanceBound += worst;
  }
  let latenessBound = 0;
  for (let v = 0; v < n; v++) if (due[v] < Infinity) latenessBound += Math.max(0, Math.min(late[v], 1e12) - due[v]);
  const levels = (problem.objective ?? DEFAULT_OBJECTIVE).levels;
  const weights = lexicographicWeights(levels, {
    unassigned: R,
    vehicles: K,
    lateness: latenessBound,
    distance: distanceBound,
  });

  return {
    nodeCount: n,
    courierCount: K,
    requestCount: R,
    dims,
    dist,
    time,
    timeScale,
    early,
    late,
    due,
    service,
    demand,
    capacity,
    startLoad,
    reqPickup,
    reqDelivery,
    reqOwner,
    courierClosed,
    nodeRequest,
    triangular: metric.triangular,
    hasDue,
    weights,
    requestIds: [...requests.map((r) => r.id), ...carried.map((c) => c.id)],
    courierIds: couriers.map((c) => c.id),
    meanDistance: n > 1 ? distSum / (n * (n - 1)) : 1,
  };
}
