import type { TaskKind, TaskState, Vehicle } from '@federacycle/contracts';
import {
  haversineMetric,
  solveDispatch,
  solveDispatchAsync,
  type CarriedLoad,
  type Courier,
  type DeliveryRequest,
  type DispatchPlan,
  type DispatchProblem,
  type PinnedAssignment,
  type RouteSeed,
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
  /** the active assignment is pinned (a dispatcher's decision the planner keeps) */
  pinned?: boolean;
  /** the active assignment's place in its courier's list */
  position?: number;
}

export type SkipReason = 'multi-stop' | 'no-courier-on-duty' | 'partly-assigned' | 'holder-off-duty';

/**
 * One delivery in the plan. The optimizer's request is one pickup and one delivery, so a delivery
 * becomes one request per pair: 1→1 one pair (request id = the delivery id), 1→N the pickup paired
 * with each dropoff, N→1 each pickup paired with the dropoff (request ids `<delivery>:<i>`). The
 * shared stop is repeated in each pair at the same place and window, its service time counted
 * once. A delivery is placed only when all its requests land on one courier (its tasks are one
 * courier's work).
 */
export interface PlanGroup {
  deliveryId: string;
  requestIds: string[];
  /** every task of the delivery the plan decides about, in delivery order */
  taskIds: string[];
  /** open tasks: assigned to the courier the plan gives the delivery */
  openTaskIds: string[];
  /** the courier holding the delivery's work today, if any */
  holder: string | null;
  /** the holder's assignments may move to a better courier (unpinned, assigned, none started) */
  movable: boolean;
}

export interface BuiltProblem {
  problem: DispatchProblem;
  /** deliveries with work the plan decides about (open tasks, or movable assignments) */
  groups: Map<string, PlanGroup>;
  /** request id → its delivery id and its two task ids (pickup, dropoff) */
  requests: Map<string, { deliveryId: string; pickupId: string; dropoffId: string }>;
  /** carried load id → its dropoff task id */
  carriedTasks: Map<string, string>;
  /** the couriers' current lists as the optimizer's route seeds (a warm start, or the baseline) */
  currentRoutes: RouteSeed[];
  /** deliveries left out of planning, and why */
  skipped: Array<{ deliveryId: string; reason: SkipReason }>;
}

export interface BuildOptions {
  /** unpinned, not started assignments may move to a better courier (auto mode) */
  moveUnpinned?: boolean;
  /** request id → the courier the delivery must go to (the split repair, see pinSplitGroups) */
  pins?: ReadonlyMap<string, string>;
}

function stop(task: PlanTask, now: number, withService = true): StopSpec {
  const earliest = task.after ? Math.max(0, (task.after.getTime() - now) / 1000) : 0;
  const latestRaw = task.before ? (task.before.getTime() - now) / 1000 : PLAN_HORIZON_S;
  return {
    location: { x: task.lng, y: task.lat },
    window: { earliest, latest: Math.max(earliest, latestRaw) },
    serviceTime: withService ? task.serviceMinutes * 60 : 0,
  };
}

const live = (t: PlanTask): boolean => t.state === 'open' || t.state === 'assigned' || t.state === 'started';

interface Pair {
  id: string;
  pickup: PlanTask;
  dropoff: PlanTask;
  /** the shared stop's service is counted in the first pair only */
  first: boolean;
  grams: number;
}

/** The pickup-and-dropoff pairs of a delivery, or null for a shape the optimizer cannot model. */
function pairsOf(deliveryId: string, pickups: PlanTask[], dropoffs: PlanTask[]): Pair[] | null {
  if (pickups.length === 1 && dropoffs.length === 1) {
    const [p, d] = [pickups[0] as PlanTask, dropoffs[0] as PlanTask];
    const grams = p.weightGrams + d.weightGrams > 0 ? Math.max(p.weightGrams, d.weightGrams) : 0;
    return [{ id: deliveryId, pickup: p, dropoff: d, first: true, grams }];
  }
  if (pickups.length === 1) {
    const p = pickups[0] as PlanTask;
    return dropoffs.map((d, i) => ({
      id: `${deliveryId}:${i}`,
      pickup: p,
      dropoff: d,
      first: i === 0,
      grams: d.weightGrams > 0 ? d.weightGrams : Math.ceil(p.weightGrams / dropoffs.length),
    }));
  }
  if (dropoffs.length === 1) {
    const d = dropoffs[0] as PlanTask;
    return pickups.map((p, i) => ({
      id: `${deliveryId}:${i}`,
      pickup: p,
      dropoff: d,
      first: i === 0,
      grams: p.weightGrams > 0 ? p.weightGrams : Math.ceil(d.weightGrams / pickups.length),
    }));
  }
  return null;
}

