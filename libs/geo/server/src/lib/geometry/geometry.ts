import { area as turfArea } from '@turf/area';
import { bbox as turfBbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { distance as turfDistance } from '@turf/distance';
import { kinks } from '@turf/kinks';
import {
  GEO_LIMITS,
  type BBox,
  type GeoPosition,
  type GeoRing,
  type LatLng,
  type ZoneGeometry,
} from '@federacycle/contracts';

/**
 * The one place of the platform's geometry: pure functions over GeoJSON (WGS84, `[lng, lat]`),
 * built on turf (@turf/* 7) rather than hand-written maths. No Nest, no database: merchants'
 * perimeters, pricing and dispatch import them from `@federacycle/geo-server`.
 */

export type GeometryProblemCode =
  | 'GEOMETRY_INVALID'
  | 'GEOMETRY_RING_OPEN'
  | 'GEOMETRY_TOO_FEW_POINTS'
  | 'GEOMETRY_OUT_OF_RANGE'
  | 'GEOMETRY_SELF_INTERSECTS'
  | 'GEOMETRY_TOO_LARGE'
  | 'ZONE_OUTSIDE_SERVICE_AREA';

export interface GeometryProblem {
  code: GeometryProblemCode;
  /** English, written for the person who drew or imported the shape: what is wrong and where */
  message: string;
}

/** A circle on the ground: the area a coop serves. */
export interface ServiceCircle {
  centre: LatLng;
  radiusM: number;
}

export type GeometryCheck =
  | { ok: true; geometry: ZoneGeometry; bbox: BBox; vertices: number }
  | ({ ok: false } & GeometryProblem);

export interface GeometryCheckOptions {
  /** when given, every vertex must lie within it */
  serviceArea?: ServiceCircle | null;
  /** positions allowed, every ring counted (default GEO_LIMITS.maxZoneVertices) */
  maxVertices?: number;
}

const fail = (code: GeometryProblemCode, message: string): GeometryCheck => ({ ok: false, code, message });

function isPosition(value: unknown): value is number[] {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    value.length <= 3 &&
    value.every((n) => typeof n === 'number' && Number.isFinite(n))
  );
}

/** positions of every ring, or null when the nesting is not a Polygon's / MultiPolygon's */
function ringsOf(type: 'Polygon' | 'MultiPolygon', coordinates: unknown): unknown[][][] | null {
  if (!Array.isArray(coordinates) || coordinates.length === 0) return null;
  const polygons = type === 'Polygon' ? [coordinates] : coordinates;
  if (!polygons.every((p) => Array.isArray(p) && p.length > 0 && p.every((r) => Array.isArray(r)))) return null;
  return polygons as unknown[][][];
}

const ringLabel = (type: string, polygon: number, ring: number) =>
  type === 'Polygon'
    ? ring === 0
      ? 'The outline'
      : `Hole ${ring}`
    : ring === 0
      ? `The outline of part ${polygon + 1}`
      : `Hole ${ring} of part ${polygon + 1}`;

/**
 * Validates a zone's geometry and returns it normalised (positions `[lng, lat]` only: an altitude
 * is dropped; repeated consecutive positions collapsed; foreign members dropped) with its bbox.
 * Checks, in order: a GeoJSON Polygon/MultiPolygon; at most `maxVertices` positions; coordinates
 * in range; closed rings; ≥ 3 distinct points a ring; no self-intersection (turf's kinks); inside
 * the service area when one is given.
 */
