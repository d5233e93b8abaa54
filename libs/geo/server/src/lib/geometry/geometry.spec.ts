import type { GeoPolygon, ZoneGeometry } from '@federacycle/contracts';
import {
  areaSquareMetres,
  bboxOf,
  distanceMetres,
  farthestFrom,
  pointInBBox,
  pointInZone,
  validateZoneGeometry,
  withinCircle,
} from './geometry';

/** Lyon's Presqu'île, roughly (lng, lat) */
const PRESQU_ILE: GeoPolygon = {
  type: 'Polygon',
  coordinates: [
    [
      [4.8265, 45.7635],
      [4.8365, 45.7685],
      [4.8395, 45.7605],
      [4.8315, 45.7475],
      [4.8225, 45.7485],
      [4.8265, 45.7635],
    ],
  ],
};
const LYON = { centre: { lat: 45.7578, lng: 4.832 }, radiusM: 15_000 };
const BARCELONA = { lat: 41.3874, lng: 2.1686 };

describe('validateZoneGeometry', () => {
  it('accepts a valid polygon and returns its bbox and vertex count', () => {
    const check = validateZoneGeometry(PRESQU_ILE, { serviceArea: LYON });
    expect(check).toEqual({
      ok: true,
      geometry: PRESQU_ILE,
      bbox: [4.8225, 45.7475, 4.8395, 45.7685],
      vertices: 6,
    });
  });

  it('normalises: drops altitudes, foreign members and repeated consecutive points', () => {
    const input = {
      type: 'Polygon',
      crs: 'ignored',
      coordinates: [
        [
          [0, 0, 12],
          [1, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    };
    const check = validateZoneGeometry(input);
    expect(check.ok && check.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    });
  });

  it.each<[string, unknown, string, RegExp]>([
    ['a string', 'Polygon', 'GEOMETRY_INVALID', /GeoJSON Polygon or MultiPolygon/],
    ['a point', { type: 'Point', coordinates: [0, 0] }, 'GEOMETRY_INVALID', /not "Point"/],
    ['no rings', { type: 'Polygon', coordinates: [] }, 'GEOMETRY_INVALID', /list of rings/],
    ['strings as numbers', { type: 'Polygon', coordinates: [[['0', '0']]] }, 'GEOMETRY_INVALID', /longitude, latitude/],
    [
      'latitude 95',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 95],
            [1, 0],
            [0, 0],
          ],
        ],
      },
      'GEOMETRY_OUT_OF_RANGE',
      /point 2 \(1, 95\) is out of range/,
    ],
    [
      'longitude -200',
      {
        type: 'Polygon',
        coordinates: [
          [
            [-200, 0],
            [1, 1],
            [1, 0],
            [-200, 0],
          ],
        ],
      },
      'GEOMETRY_OUT_OF_RANGE',
      /longitude must be within -180..180/,
    ],
    [
      'two distinct points',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [0, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      },
      'GEOMETRY_TOO_FEW_POINTS',
      /has 2 distinct points; a zone needs at least 3/,
    ],
    [
      'an open ring',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ],
        ],
      },
      'GEOMETRY_RING_OPEN',
      /not closed/,
    ],
    [
      'a bow tie',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [1, 0],
            [0, 1],
            [0, 0],
          ],
        ],
      },
      'GEOMETRY_SELF_INTERSECTS',
      /edges cross each other near 0.5, 0.5/,
    ],
    [
      'a hole with too few points',
      {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
            [
              [0.1, 0.1],
              [0.2, 0.1],
              [0.1, 0.1],
            ],
          ],
        ],
      },
      'GEOMETRY_TOO_FEW_POINTS',
      /Hole 1 of part 1 has 2 distinct points/,
    ],
  ])('refuses %s with its code and a message naming what to fix', (_name, input, code, message) => {
    const check = validateZoneGeometry(input);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.code).toBe(code);
      expect(check.message).toMatch(message);
    }
  });

  it('caps the number of vertices', () => {
    const ring: number[][] = [];
    for (let i = 0; i < 40; i += 1) {
      const a = (i / 40) * 2 * Math.PI;
      ring.push([Math.cos(a), Math.sin(a)]);
    }
    ring.push(ring[0] as number[]);
    const geometry = { type: 'Polygon', coordinates: [ring] };
    expect(validateZoneGeometry(geometry, { maxVertices: 100 }).ok).toBe(true);
    const check = validateZoneGeometry(geometry, { maxVertices: 20 });
    expect(check).toMatchObject({
      ok: false,
      code: 'GEOMETRY_TOO_LARGE',
      message: expect.stringMatching(/41 points.*at most 20/),
    });
  });

  it('refuses a zone far outside the service area, with the distances', () => {
    const barcelonaBlock = {
      type: 'Polygon',
      coordinates: [
        [
          [2.16, 41.38],
          [2.17, 41.38],
          [2.17, 41.39],
          [2.16, 41.38],
        ],
      ],
    };
    const check = validateZoneGeometry(barcelonaBlock, { serviceArea: LYON });
    expect(check).toMatchObject({ ok: false, code: 'ZONE_OUTSIDE_SERVICE_AREA' });
    if (!check.ok) expect(check.message).toMatch(/reaches 5\d\d\.\d km .* radius of 15\.0 km/);
    // without a service area the same shape is only checked for validity
    expect(validateZoneGeometry(barcelonaBlock).ok).toBe(true);
  });

  it('refuses overlapping parts of a MultiPolygon as crossing edges', () => {
    const square = (x: number, y: number) => [
      [
        [x, y],
        [x + 1, y],
        [x + 1, y + 1],
        [x, y + 1],
        [x, y],
      ],
    ];
    expect(validateZoneGeometry({ type: 'MultiPolygon', coordinates: [square(0, 0), square(5, 5)] }).ok).toBe(true);
    expect(validateZoneGeometry({ type: 'MultiPolygon', coordinates: [square(0, 0), square(0.5, 0.5)] })).toMatchObject(
      {
        ok: false,
        code: 'GEOMETRY_SELF_INTERSECTS',
      },
    );
  });
});