/**
 * Builds the problem: on-duty couriers from their last position; each delivery under way as
 * pickup-and-delivery pairs (1→1, 1→N, N→1). Work with a courier stays with them: a pair picked
 * up is a carried load, an assigned or started pair is pinned to its holder; with `moveUnpinned`,
 * a delivery whose tasks are all merely assigned, unpinned, may go to another courier (its holder
 * seeds the warm start). A delivery whose tasks are held by two couriers, or by one off duty, is
 * left out and reported.
 */
export function buildProblem(
  couriers: readonly PlanCourier[],
  tasks: readonly PlanTask[],
  now: number,
  options: BuildOptions = {},
): BuiltProblem {
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
  const groups: BuiltProblem['groups'] = new Map();
  const requestTasks: BuiltProblem['requests'] = new Map();
  const carriedTasks: BuiltProblem['carriedTasks'] = new Map();
  const skipped: BuiltProblem['skipped'] = [];
  for (const [deliveryId, list] of byDelivery) {
    if (!list.some(live)) continue;
    const pairs = pairsOf(
      deliveryId,
      list.filter((t) => t.kind === 'pickup'),
      list.filter((t) => t.kind === 'dropoff'),
    );
    if (pairs === null) {
      skipped.push({ deliveryId, reason: 'multi-stop' });
      continue;
    }
    const holders = new Set(list.map((t) => t.courierId).filter((c): c is string => c !== null));
    if (holders.size > 1) {
      skipped.push({ deliveryId, reason: 'partly-assigned' });
      continue;
    }
    const holder = holders.size === 1 ? ([...holders][0] as string) : null;
    if (holder === null && onDuty.size === 0) {
      skipped.push({ deliveryId, reason: 'no-courier-on-duty' });
      continue;
    }
    if (holder !== null && !onDuty.has(holder)) {
      skipped.push({ deliveryId, reason: 'holder-off-duty' });
      continue;
    }
    const liveTasks = list.filter(live);
    const movable =
      holder !== null &&
      options.moveUnpinned === true &&
      list.every((t) => t.state === 'open' || (t.state === 'assigned' && t.pinned !== true));
    const openTaskIds = liveTasks.filter((t) => t.state === 'open').map((t) => t.id);
    const requestIds: string[] = [];
    for (const pair of pairs) {
      if (!live(pair.dropoff)) continue;
      const demand = [pair.grams];
      const pickupService = pair.first || pairs[0]?.pickup !== pair.pickup;
      const dropoffService = pair.first || pairs[0]?.dropoff !== pair.dropoff;
      if (pair.pickup.state === 'done') {
        // on board: the dropoff stays with its courier
        if (holder !== null) {
          carried.push({ id: pair.id, courierId: holder, delivery: stop(pair.dropoff, now, dropoffService), demand });
          carriedTasks.set(pair.id, pair.dropoff.id);
        }
        continue;
      }
      requests.push({
        id: pair.id,
        pickup: stop(pair.pickup, now, pickupService),
        delivery: stop(pair.dropoff, now, dropoffService),
        demand,
      });
      requestTasks.set(pair.id, { deliveryId, pickupId: pair.pickup.id, dropoffId: pair.dropoff.id });
      requestIds.push(pair.id);
      const pin = holder !== null && !movable ? holder : options.pins?.get(pair.id);
      if (pin !== undefined) pinned.push({ requestId: pair.id, courierId: pin });
    }
    if (openTaskIds.length > 0 || movable) {
      groups.set(deliveryId, {
        deliveryId,
        requestIds,
        taskIds: liveTasks.map((t) => t.id),
        openTaskIds,
        holder,
        movable,
      });
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
    groups,
    requests: requestTasks,
    carriedTasks,
    currentRoutes: currentRoutesOf(tasks, requestTasks),
    skipped,
  };
}

/** Each courier's list (by position) as route seeds: the stops of the requests and loads built. */
function currentRoutesOf(tasks: readonly PlanTask[], requests: BuiltProblem['requests']): RouteSeed[] {
  const stopsOfTask = new Map<string, Array<{ requestId: string; kind: 'pickup' | 'delivery' }>>();
  const add = (taskId: string, requestId: string, kind: 'pickup' | 'delivery') => {
    const list = stopsOfTask.get(taskId) ?? [];
    list.push({ requestId, kind });
    stopsOfTask.set(taskId, list);
  };
  for (const [requestId, r] of requests) {
    add(r.pickupId, requestId, 'pickup');
    add(r.dropoffId, requestId, 'delivery');
  }
  const byCourier = new Map<string, PlanTask[]>();
  for (const t of tasks) {
    if (t.courierId === null || !live(t)) continue;
    const list = byCourier.get(t.courierId) ?? [];
    list.push(t);
    byCourier.set(t.courierId, list);
  }
  const seeds: RouteSeed[] = [];
  for (const [courierId, list] of byCourier) {
    list.sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
    const stops: RouteSeed['stops'][number][] = [];
    for (const t of list) {
      stops.push(...(stopsOfTask.get(t.id) ?? []));
    }
    if (stops.length > 0) seeds.push({ courierId, stops });
  }
  return seeds;
}

/** A plan's routes as seeds for the next solve (the improvement starts from the last plan). */
export function routesOf(plan: DispatchPlan): RouteSeed[] {
  return plan.routes.map((r) => ({
    courierId: r.courierId,
    stops: r.stops.map((s) => ({ requestId: s.requestId, kind: s.kind })),
  }));
}

export interface PlannedAssignment {
  courierId: string;
  deliveryId: string;
  /** open tasks to assign to the courier */
  assignTaskIds: string[];
  /** tasks to move from `fromCourierId` to the courier (auto mode, unpinned work) */
  moveTaskIds: string[];
  fromCourierId: string | null;
}

export interface PlanDecisions {
  assignments: PlannedAssignment[];
  /** deliveries with open tasks the plan could not give to one courier, and those tasks */
  unplaced: Array<{ deliveryId: string; taskIds: string[] }>;
  /** deliveries whose requests the plan split between couriers (repaired by pinSplitGroups) */
  split: string[];
  /** tasks the plan serves after their window closes (lateness > 0) */
  lateTaskIds: string[];
}

/**
 * What a plan decides, delivery by delivery, in each courier's route order: a delivery whose
 * requests all ride with one courier is that courier's (its open tasks assigned; movable tasks
 * moved if the courier changed); one with a request unassigned, or split between couriers, is not
 * placed (its open tasks stay open).
 */
export function decisionsOf(plan: DispatchPlan, built: BuiltProblem): PlanDecisions {
  const courierOf = new Map<string, string>();
  const order: string[] = [];
  const lateTaskIds: string[] = [];
  for (const route of plan.routes) {
    for (const s of route.stops) {
      const r = built.requests.get(s.requestId);
      if (s.kind === 'pickup') {
        courierOf.set(s.requestId, route.courierId);
        if (r && !order.includes(r.deliveryId)) order.push(r.deliveryId);
      }
      if (s.lateness > 0 && r) lateTaskIds.push(s.kind === 'pickup' ? r.pickupId : r.dropoffId);
    }
  }
  const assignments: PlannedAssignment[] = [];
  const unplaced: PlanDecisions['unplaced'] = [];
  const split: string[] = [];
  const placed = new Set<string>();
  for (const deliveryId of order) {
    const group = built.groups.get(deliveryId);
    if (!group) continue;
    const owners = new Set(group.requestIds.map((id) => courierOf.get(id) ?? null));
    if (owners.size !== 1 || owners.has(null)) continue;
    const courierId = [...owners][0] as string;
    placed.add(deliveryId);
    const moving = group.movable && group.holder !== null && group.holder !== courierId;
    const moveTaskIds = moving ? group.taskIds.filter((id) => !group.openTaskIds.includes(id)) : [];
    if (group.openTaskIds.length === 0 && moveTaskIds.length === 0) continue;
    assignments.push({
      courierId,
      deliveryId,
      assignTaskIds: group.openTaskIds,
      moveTaskIds,
      fromCourierId: moving ? group.holder : null,
    });
  }
  for (const group of built.groups.values()) {
    if (placed.has(group.deliveryId)) continue;
    const owners = new Set(group.requestIds.map((id) => courierOf.get(id)).filter((c) => c !== undefined));
    if (owners.size > 1) split.push(group.deliveryId);
    if (group.openTaskIds.length > 0) unplaced.push({ deliveryId: group.deliveryId, taskIds: group.openTaskIds });
  }
  return { assignments, unplaced, split, lateTaskIds: [...new Set(lateTaskIds)] };
}

/**
 * The repair of split deliveries: each goes whole to the courier that got most of its requests
 * (the first in route order on a tie), as pins for a second solve.
 */
export function pinSplitGroups(plan: DispatchPlan, built: BuiltProblem, split: readonly string[]): Map<string, string> {
  const courierOf = new Map<string, string>();
  for (const route of plan.routes)
    for (const s of route.stops) if (s.kind === 'pickup') courierOf.set(s.requestId, route.courierId);
  const pins = new Map<string, string>();
  for (const deliveryId of split) {
    const group = built.groups.get(deliveryId);
    if (!group) continue;
    const counts = new Map<string, number>();
    for (const id of group.requestIds) {
      const c = courierOf.get(id);
      if (c !== undefined) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    let best: string | null = null;
    for (const [c, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = c;
    if (best !== null) for (const id of group.requestIds) pins.set(id, best);
  }
  return pins;
}

/** Lexicographic: fewer unassigned, then less lateness, then less distance (1 m of slack). */
export function better(a: DispatchPlan['summary'], b: DispatchPlan['summary']): boolean {
  if (a.unassigned !== b.unassigned) return a.unassigned < b.unassigned;
  if (Math.abs(a.lateness - b.lateness) > 1e-6) return a.lateness < b.lateness;
  return a.distance < b.distance - 1;
}

export interface PlanOutcome {
  built: BuiltProblem;
  plan: DispatchPlan;
  decisions: PlanDecisions;
  /** the search found a better plan than the current lists with the new work inserted */
  improved: boolean;
}

/**
 * The search from the current lists, against the baseline (the current lists with the new work
 * inserted, no search): the better of the two, so a run repeated on an unchanged coop changes
 * nothing. Deterministic when the budget is not hit.
 */
function searchFrom(
  built: BuiltProblem,
  seeds: readonly RouteSeed[],
  limit: PlanSearchLimit,
): { plan: DispatchPlan; improved: boolean } {
  const baseline = insertInto(built, seeds);
  let candidate: DispatchPlan;
  if (limit.from !== undefined) {
    // routes an earlier search found off the lock, rebased on the work as it is now
    candidate = insertInto(built, limit.from);
  } else if (limit.maxIterations === 0) {
    // insertion only (the fast run): the baseline is the plan
    return { plan: baseline, improved: false };
  } else {
    candidate = solveDispatch(built.problem, { initialRoutes: seeds, seed: 1, ...searchOptions(limit) });
  }
  const improved = better(candidate.summary, baseline.summary);
  return { plan: improved ? candidate : baseline, improved };
}

/** The routes as they are, with the work they lack inserted (no search): a few milliseconds. */
function insertInto(built: BuiltProblem, seeds: readonly RouteSeed[]): DispatchPlan {
  return solveDispatch(built.problem, { initialRoutes: seeds, maxIterations: 0, seed: 1 });
}

function searchOptions(limit: PlanSearchLimit): { timeBudgetMs?: number; maxIterations?: number } {
  return {
    ...(limit.budgetMs !== undefined ? { timeBudgetMs: limit.budgetMs } : {}),
    ...(limit.maxIterations !== undefined ? { maxIterations: limit.maxIterations } : {}),
  };
}

/**
 * How a plan searches: a wall-clock budget, an iteration cap (0: insertion only), or `from`:
 * routes found earlier (the background improvement's search, run off the coop's lock), which are
 * only rebased on the current work (stops of work gone dropped, new work inserted) and kept if
 * they beat the current lists.
 */
export interface PlanSearchLimit {
  budgetMs?: number;
  maxIterations?: number;
  from?: readonly RouteSeed[];
}

/**
 * The background improvement's search, off the coop's lock and off the transaction: from the
 * current lists, giving the event loop back between slices (solveDispatchAsync). Returns the
 * routes found when they beat the current lists with the new work inserted, else null; the
 * caller rebases them on the work as it is then (planWork with `from`), under the lock.
 */
export async function searchWork(
  couriers: readonly PlanCourier[],
  tasks: readonly PlanTask[],
  now: number,
  options: { moveUnpinned: boolean; budgetMs?: number; maxIterations?: number; sliceMs?: number; pauseMs?: number },
): Promise<RouteSeed[] | null> {
  const built = buildProblem(couriers, tasks, now, { moveUnpinned: options.moveUnpinned });
  if (built.groups.size === 0) return null;
  const baseline = insertInto(built, built.currentRoutes);
  const searched = await solveDispatchAsync(built.problem, {
    initialRoutes: built.currentRoutes,
    seed: 1,
    ...searchOptions(options),
    ...(options.sliceMs !== undefined ? { sliceMs: options.sliceMs } : {}),
    ...(options.pauseMs !== undefined ? { pauseMs: options.pauseMs } : {}),
  });
  return better(searched.summary, baseline.summary) ? routesOf(searched) : null;
}

/**
 * One plan of the coop's work: build, search from the current lists, then repair deliveries the
 * plan split between couriers (each whole to the courier with most of it, a second short search).
 */
export function planWork(
  couriers: readonly PlanCourier[],
  tasks: readonly PlanTask[],
  now: number,
  options: { moveUnpinned: boolean } & PlanSearchLimit,
): PlanOutcome {
  let built = buildProblem(couriers, tasks, now, { moveUnpinned: options.moveUnpinned });
  if (built.groups.size === 0) {
    // nothing the plan could decide: no search
    const plan: DispatchPlan = {
      routes: [],
      unassigned: [],
      summary: { unassigned: 0, couriersUsed: 0, lateness: 0, distance: 0 },
      stats: { seed: 1, iterations: 0, elapsedMs: 0, stoppedEarly: false },
    };
    return { built, plan, decisions: decisionsOf(plan, built), improved: false };
  }
  const first = searchFrom(built, built.currentRoutes, options);
  let plan = first.plan;
  let decisions = decisionsOf(plan, built);
  if (decisions.split.length > 0) {
    built = buildProblem(couriers, tasks, now, {
      moveUnpinned: options.moveUnpinned,
      pins: pinSplitGroups(plan, built, decisions.split),
    });
    plan = searchFrom(
      built,
      routesOf(plan),
      options.from !== undefined
        ? { maxIterations: 0 }
        : {
            ...(options.budgetMs !== undefined ? { budgetMs: Math.max(50, options.budgetMs / 4) } : {}),
            ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
          },
    ).plan;
    decisions = decisionsOf(plan, built);
  }
  return { built, plan, decisions, improved: first.improved };
}

/** Each courier's tasks in the plan's route order (a shared stop at its first visit). */
export function taskOrderOf(plan: DispatchPlan, built: BuiltProblem): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const route of plan.routes) {
    const ids: string[] = [];
    for (const s of route.stops) {
      const r = built.requests.get(s.requestId);
      const id = r ? (s.kind === 'pickup' ? r.pickupId : r.dropoffId) : built.carriedTasks.get(s.requestId);
      if (id !== undefined && !ids.includes(id)) ids.push(id);
    }
    out.set(route.courierId, ids);
  }
  return out;
}

/**
 * A courier's list in the plan's order: started tasks first (under way), then the plan's order,
 * then what the plan does not order (left out of planning), each keeping its current order.
 * Null when the list is already in that order.
 */
export function listInPlanOrder(
  live: readonly { id: string; state: TaskState }[],
  planOrder: readonly string[],
): string[] | null {
  const liveIds = new Set(live.map((t) => t.id));
  const started = live.filter((t) => t.state === 'started').map((t) => t.id);
  const planned = planOrder.filter((id) => liveIds.has(id) && !started.includes(id));
  const rest = live.map((t) => t.id).filter((id) => !started.includes(id) && !planned.includes(id));
  const wanted = [...started, ...planned, ...rest];
  return wanted.every((id, i) => live[i]?.id === id) ? null : wanted;
}
