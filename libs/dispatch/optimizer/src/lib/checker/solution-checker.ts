/**
 * Independent checker. It shares nothing with the solver's evaluation (no compiled matrices,
 * no profiles): it walks every route stop by stop, waits for windows, adds up loads and
 * distances, and collects every violation it sees. Two front ends feed the same walk: Li & Lim
 * routes given as node ids, and dispatch plans against their problem.
 */
import type { LilimInstance } from '../lilim/lilim-format';
import type { DispatchPlan, DispatchProblem, Location, StopSpec } from '../model/optimizer-model';

export interface CheckResult {
  readonly feasible: boolean;
  readonly vehicles: number;
  readonly distance: number;
  readonly violations: readonly string[];
}

interface WalkStop {
  readonly label: string;
  readonly location: Location;
  readonly earliest: number;
  readonly latest: number;
  readonly service: number;
  readonly delta: readonly number[];
}

interface WalkRoute {
  readonly label: string;
  readonly origin: Location;
  readonly departure: number;
  readonly initialLoad: readonly number[];
  readonly capacity: readonly number[];
  readonly stops: readonly WalkStop[];
  /** Return location and latest arrival there; null for an open route. */
  readonly end: { readonly location: Location; readonly latest: number } | null;
}

type Travel = (a: Location, b: Location) => { distance: number; time: number };

const EPS = 1e-6;

function walk(route: WalkRoute, travel: Travel, violations: string[]): number {
  let here = route.origin;
  let clock = route.departure;
  let distance = 0;
  const load = [...route.initialLoad];
  for (const stop of route.stops) {
    const leg = travel(here, stop.location);
    distance += leg.distance;
    const begin = Math.max(clock + leg.time, stop.earliest);
    if (begin > stop.latest + EPS)
      violations.push(
        `${route.label}: ${stop.label} starts at ${begin.toFixed(3)} after its window closes at ${stop.latest}`,
      );
    stop.delta.forEach((q, d) => {
      load[d] += q;
      if (load[d] > route.capacity[d] + EPS)
        violations.push(`${route.label}: load ${load[d]} over capacity ${route.capacity[d]} after ${stop.label}`);
      if (load[d] < -EPS) violations.push(`${route.label}: negative load after ${stop.label}`);
    });
    clock = begin + stop.service;
    here = stop.location;
  }
  if (route.end) {
    const leg = travel(here, route.end.location);
    distance += leg.distance;
    if (clock + leg.time > route.end.latest + EPS)
      violations.push(`${route.label}: returns at ${(clock + leg.time).toFixed(3)} after ${route.end.latest}`);
  }
  return distance;
}

/** Checks Li & Lim routes (node ids, depot left out): every request once, pickup first, same route. */
export function checkLilimRoutes(inst: LilimInstance, routes: readonly (readonly number[])[]): CheckResult {
  const violations: string[] = [];
  const depot = inst.nodes[0];
  const seenIn = new Map<number, { route: number; position: number }>();
  const travel: Travel = (a, b) => {
    const d = Math.hypot(a.x - b.x, a.y - b.y);
    return { distance: d, time: d / inst.speed };
  };
  let distance = 0;
  routes.forEach((ids, k) => {
    const stops: WalkStop[] = [];
    ids.forEach((id, position) => {
      const node = inst.nodes[id];
      if (node === undefined || id === 0) {
        violations.push(`route ${k + 1}: unknown or depot node ${id}`);
        return;
      }
      if (seenIn.has(id)) violations.push(`node ${id} visited more than once`);
      seenIn.set(id, { route: k, position });
      stops.push({
        label: `node ${id}`,
        location: node,
        earliest: node.early,
        latest: node.late,
        service: node.service,
        delta: [node.demand],
      });
    });
    distance += walk(
      {
        label: `route ${k + 1}`,
        origin: depot,
        departure: depot.early,
        initialLoad: [0],
        capacity: [inst.capacity],
        stops,
        end: { location: depot, latest: depot.late },
      },
      travel,
      violations,
    );
  });
  for (const node of inst.nodes) {
    if (node === undefined || node.id === 0) continue;
    const at = seenIn.get(node.id);
    if (!at) {
      violations.push(`node ${node.id} not visited`);
      continue;
    }
    if (node.deliveryId > 0) {
      const dAt = seenIn.get(node.deliveryId);
      if (dAt && dAt.route !== at.route) violations.push(`pair ${node.id}-${node.deliveryId} split over two routes`);
      else if (dAt && dAt.position < at.position)
        violations.push(`delivery ${node.deliveryId} before its pickup ${node.id}`);
    }
  }
  const vehicles = routes.filter((r) => r.length > 0).length;
  if (vehicles > inst.vehicles) violations.push(`${vehicles} routes but only ${inst.vehicles} vehicles`);
  return { feasible: violations.length === 0, vehicles, distance, violations };
}