describe('point, distance, bbox, area', () => {
  const ring: ZoneGeometry = {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [4, 0],
        [4, 4],
        [0, 4],
        [0, 0],
      ],
      [
        [1, 1],
        [1, 3],
        [3, 3],
        [3, 1],
        [1, 1],
      ],
    ],
  };

  it('point-in-zone: inside, in a hole, outside, on the boundary', () => {
    expect(pointInZone({ lat: 0.5, lng: 0.5 }, ring)).toBe(true);
    expect(pointInZone({ lat: 2, lng: 2 }, ring)).toBe(false); // the hole
    expect(pointInZone({ lat: 5, lng: 5 }, ring)).toBe(false);
    expect(pointInZone({ lat: 0, lng: 2 }, ring)).toBe(true);
    expect(pointInZone({ lat: 45.758, lng: 4.832 }, PRESQU_ILE, bboxOf(PRESQU_ILE))).toBe(true);
    expect(pointInZone({ lat: 45.775, lng: 4.832 }, PRESQU_ILE, bboxOf(PRESQU_ILE))).toBe(false); // Croix-Rousse
  });

  it('bbox: west, south, east, north; and the quick rejection', () => {
    expect(bboxOf(ring)).toEqual([0, 0, 4, 4]);
    expect(pointInBBox({ lat: 4, lng: 0 }, [0, 0, 4, 4])).toBe(true);
    expect(pointInBBox({ lat: 4.1, lng: 0 }, [0, 0, 4, 4])).toBe(false);
  });

  it('distance in metres (haversine): Lyon to Barcelona is about 531 km', () => {
    const d = distanceMetres(LYON.centre, BARCELONA);
    expect(d).toBeGreaterThan(530_000);
    expect(d).toBeLessThan(533_000);
    expect(distanceMetres(BARCELONA, BARCELONA)).toBe(0);
    // one degree of latitude is about 111.2 km
    expect(Math.round(distanceMetres({ lat: 0, lng: 0 }, { lat: 1, lng: 0 }) / 100)).toBe(1112);
  });

  it('area in square metres and the farthest vertex', () => {
    const km2 = areaSquareMetres(PRESQU_ILE) / 1e6;
    expect(km2).toBeGreaterThan(1);
    expect(km2).toBeLessThan(3);
    expect(farthestFrom(PRESQU_ILE, LYON.centre)).toBeLessThan(2000);
    expect(withinCircle(PRESQU_ILE, { centre: LYON.centre, radiusM: 2000 })).toBe(true);
    expect(withinCircle(PRESQU_ILE, { centre: LYON.centre, radiusM: 500 })).toBe(false);
  });
});
