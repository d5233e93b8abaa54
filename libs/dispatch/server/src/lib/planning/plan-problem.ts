import type { TaskKind, TaskState, Vehicle } from '@federacycle/contracts';
import {
  haversineMetric,
  type CarriedLoad,
  type Courier,
  type DeliveryRequest,
  type DispatchPlan,
  type DispatchProblem,
  type PinnedAssignment,
  type StopSpec,
  type TravelMetric,
} from '@federacycle/dispatch-optimizer';

/**
 * From the coop's live work to the optimizer's problem, and from its plan back to assignments:
 * pure functions, no I/O. Times are seconds from `now` (the metric's unit), locations are
 * `{x: lng, y: lat}` for the haversine metric.
 */

/** Riding speeds in town (km/h), stops and lights included. */
export const VEHICLE_SPEED_KMH: Record<Vehicle, number> = {
  on_foot: 5,
  bike: 15,
  cargo_bike: 12,
  e_bike: 18,
  car: 20,
};

/** The speed the problem's metric is built at; each courier rides at its own factor of it. */
export const REFERENCE_SPEED_KMH = VEHICLE_SPEED_KMH.bike;

/** A vehicle's riding speed in town (km/h). */
export function vehicleSpeedKmh(vehicle: Vehicle): number {
  return VEHICLE_SPEED_KMH[vehicle];
}

/** The optimizer's per-courier speed factor for a vehicle, relative to the metric's reference speed. */
export function vehicleSpeedFactor(vehicle: Vehicle): number {
  return vehicleSpeedKmh(vehicle) / REFERENCE_SPEED_KMH;
}

/**
 * One haversine metric at the reference speed; each courier's travel times are scaled by its
 * vehicle's speed factor, so a cargo bike and an e-bike in one fleet are each planned at their own
 * pace. (A road-routing matrix plugs in behind the same TravelMetric interface.)
 */
export function travelMetric(): TravelMetric {
  return haversineMetric(REFERENCE_SPEED_KMH);
}

/** How far ahead a task without a closing time may be planned. */
export const PLAN_HORIZON_S = 12 * 3600;
/** A courier who declared no weight capacity is not limited by weight. */
const UNLIMITED_GRAMS = 1_000_000_000;

export interface PlanCourier {
  id: string;
  vehicle: Vehicle;
  capacityWeightKg: number;
  lat: number;
  lng: number;
}

export interface PlanTask {
  id: string;
  deliveryId: string;
  kind: TaskKind;
  state: TaskState;
  lat: number;
  lng: number;
  after: Date | null;
  before: Date | null;
  serviceMinutes: number;
  weightGrams: number;
  /** the active assignment's courier, if any */
  courierId: string | null;
}

export interface BuiltProblem {
  problem: DispatchProblem;
  /** request id (the delivery id) → its pickup and dropoff task ids, for open requests only */
  openRequests: Map<string, { pickupId: string; dropoffId: string }>;
  /** deliveries left out of planning, and why (e.g. 1→N, planned later) */
  skipped: Array<{ deliveryId: string; reason: 'multi-stop' | 'no-courier-on-duty' | 'partly-assigned' }>;
}

function stop(task: PlanTask, now: number): StopSpec {
  const earliest = task.after ? Math.max(0, (task.after.getTime() - now) / 1000) : 0;
  const latestRaw = task.before ? (task.before.getTime() - now) / 1000 : PLAN_HORIZON_S;
  return {
    location: { x: task.lng, y: task.lat },
    window: { earliest, latest: Math.max(earliest, latestRaw) },
    serviceTime: task.serviceMinutes * 60,
  };
}

const live = (t: PlanTask): boolean => t.state === 'open' || t.state === 'assigned' || t.state === 'started';

/**
 * Builds the problem: on-duty couriers from their last position; 1→1 deliveries whose two tasks
 * are open become requests; work already with a courier stays with them (picked up → a carried
 * load; assigned or started → a pinned request). Deliveries with several pickups or dropoffs are
 * skipped for now (the optimizer's request is one pickup and one delivery).
 */
