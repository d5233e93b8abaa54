/**
 * Travel metrics turn two locations into a distance and a travel time. The solver calls them
 * once per pair of stops while compiling an instance into dense matrices, so they may be slow
 * (haversine) or come from an external routing engine (matrix) without slowing the search.
 */
import type { Location } from '../model/optimizer-model';

export type MetricKind = 'euclidean' | 'haversine' | 'matrix';

export interface TravelMetric {
  readonly kind: MetricKind;
  /**
   * True when distances and travel times obey the triangle inequality. Insertion scans then stop
   * at the first position that is already too late (every later position is later still) and
   * skip positions whose partial detour already exceeds the best insertion found.
   */
  readonly triangular: boolean;
  /** True when a→b and b→a are the same, so compilation evaluates each pair once. */
  readonly symmetric: boolean;
  distance(a: Location, b: Location): number;
  duration(a: Location, b: Location): number;
  /** When travel time is proportional to distance, lets compilation skip a second metric call. */
  timeFromDistance?(distance: number): number;
  /** A problem with this location, or null when it is usable. */
  checkLocation(location: Location): string | null;
}

function finiteCheck(location: Location): string | null {
  if (!Number.isFinite(location.x) || !Number.isFinite(location.y)) {
    return 'coordinates must be finite numbers';
  }
  return null;
}

/**
 * Plain double-precision Euclidean distance, no rounding (the Li & Lim convention). Negative
 * coordinates are valid on a plane; only NaN and infinities are rejected.
 */
export function euclideanMetric(speed = 1): TravelMetric {
  if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError('speed must be a positive finite number');
  const distance = (a: Location, b: Location): number => Math.sqrt((a.x - b.x) ** 2 + (a.y - b.y) ** 2);
  return {
    kind: 'euclidean',
    triangular: true,
    symmetric: true,
    distance,
    duration: (a, b) => distance(a, b) / speed,
    timeFromDistance: (d) => d / speed,
    checkLocation: finiteCheck,
  };
}

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/**
 * Great-circle distance in metres (x = longitude, y = latitude, degrees) and travel time in
 * seconds at `speedKmh`. Coordinates outside [-180, 180] x [-90, 90] are rejected.
 */
export function haversineMetric(speedKmh: number): TravelMetric {
  if (!(speedKmh > 0) || !Number.isFinite(speedKmh)) throw new RangeError('speedKmh must be a positive finite number');
  const metresPerSecond = speedKmh / 3.6;
  const distance = (a: Location, b: Location): number => {
    const dLat = (b.y - a.y) * RAD;
    const dLon = (b.x - a.x) * RAD;
    const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.y * RAD) * Math.cos(b.y * RAD) * Math.sin(dLon / 2) ** 2;
    return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
  };
  return {
    kind: 'haversine',
    triangular: true,
    symmetric: true,
    distance,
    duration: (a, b) => distance(a, b) / metresPerSecond,
    timeFromDistance: (d) => d / metresPerSecond,
    checkLocation: (location) => {
      const finite = finiteCheck(location);
      if (finite) return finite;
      if (Math.abs(location.y) > 90) return 'latitude (y) must be within [-90, 90]';
      if (Math.abs(location.x) > 180) return 'longitude (x) must be within [-180, 180]';
      return null;
    },
  };
}

/**
 * Distances and durations from square matrices indexed by `Location.matrixIndex`, e.g. from a
 * road routing engine. Road matrices need not be triangular, so no scan pruning relies on it.
 */
export function matrixMetric(
  distances: readonly (readonly number[])[],
  durations: readonly (readonly number[])[] = distances,
): TravelMetric {
  const size = distances.length;
  const square = (m: readonly (readonly number[])[]): boolean =>
    m.length === size && m.every((row) => row.length === size && row.every((v) => Number.isFinite(v) && v >= 0));
  if (!square(distances) || !square(durations)) {
    throw new RangeError('matrices must be square, of equal size, with finite non-negative entries');
  }
  const index = (location: Location): number => location.matrixIndex ?? -1;
  return {
    kind: 'matrix',
    triangular: false,
    symmetric: false,
    distance: (a, b) => distances[index(a)][index(b)],
    duration: (a, b) => durations[index(a)][index(b)],
    checkLocation: (location) => {
      const i = location.matrixIndex;
      if (i === undefined || !Number.isInteger(i) || i < 0 || i >= size) {
        return `matrixIndex must be an integer in [0, ${size - 1}]`;
      }
      return null;
    },
  };
}
