/**
 * Public model of the dispatch optimizer. Everything here is plain data, so a plan can be
 * serialised, stored and fed back in (warm start, re-plan) without any solver internals.
 *
 * Units are the caller's: the travel metric converts locations into distance and travel time,
 * and every time (windows, service, shift) is expressed in the metric's time unit.
 */
import type { TravelMetric } from '../distance/travel-metric';

/** A point. Planar metrics read (x, y); the haversine metric reads x = longitude, y = latitude. */
export interface Location {
  readonly x: number;
  readonly y: number;
  /** Row/column of this location in a travel matrix (matrix metric only). */
  readonly matrixIndex?: number;
}

/** Window on the START of service. Arriving early means waiting until `earliest`. */
export interface TimeWindow {
  readonly earliest: number;
  readonly latest: number;
  /**
   * Promised time: starting service after it is allowed (up to `latest`) but counts as lateness
   * in the objective. Omitted means the whole window is on time.
   */
  readonly due?: number;
}

export interface StopSpec {
  readonly location: Location;
  readonly window: TimeWindow;
  readonly serviceTime: number;
}

export interface Courier {
  readonly id: string;
  readonly start: Location;
  readonly startTime: number;
  /** Where the route must end; omitted means the route ends at its last stop. */
  readonly end?: Location;
  /** Latest return to `end` (or latest end of the last service when there is no end). */
  readonly endTime?: number;
  /** Capacity per dimension; every demand has the same number of dimensions. */
  readonly capacity: readonly number[];
  /**
   * False for a courier going off duty: it still delivers what it carries and what is pinned
   * to it, but takes no new work. Default true.
   */
  readonly acceptsNewWork?: boolean;
  /**
   * This courier's travel times are the metric's divided by this factor (default 1): 2 rides
   * twice as fast as the metric's reference vehicle, 0.5 half as fast. Distances are unchanged.
   * One metric (haversine or a road matrix) serves a mixed fleet of feet, bikes and cars.
   */
  readonly speedFactor?: number;
}

/** A pickup-and-delivery pair served by one courier, pickup first. */
export interface DeliveryRequest {
  readonly id: string;
  readonly pickup: StopSpec;
  readonly delivery: StopSpec;
  readonly demand: readonly number[];
}

/** An order a courier already carries: a delivery-only stop that must stay with that courier. */
export interface CarriedLoad {
  readonly id: string;
  readonly courierId: string;
  readonly delivery: StopSpec;
  readonly demand: readonly number[];
}

/** A manual decision: this request is served by this courier, and the optimizer must not move it. */
export interface PinnedAssignment {
  readonly requestId: string;
  readonly courierId: string;
}

export type ObjectiveLevel = 'unassigned' | 'vehicles' | 'lateness' | 'distance';

/**
 * Lexicographic objective: earlier levels dominate later ones. Omitting a level ignores it
 * (a lunch-rush dispatcher may not care how many couriers ride, only about lateness).
 * `unassigned` is always first, whether listed or not: dropping work is never a trade-off.
 */
export interface ObjectiveSpec {
  readonly levels: readonly ObjectiveLevel[];
}

export const DEFAULT_OBJECTIVE: ObjectiveSpec = {
  levels: ['unassigned', 'vehicles', 'lateness', 'distance'],
};

export interface DispatchProblem {
  readonly couriers: readonly Courier[];
  readonly requests: readonly DeliveryRequest[];
  readonly carried?: readonly CarriedLoad[];
  readonly pinned?: readonly PinnedAssignment[];
  readonly metric: TravelMetric;
  readonly objective?: ObjectiveSpec;
}

export type StopKind = 'pickup' | 'delivery';

/** A stop in a plan. Carried loads appear as `delivery` stops with the carried load's id. */
export interface PlannedStop {
  readonly requestId: string;
  readonly kind: StopKind;
  readonly arrival: number;
  readonly serviceStart: number;
  readonly departure: number;
  /** Load on board after this stop. */
  readonly load: readonly number[];
  readonly lateness: number;
}

export interface CourierRoute {
  readonly courierId: string;
  readonly stops: readonly PlannedStop[];
  readonly distance: number;
  /** Arrival at the end location, or departure from the last stop for open routes. */
  readonly endTime: number;
}

export type UnassignedReason =
  /** The demand exceeds the capacity of every courier allowed to serve it. */
  | 'exceeds-capacity'
  /** No allowed courier can reach the pickup and then the delivery within their windows and shift. */
  | 'window-unreachable'
  /** Feasible on its own, but the search found no room for it in this plan. */
  | 'no-feasible-insertion';

export interface UnassignedRequest {
  readonly requestId: string;
  readonly reason: UnassignedReason;
}

export interface PlanSummary {
  readonly unassigned: number;
  readonly couriersUsed: number;
  readonly lateness: number;
  readonly distance: number;
}

export interface PlanStats {
  readonly seed: number;
  readonly iterations: number;
  readonly elapsedMs: number;
  /** True when the search ended before its budget because it had stopped improving. */
  readonly stoppedEarly: boolean;
}

export interface DispatchPlan {
  readonly routes: readonly CourierRoute[];
  readonly unassigned: readonly UnassignedRequest[];
  readonly summary: PlanSummary;
  readonly stats: PlanStats;
}