/**
 * Checks a plan against its problem: windows, capacities, shifts, pickup before delivery on
 * one route, every request either served once or reported unassigned, carried loads and pinned
 * requests with their courier. Distance is recomputed with the problem's own metric, travel time
 * with it at each courier's own speed factor.
 */
export function checkPlan(problem: DispatchProblem, plan: DispatchPlan): CheckResult {
  const violations: string[] = [];
  const travelAt =
    (speedFactor: number): Travel =>
    (a, b) => ({ distance: problem.metric.distance(a, b), time: problem.metric.duration(a, b) / speedFactor });
  const requests = new Map(problem.requests.map((r) => [r.id, r]));
  const carried = new Map((problem.carried ?? []).map((c) => [c.id, c]));
  const pins = new Map((problem.pinned ?? []).map((p) => [p.requestId, p.courierId]));
  const couriers = new Map(problem.couriers.map((c) => [c.id, c]));
  const servedBy = new Map<string, string>();
  const usedCouriers = new Set<string>();
  let distance = 0;

  for (const route of plan.routes) {
    const courier = couriers.get(route.courierId);
    if (!courier || usedCouriers.has(route.courierId)) {
      violations.push(`route for unknown or repeated courier ${route.courierId}`);
      continue;
    }
    usedCouriers.add(route.courierId);
    const dims = courier.capacity.length;
    const initialLoad = new Array<number>(dims).fill(0);
    for (const c of carried.values()) if (c.courierId === courier.id) c.demand.forEach((q, d) => (initialLoad[d] += q));
    const pickedUp = new Set<string>();
    const stops: WalkStop[] = [];
    const asStop = (label: string, spec: StopSpec, delta: readonly number[]): WalkStop => ({
      label,
      location: spec.location,
      earliest: spec.window.earliest,
      latest: spec.window.latest,
      service: spec.serviceTime,
      delta,
    });
    for (const stop of route.stops) {
      const label = `${stop.kind} ${stop.requestId}`;
      const req = requests.get(stop.requestId);
      const load = carried.get(stop.requestId);
      if (req && stop.kind === 'pickup') {
        if (pickedUp.has(req.id) || servedBy.has(req.id)) violations.push(`${label} visited more than once`);
        pickedUp.add(req.id);
        stops.push(asStop(label, req.pickup, req.demand));
      } else if (req && stop.kind === 'delivery') {
        if (!pickedUp.has(req.id))
          violations.push(`${route.courierId}: ${label} without its pickup earlier on the route`);
        else if (servedBy.has(req.id)) violations.push(`${label} visited more than once`);
        servedBy.set(req.id, courier.id);
        stops.push(
          asStop(
            label,
            req.delivery,
            req.demand.map((q) => -q),
          ),
        );
      } else if (load && stop.kind === 'delivery') {
        if (load.courierId !== courier.id)
          violations.push(`carried load ${load.id} delivered by ${courier.id} instead of ${load.courierId}`);
        if (servedBy.has(load.id)) violations.push(`${label} visited more than once`);
        servedBy.set(load.id, courier.id);
        stops.push(
          asStop(
            label,
            load.delivery,
            load.demand.map((q) => -q),
          ),
        );
      } else {
        violations.push(`${route.courierId}: unknown stop ${label}`);
      }
    }
    for (const id of pickedUp)
      if (!servedBy.has(id)) violations.push(`${route.courierId}: pickup ${id} never delivered`);
    const routeDistance = walk(
      {
        label: `courier ${courier.id}`,
        origin: courier.start,
        departure: courier.startTime,
        initialLoad,
        capacity: courier.capacity,
        stops,
        end: courier.end
          ? { location: courier.end, latest: courier.endTime ?? Infinity }
          : courier.endTime !== undefined
            ? { location: stops.at(-1)?.location ?? courier.start, latest: courier.endTime }
            : null,
      },
      travelAt(courier.speedFactor ?? 1),
      violations,
    );
    distance += routeDistance;
  }

  const unassigned = new Set(plan.unassigned.map((u) => u.requestId));
  for (const id of [...requests.keys(), ...carried.keys()]) {
    const served = servedBy.has(id);
    if (served && unassigned.has(id)) violations.push(`request ${id} both served and reported unassigned`);
    if (!served && !unassigned.has(id)) violations.push(`request ${id} silently dropped`);
    const pinnedTo = pins.get(id);
    if (served && pinnedTo !== undefined && servedBy.get(id) !== pinnedTo)
      violations.push(`pinned request ${id} moved from ${pinnedTo} to ${servedBy.get(id)}`);
  }
  if (Math.abs(distance - plan.summary.distance) > 1e-6 * Math.max(1, distance)) {
    violations.push(`reported distance ${plan.summary.distance} differs from recomputed ${distance}`);
  }
  const vehicles = plan.routes.filter((r) => r.stops.length > 0).length;
  return { feasible: violations.length === 0, vehicles, distance, violations };
}
