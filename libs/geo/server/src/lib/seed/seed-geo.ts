import type { GeoPosition } from '@federacycle/contracts';
import { Coop, type Database } from '@federacycle/platform-database';
import { validateZoneGeometry } from '../geometry/geometry';
import { CoopServiceArea } from '../service-area/coop-service-area.entity';
import { Zone } from '../zones/zone.entity';

interface DemoZone {
  name: string;
  colour: string;
  /** outline as [lat, lng] pairs, as people read them off a map (closed by the seed) */
  outline: Array<[number, number]>;
}
interface DemoGeo {
  slug: string;
  centre: { lat: number; lng: number };
  radiusM: number;
  zones: DemoZone[];
}

/** The demo coops' service areas and zones: real neighbourhoods, drawn roughly. */
export const DEMO_GEO: readonly DemoGeo[] = [
  {
    slug: 'lyon',
    centre: { lat: 45.7578, lng: 4.832 },
    radiusM: 15000,
    zones: [
      {
        name: 'Presqu’île',
        colour: '#3b6ea8',
        outline: [
          [45.768, 4.834],
          [45.764, 4.84],
          [45.756, 4.838],
          [45.747, 4.83],
          [45.74, 4.818],
          [45.75, 4.823],
          [45.76, 4.827],
          [45.767, 4.829],
        ],
      },
      {
        name: 'Croix-Rousse',
        colour: '#8a4f9e',
        outline: [
          [45.7695, 4.828],
          [45.779, 4.823],
          [45.783, 4.833],
          [45.778, 4.843],
          [45.7695, 4.84],
        ],
      },
      {
        name: 'Part-Dieu – Guillotière',
        colour: '#c0612b',
        outline: [
          [45.768, 4.843],
          [45.766, 4.865],
          [45.748, 4.86],
          [45.743, 4.842],
          [45.756, 4.8405],
        ],
      },
    ],
  },
  {
    slug: 'barcelona',
    centre: { lat: 41.3874, lng: 2.1686 },
    radiusM: 15000,
    zones: [
      {
        name: 'Ciutat Vella',
        colour: '#3b6ea8',
        outline: [
          [41.387, 2.17],
          [41.387, 2.183],
          [41.378, 2.19],
          [41.375, 2.177],
          [41.381, 2.168],
        ],
      },
      {
        name: 'Eixample',
        colour: '#c0612b',
        outline: [
          [41.399, 2.148],
          [41.406, 2.17],
          [41.396, 2.185],
          [41.3885, 2.171],
          [41.385, 2.155],
        ],
      },
      {
        name: 'Gràcia',
        colour: '#2f8a5b',
        outline: [
          [41.4005, 2.149],
          [41.41, 2.15],
          [41.41, 2.168],
          [41.4035, 2.1675],
        ],
      },
    ],
  },
  {
    slug: 'berlin',
    centre: { lat: 52.52, lng: 13.405 },
    radiusM: 20000,
    zones: [
      {
        name: 'Mitte',
        colour: '#3b6ea8',
        outline: [
          [52.53, 13.38],
          [52.53, 13.42],
          [52.51, 13.42],
          [52.51, 13.38],
        ],
      },
      {
        name: 'Kreuzberg',
        colour: '#c0612b',
        outline: [
          [52.505, 13.38],
          [52.505, 13.44],
          [52.488, 13.44],
          [52.488, 13.38],
        ],
      },
      {
        name: 'Prenzlauer Berg',
        colour: '#2f8a5b',
        outline: [
          [52.532, 13.4],
          [52.548, 13.405],
          [52.545, 13.44],
          [52.531, 13.43],
        ],
      },
    ],
  },
];

/** GeoJSON ring ([lng, lat], closed) of an outline written as [lat, lng]. */
function ring(outline: Array<[number, number]>): GeoPosition[] {
  const positions = outline.map(([lat, lng]) => [lng, lat] as GeoPosition);
  return [...positions, positions[0] as GeoPosition];
}

export interface SeedGeoResult {
  zonesCreated: number;
  areasCreated: number;
}

/**
 * Each demo coop's service area and two or three zones. Idempotent: an area already set is kept,
 * and a zone is created only when the coop has none of that name. Demo coops that do not exist are
 * skipped. Every shape goes through the same validation as the API's.
 */
export async function seedGeo(db: Database, demos: readonly DemoGeo[] = DEMO_GEO): Promise<SeedGeoResult> {
  const result: SeedGeoResult = { zonesCreated: 0, areasCreated: 0 };
  for (const demo of demos) {
    const coop = await db.platform(({ manager }) =>
      manager.findOne(Coop, { where: { slug: demo.slug }, select: { id: true } }),
    );
    if (!coop) continue;
    await db.forCoop(coop.id, async ({ manager }) => {
      let area = await manager.findOneBy(CoopServiceArea, { coopId: coop.id });
      if (!area) {
        await manager.insert(CoopServiceArea, {
          coopId: coop.id,
          centreLat: demo.centre.lat,
          centreLng: demo.centre.lng,
          radiusM: demo.radiusM,
        });
        area = await manager.findOneByOrFail(CoopServiceArea, { coopId: coop.id });
        result.areasCreated += 1;
      }
      const existing = await manager.find(Zone, {
        where: { coopId: coop.id },
        select: { coopId: true, id: true, name: true },
      });
      const names = new Set(existing.map((z) => z.name.toLowerCase()));
      for (const zone of demo.zones) {
        if (names.has(zone.name.toLowerCase())) continue;
        const check = validateZoneGeometry(
          { type: 'Polygon', coordinates: [ring(zone.outline)] },
          { serviceArea: { centre: { lat: area.centreLat, lng: area.centreLng }, radiusM: area.radiusM } },
        );
        if (!check.ok) throw new Error(`demo zone ${demo.slug}/${zone.name}: ${check.code} ${check.message}`);
        await manager.insert(Zone, {
          coopId: coop.id,
          name: zone.name,
          colour: zone.colour,
          geometry: check.geometry,
          bbox: check.bbox,
        });
        result.zonesCreated += 1;
      }
    });
  }
  return result;
}
