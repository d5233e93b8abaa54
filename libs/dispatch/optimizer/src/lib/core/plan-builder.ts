/** Turns the search's typed-array solution back into the public, serialisable plan. */
import type {
  CourierRoute,
  DispatchPlan,
  PlannedStop,
  UnassignedReason,
  UnassignedRequest,
} from '../model/optimizer-model';
import type { CompiledInstance } from './compiled-instance';
import type { Solution } from './solution-state';

export function buildPlan(
  inst: CompiledInstance,
  sol: Solution,
  exclusionReasons: ReadonlyMap<number, UnassignedReason>,
  stats: DispatchPlan['stats'],
): DispatchPlan {
  const { time, service, due, dims, nodeCount: n } = inst;
  const routes: CourierRoute[] = [];
  for (const route of sol.routes) {
    const scale = inst.timeScale[route.courier];
    const stops: PlannedStop[] = [];
    for (let m = 1; m < route.len - 1; m++) {
      const node = route.nodes[m];
      const prev = route.nodes[m - 1];
      const r = inst.nodeRequest[node];
      const serviceStart = route.start[m];
      stops.push({
        requestId: inst.requestIds[r],
        kind: inst.reqPickup[r] === node ? 'pickup' : 'delivery',
        arrival: route.start[m - 1] + service[prev] + time[prev * n + node] * scale,
        serviceStart,
        departure: serviceStart + service[node],
        load: Array.from(route.load.subarray(m * dims, (m + 1) * dims)),
        lateness: Math.max(0, serviceStart - due[node]),
      });
    }
    routes.push({
      courierId: inst.courierIds[route.courier],
      stops,
      distance: route.distance,
      endTime: route.start[route.len - 1],
    });
  }
  const unassigned: UnassignedRequest[] = [];
  for (let r = 0; r < inst.requestCount; r++) {
    if (sol.routeOf[r] >= 0) continue;
    unassigned.push({ requestId: inst.requestIds[r], reason: exclusionReasons.get(r) ?? 'no-feasible-insertion' });
  }
  return {
    routes,
    unassigned,
    summary: {
      unassigned: unassigned.length,
      couriersUsed: sol.usedRoutes(),
      lateness: sol.lateness(),
      distance: sol.distance(),
    },
    stats,
  };
}
