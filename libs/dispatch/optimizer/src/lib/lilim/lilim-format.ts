/**
 * Li & Lim PDPTW benchmark format (SINTEF), parsed from strings: reading files is the caller's
 * job, so the library stays free of I/O.
 */
import { euclideanMetric } from '../distance/travel-metric';
import type { Courier, DeliveryRequest, DispatchPlan, DispatchProblem } from '../model/optimizer-model';

export interface LilimNode {
  readonly id: number;
  readonly x: number;
  readonly y: number;
  readonly demand: number;
  readonly early: number;
  readonly late: number;
  readonly service: number;
  /** On a delivery: its pickup's id (else 0). */
  readonly pickupId: number;
  /** On a pickup: its delivery's id (else 0). */
  readonly deliveryId: number;
}

export interface LilimInstance {
  readonly name: string;
  readonly vehicles: number;
  readonly capacity: number;
  readonly speed: number;
  /** Indexed by node id; node 0 is the depot. */
  readonly nodes: readonly LilimNode[];
}

export function parseLilimInstance(name: string, text: string): LilimInstance {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const [vehicles, capacity, rawSpeed] = lines[0].split(/\s+/).map(Number);
  // A few files carry 0 in the speed field; travel time equals distance throughout the set.
  const speed = rawSpeed > 0 ? rawSpeed : 1;
  const nodes: LilimNode[] = [];
  for (const line of lines.slice(1)) {
    const v = line.split(/\s+/).map(Number);
    if (v.length < 9 || v.some((x) => !Number.isFinite(x)))
      throw new SyntaxError(`${name}: malformed node line "${line}"`);
    nodes[v[0]] = {
      id: v[0],
      x: v[1],
      y: v[2],
      demand: v[3],
      early: v[4],
      late: v[5],
      service: v[6],
      pickupId: v[7],
      deliveryId: v[8],
    };
  }
  return { name, vehicles, capacity, speed, nodes };
}

/** Routes of a SINTEF solution file (`Route k : n1 n2 ...`), depot left out. */
export function parseSintefRoutes(text: string): number[][] {
  const routes: number[][] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*Route\s+\d+\s*:(.*)$/.exec(line);
    if (m)
      routes.push(
        m[1]
          .trim()
          .split(/\s+/)
          .filter((t) => t.length > 0)
          .map(Number),
      );
  }
  return routes;
}

/** The instance as a dispatch problem: one courier per available vehicle, request id = pickup node id. */
export function lilimToProblem(inst: LilimInstance): DispatchProblem {
  const depot = inst.nodes[0];
  const at = (n: LilimNode) => ({
    location: { x: n.x, y: n.y },
    window: { earliest: n.early, latest: n.late },
    serviceTime: n.service,
  });
  const couriers: Courier[] = [];
  for (let k = 0; k < inst.vehicles; k++) {
    couriers.push({
      id: `v${k + 1}`,
      start: { x: depot.x, y: depot.y },
      startTime: depot.early,
      end: { x: depot.x, y: depot.y },
      endTime: depot.late,
      capacity: [inst.capacity],
    });
  }
  const requests: DeliveryRequest[] = [];
  for (const node of inst.nodes) {
    if (node === undefined || node.id === 0 || node.deliveryId === 0) continue;
    const delivery = inst.nodes[node.deliveryId];
    requests.push({ id: String(node.id), pickup: at(node), delivery: at(delivery), demand: [node.demand] });
  }
  return { couriers, requests, metric: euclideanMetric(inst.speed) };
}

/** A plan's routes as lists of Li & Lim node ids in visiting order (empty routes left out). */
export function planToLilimRoutes(inst: LilimInstance, plan: DispatchPlan): number[][] {
  return plan.routes
    .filter((route) => route.stops.length > 0)
    .map((route) =>
      route.stops.map((stop) => {
        const pickup = Number(stop.requestId);
        return stop.kind === 'pickup' ? pickup : inst.nodes[pickup].deliveryId;
      }),
    );
}
