import type { BBox, LatLng, ZoneGeometry } from '@federacycle/contracts';

/** A shape the map draws: a zone, a perimeter, a draft being drawn. */
export interface MapShape {
  /** stable id (the zone's id; any string for a draft) */
  id: string;
  geometry: ZoneGeometry;
  /** `#rrggbb` */
  colour: string;
  /** shown as the shape's tooltip and read by screen readers */
  label: string;
}

/** A circle on the ground (a coop's service area, a merchant's delivery radius). */
export interface MapCircle {
  centre: LatLng;
  radiusM: number;
}

/** `[west, south, east, north]` of shapes (null when there are none). */
export function boundsOfShapes(shapes: readonly MapShape[]): BBox | null {
  let box: BBox | null = null;
  for (const shape of shapes) {
    const polygons = shape.geometry.type === 'Polygon' ? [shape.geometry.coordinates] : shape.geometry.coordinates;
    for (const rings of polygons)
      for (const ring of rings)
        for (const [lng, lat] of ring) {
          box = box
            ? [Math.min(box[0], lng), Math.min(box[1], lat), Math.max(box[2], lng), Math.max(box[3], lat)]
            : [lng, lat, lng, lat];
        }
  }
  return box;
}

/** `[west, south, east, north]` of a circle (small-area approximation, for framing a map only). */
export function boundsOfCircle(circle: MapCircle): BBox {
  const dLat = circle.radiusM / 111_320;
  const dLng = circle.radiusM / (111_320 * Math.max(0.01, Math.cos((circle.centre.lat * Math.PI) / 180)));
  return [circle.centre.lng - dLng, circle.centre.lat - dLat, circle.centre.lng + dLng, circle.centre.lat + dLat];
}

/** A point rounded to 6 decimals (about 10 cm): what forms show and the API stores. */
export function roundPoint(point: LatLng): LatLng {
  const r = (n: number) => Math.round(n * 1e6) / 1e6;
  return { lat: r(point.lat), lng: r(point.lng) };
}

/** Whether a latitude/longitude pair is on the map. */
export function isLatLng(lat: number, lng: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lng) && lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180;
}
