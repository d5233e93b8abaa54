/**
 * Geo contracts: zones (GeoJSON polygons in WGS84, `[lng, lat]` positions) and a coop's service
 * area. Shared by the API and the console.
 */

/** A GeoJSON position: `[longitude, latitude]` (RFC 7946 order). */
export type GeoPosition = [number, number];
/** A ring: closed (first position = last), at least 4 positions (3 distinct points). */
export type GeoRing = GeoPosition[];

export interface GeoPolygon {
  type: 'Polygon';
  coordinates: GeoRing[];
}
export interface GeoMultiPolygon {
  type: 'MultiPolygon';
  coordinates: GeoRing[][];
}
export type ZoneGeometry = GeoPolygon | GeoMultiPolygon;

/** A point as people and forms write it. */
export interface LatLng {
  lat: number;
  lng: number;
}

/** `[west, south, east, north]` in degrees. */
export type BBox = [number, number, number, number];

/** Size limits of a zone and of a GeoJSON import. */
export const GEO_LIMITS = {
  /** positions of one zone, every ring counted */
  maxZoneVertices: 5000,
  /** features of one import */
  maxImportFeatures: 200,
  /** positions of one import, every zone counted */
  maxImportVertices: 50_000,
  nameMaxLength: 80,
  minServiceRadiusM: 1000,
  maxServiceRadiusM: 200_000,
  defaultServiceRadiusM: 30_000,
} as const;

export const ZONE_COLOUR_PATTERN = /^#[0-9a-f]{6}$/;
export const DEFAULT_ZONE_COLOUR = '#3b6ea8';

export interface ZoneView {
  id: string;
  name: string;
  colour: string;
  geometry: ZoneGeometry;
  bbox: BBox;
  /** area in square metres (computed by the API) */
  areaM2: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreateZoneRequest {
  name: string;
  colour?: string;
  geometry: ZoneGeometry;
}
/** rename, recolour, reshape: any of the three */
export interface UpdateZoneRequest {
  name?: string;
  colour?: string;
  geometry?: ZoneGeometry;
}

export interface ServiceAreaView {
  centre: LatLng;
  radiusM: number;
  updatedAt: string;
}
export interface SetServiceAreaRequest {
  centre: LatLng;
  radiusM: number;
}
/** GET /api/geo/service-area: `area` is null until the coop admin sets it. */
export interface ServiceAreaResponse {
  area: ServiceAreaView | null;
}

/** A GeoJSON Feature as the zones export writes it (and the import reads it). */
export interface ZoneFeature {
  type: 'Feature';
  id?: string;
  properties: { name: string; colour?: string; [key: string]: unknown };
  geometry: ZoneGeometry;
}
export interface ZoneFeatureCollection {
  type: 'FeatureCollection';
  features: ZoneFeature[];
}
export interface ZoneImportResult {
  created: number;
  items: ZoneView[];
}

/** The console's runtime settings (GET /api/public/console-config). */
export interface ConsoleConfig {
  /** tile URL template with {z}, {x}, {y} (and optionally {s}); empty: no tiles */
  mapTileUrl: string;
  mapTileAttribution: string;
}