export function validateZoneGeometry(input: unknown, options: GeometryCheckOptions = {}): GeometryCheck {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail('GEOMETRY_INVALID', 'The shape must be a GeoJSON Polygon or MultiPolygon object');
  }
  const { type, coordinates } = input as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    return fail(
      'GEOMETRY_INVALID',
      `The shape's type must be "Polygon" or "MultiPolygon"${typeof type === 'string' ? `, not "${type.slice(0, 40)}"` : ''}`,
    );
  }
  const polygons = ringsOf(type, coordinates);
  if (!polygons) {
    return fail(
      'GEOMETRY_INVALID',
      `The ${type}'s coordinates must be ${type === 'Polygon' ? 'a list of rings' : 'a list of polygons, each a list of rings'}`,
    );
  }
  const maxVertices = options.maxVertices ?? GEO_LIMITS.maxZoneVertices;
  const vertices = polygons.reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);
  if (vertices > maxVertices) {
    return fail(
      'GEOMETRY_TOO_LARGE',
      `The shape has ${vertices} points; a zone may have at most ${maxVertices}: simplify it`,
    );
  }
  const out: GeoRing[][] = [];
  for (const [p, rings] of polygons.entries()) {
    const outRings: GeoRing[] = [];
    for (const [r, ring] of rings.entries()) {
      const label = ringLabel(type, p, r);
      if (!ring.every(isPosition)) {
        return fail('GEOMETRY_INVALID', `${label} must be a list of [longitude, latitude] pairs of numbers`);
      }
      for (const [i, position] of (ring as number[][]).entries()) {
        const [lng, lat] = position as [number, number];
        if (lng < -180 || lng > 180 || lat < -90 || lat > 90) {
          return fail(
            'GEOMETRY_OUT_OF_RANGE',
            `${label}: point ${i + 1} (${lng}, ${lat}) is out of range; longitude must be within -180..180 and latitude within -90..90 (GeoJSON order is [longitude, latitude])`,
          );
        }
      }
      const positions = (ring as number[][]).map(([lng, lat]) => [lng, lat] as GeoPosition);
      const deduped = positions.filter((pos, i) => i === 0 || !samePosition(pos, positions[i - 1] as GeoPosition));
      const distinct = new Set(deduped.map(([lng, lat]) => `${lng},${lat}`)).size;
      if (distinct < 3) {
        return fail(
          'GEOMETRY_TOO_FEW_POINTS',
          `${label} has ${distinct} distinct point${distinct === 1 ? '' : 's'}; a zone needs at least 3`,
        );
      }
      if (!samePosition(deduped[0] as GeoPosition, deduped[deduped.length - 1] as GeoPosition)) {
        return fail('GEOMETRY_RING_OPEN', `${label} is not closed: its last point must repeat its first`);
      }
      outRings.push(deduped);
    }
    out.push(outRings);
  }
  const geometry: ZoneGeometry =
    type === 'Polygon' ? { type, coordinates: out[0] as GeoRing[] } : { type, coordinates: out };
  const crossings = kinks(geometry).features;
  if (crossings.length > 0) {
    const at = crossings[0]?.geometry.coordinates as GeoPosition;
    return fail(
      'GEOMETRY_SELF_INTERSECTS',
      `The shape's edges cross each other near ${round(at[1])}, ${round(at[0])}: redraw it so that no two edges cross`,
    );
  }
  if (options.serviceArea) {
    const reach = farthestFrom(geometry, options.serviceArea.centre);
    if (reach > options.serviceArea.radiusM) {
      return fail(
        'ZONE_OUTSIDE_SERVICE_AREA',
        `The shape reaches ${formatKm(reach)} from the centre of the coop's service area, which has a radius of ${formatKm(options.serviceArea.radiusM)}: draw it inside the area, or widen the area first`,
      );
    }
  }
  return { ok: true, geometry, bbox: bboxOf(geometry), vertices };
}

function samePosition(a: GeoPosition, b: GeoPosition): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

const round = (n: number) => Math.round(n * 1e5) / 1e5;
const formatKm = (m: number) => `${(m / 1000).toFixed(1)} km`;

/** Great-circle (haversine) distance in metres. */
export function distanceMetres(a: LatLng, b: LatLng): number {
  return turfDistance([a.lng, a.lat], [b.lng, b.lat], { units: 'meters' });
}

/** `[west, south, east, north]` of a geometry. */
export function bboxOf(geometry: ZoneGeometry): BBox {
  return turfBbox(geometry) as BBox;
}

/** Whether a point lies in a bbox (edges included): the quick rejection before point-in-polygon. */
export function pointInBBox(point: LatLng, box: BBox): boolean {
  return point.lng >= box[0] && point.lng <= box[2] && point.lat >= box[1] && point.lat <= box[3];
}

/**
 * Whether a point lies in a zone (a point on the boundary counts as inside); holes excluded.
 * Pass the stored bbox to skip the polygon test for points far away.
 */
export function pointInZone(point: LatLng, geometry: ZoneGeometry, box?: BBox): boolean {
  if (box && !pointInBBox(point, box)) return false;
  return booleanPointInPolygon([point.lng, point.lat], geometry);
}

/** Area in square metres (turf's geodesic area). */
export function areaSquareMetres(geometry: ZoneGeometry): number {
  return turfArea(geometry);
}

/** Every position of a geometry, every ring. */
export function positionsOf(geometry: ZoneGeometry): GeoPosition[] {
  const polygons: GeoRing[][] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.flatMap((rings) => rings.flat());
}

/** The distance in metres from a point to the geometry's farthest vertex. */
export function farthestFrom(geometry: ZoneGeometry, centre: LatLng): number {
  let farthest = 0;
  for (const [lng, lat] of positionsOf(geometry)) farthest = Math.max(farthest, distanceMetres(centre, { lat, lng }));
  return farthest;
}

/** Whether a geometry lies inside a circle (every vertex within the radius). */
export function withinCircle(geometry: ZoneGeometry, circle: ServiceCircle): boolean {
  return farthestFrom(geometry, circle.centre) <= circle.radiusM;
}

/** Whether a point lies inside a circle (e.g. a merchant's delivery radius). */
export function pointWithinRadius(point: LatLng, centre: LatLng, radiusM: number): boolean {
  return distanceMetres(point, centre) <= radiusM;
}

/** A point's own range check (for forms that take lat/lng). */
export function isValidLatLng(point: LatLng): boolean {
  return (
    Number.isFinite(point.lat) &&
    Number.isFinite(point.lng) &&
    point.lat >= -90 &&
    point.lat <= 90 &&
    point.lng >= -180 &&
    point.lng <= 180
  );
}
