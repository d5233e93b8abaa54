/**
 * Rejects malformed input before any compilation. Malformed means the data cannot describe a
 * real situation (NaN, a window that closes before it opens, a delivery without its pickup, a
 * reference to an unknown courier). Well-formed requests that simply cannot be served (too
 * heavy, unreachable in time) are not errors: the solver reports them as unassigned.
 */
import type { TravelMetric } from '../distance/travel-metric';
import type { DispatchProblem, StopSpec } from './optimizer-model';
import { OptimizerInputError } from './optimizer-input-error';

type Ids = { requestId?: string; courierId?: string };

function finite(value: unknown, what: string, ids: Ids): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new OptimizerInputError('INVALID_NUMBER', `${what} must be a finite number`, ids);
  }
}

function checkLocation(metric: TravelMetric, location: StopSpec['location'] | undefined, what: string, ids: Ids): void {
  if (location === undefined || location === null)
    throw new OptimizerInputError('INVALID_LOCATION', `${what} is missing`, ids);
  const problem = metric.checkLocation(location);
  if (problem) throw new OptimizerInputError('INVALID_LOCATION', `${what}: ${problem}`, ids);
}

function checkStop(metric: TravelMetric, stop: StopSpec, what: string, ids: Ids): void {
  checkLocation(metric, stop.location, `${what} location`, ids);
  const w = stop.window;
  if (w === undefined || w === null) throw new OptimizerInputError('INVALID_WINDOW', `${what} window is missing`, ids);
  finite(w.earliest, `${what} window earliest`, ids);
  finite(w.latest, `${what} window latest`, ids);
  if (w.latest < w.earliest)
    throw new OptimizerInputError('INVALID_WINDOW', `${what} window closes before it opens`, ids);
  if (w.due !== undefined) finite(w.due, `${what} window due`, ids);
  finite(stop.serviceTime, `${what} service time`, ids);
  if (stop.serviceTime < 0) throw new OptimizerInputError('INVALID_NUMBER', `${what} service time is negative`, ids);
}

function checkDemand(demand: readonly number[] | undefined, dims: number, ids: Ids): void {
  if (!Array.isArray(demand) || demand.length !== dims) {
    throw new OptimizerInputError('INVALID_DEMAND', `demand must have ${dims} dimension(s) like the capacities`, ids);
  }
  for (const q of demand) {
    finite(q, 'demand', ids);
    if (q < 0) throw new OptimizerInputError('INVALID_DEMAND', 'demand must not be negative', ids);
  }
}

export function validateProblem(problem: DispatchProblem): void {
  const { metric } = problem;
  const courierIds = new Set<string>();
  let dims = -1;
  for (const c of problem.couriers) {
    const ids = { courierId: c.id };
    if (courierIds.has(c.id)) throw new OptimizerInputError('DUPLICATE_ID', 'duplicate courier id', ids);
    courierIds.add(c.id);
    checkLocation(metric, c.start, 'start', ids);
    if (c.end !== undefined) checkLocation(metric, c.end, 'end', ids);
    finite(c.startTime, 'start time', ids);
    if (c.endTime !== undefined) finite(c.endTime, 'end time', ids);
    if (c.endTime !== undefined && c.endTime < c.startTime) {
      throw new OptimizerInputError('INVALID_WINDOW', 'shift ends before it starts', ids);
    }
    if (!Array.isArray(c.capacity) || c.capacity.length === 0 || (dims >= 0 && c.capacity.length !== dims)) {
      throw new OptimizerInputError(
        'INVALID_CAPACITY',
        'capacity must be a non-empty array, same length for all couriers',
        ids,
      );
    }
    if (c.speedFactor !== undefined && !(Number.isFinite(c.speedFactor) && c.speedFactor > 0)) {
      throw new OptimizerInputError('INVALID_NUMBER', 'speed factor must be a positive finite number', ids);
    }
    dims = c.capacity.length;
    for (const q of c.capacity) {
      finite(q, 'capacity', ids);
      if (q < 0) throw new OptimizerInputError('INVALID_CAPACITY', 'capacity must not be negative', ids);
    }
  }
  if (dims < 0) dims = problem.requests[0]?.demand?.length ?? 1;

  const stopIds = new Set<string>();
  for (const r of problem.requests) {
    const ids = { requestId: r.id };
    if (typeof r.id !== 'string') throw new OptimizerInputError('INVALID_NUMBER', 'request id must be a string', ids);
    if (stopIds.has(r.id)) throw new OptimizerInputError('DUPLICATE_ID', 'duplicate request id', ids);
    stopIds.add(r.id);
    if (!r.pickup) throw new OptimizerInputError('MISSING_PICKUP', 'a delivery needs its pickup', ids);
    if (!r.delivery) throw new OptimizerInputError('MISSING_DELIVERY', 'a pickup needs its delivery', ids);
    checkStop(metric, r.pickup, 'pickup', ids);
    checkStop(metric, r.delivery, 'delivery', ids);
    checkDemand(r.demand, dims, ids);
  }
  for (const load of problem.carried ?? []) {
    const ids = { requestId: load.id, courierId: load.courierId };
    if (stopIds.has(load.id)) throw new OptimizerInputError('DUPLICATE_ID', 'duplicate request id', ids);
    stopIds.add(load.id);
    if (!courierIds.has(load.courierId))
      throw new OptimizerInputError('UNKNOWN_COURIER', 'carried by an unknown courier', ids);
    if (!load.delivery) throw new OptimizerInputError('MISSING_DELIVERY', 'a carried load needs its delivery', ids);
    checkStop(metric, load.delivery, 'delivery', ids);
    checkDemand(load.demand, dims, ids);
  }
  const requestIds = new Set(problem.requests.map((r) => r.id));
  const pinnedIds = new Set<string>();
  for (const pin of problem.pinned ?? []) {
    const ids = { requestId: pin.requestId, courierId: pin.courierId };
    if (!requestIds.has(pin.requestId))
      throw new OptimizerInputError('UNKNOWN_REQUEST', 'pinned request does not exist', ids);
    if (!courierIds.has(pin.courierId))
      throw new OptimizerInputError('UNKNOWN_COURIER', 'pinned to an unknown courier', ids);
    if (pinnedIds.has(pin.requestId)) throw new OptimizerInputError('DUPLICATE_ID', 'request pinned twice', ids);
    pinnedIds.add(pin.requestId);
  }
}