export function buildProblem(couriers: readonly PlanCourier[], tasks: readonly PlanTask[], now: number): BuiltProblem {
  const optimizerCouriers: Courier[] = couriers.map((c) => ({
    id: c.id,
    start: { x: c.lng, y: c.lat },
    startTime: 0,
    capacity: [c.capacityWeightKg > 0 ? c.capacityWeightKg * 1000 : UNLIMITED_GRAMS],
    speedFactor: vehicleSpeedFactor(c.vehicle),
  }));
  const onDuty = new Set(couriers.map((c) => c.id));
  const byDelivery = new Map<string, PlanTask[]>();
  for (const task of tasks) {
    if (!live(task) && task.state !== 'done') continue;
    const list = byDelivery.get(task.deliveryId) ?? [];
    list.push(task);
    byDelivery.set(task.deliveryId, list);
  }
  const requests: DeliveryRequest[] = [];
  const carried: CarriedLoad[] = [];
  const pinned: PinnedAssignment[] = [];
  const openRequests: BuiltProblem['openRequests'] = new Map();
  const skipped: BuiltProblem['skipped'] = [];
  for (const [deliveryId, list] of byDelivery) {
    const pickups = list.filter((t) => t.kind === 'pickup');
    const dropoffs = list.filter((t) => t.kind === 'dropoff');
    if (!list.some(live)) continue;
    if (pickups.length !== 1 || dropoffs.length !== 1) {
      skipped.push({ deliveryId, reason: 'multi-stop' });
      continue;
    }
    const pickup = pickups[0] as PlanTask;
    const dropoff = dropoffs[0] as PlanTask;
    if (!live(dropoff)) continue;
    const demand = [
      pickup.weightGrams + dropoff.weightGrams > 0 ? Math.max(pickup.weightGrams, dropoff.weightGrams) : 0,
    ];
    if (pickup.state === 'done') {
      // on board: the dropoff stays with its courier
      if (dropoff.courierId && onDuty.has(dropoff.courierId)) {
        carried.push({ id: deliveryId, courierId: dropoff.courierId, delivery: stop(dropoff, now), demand });
      }
      continue;
    }
    if (pickup.state === 'open' && dropoff.state === 'open') {
      if (onDuty.size === 0) {
        skipped.push({ deliveryId, reason: 'no-courier-on-duty' });
        continue;
      }
      requests.push({ id: deliveryId, pickup: stop(pickup, now), delivery: stop(dropoff, now), demand });
      openRequests.set(deliveryId, { pickupId: pickup.id, dropoffId: dropoff.id });
      continue;
    }
    // assigned or started work stays where it is (a manual or earlier decision)
    const holder = pickup.courierId ?? dropoff.courierId;
    if (holder && onDuty.has(holder) && pickup.courierId === dropoff.courierId) {
      requests.push({ id: deliveryId, pickup: stop(pickup, now), delivery: stop(dropoff, now), demand });
      pinned.push({ requestId: deliveryId, courierId: holder });
    } else {
      skipped.push({ deliveryId, reason: 'partly-assigned' });
    }
  }
  return {
    problem: {
      couriers: optimizerCouriers,
      requests,
      carried,
      pinned,
      metric: travelMetric(),
      objective: { levels: ['unassigned', 'lateness', 'distance'] },
    },
    openRequests,
    skipped,
  };
}

export interface PlannedAssignment {
  courierId: string;
  deliveryId: string;
  pickupId: string;
  dropoffId: string;
}

/** The new assignments a plan proposes: open requests only, in each courier's route order. */
export function assignmentsOf(plan: DispatchPlan, built: BuiltProblem): PlannedAssignment[] {
  const out: PlannedAssignment[] = [];
  for (const route of plan.routes) {
    for (const s of route.stops) {
      if (s.kind !== 'pickup') continue;
      const open = built.openRequests.get(s.requestId);
      if (open) out.push({ courierId: route.courierId, deliveryId: s.requestId, ...open });
    }
  }
  return out;
}
