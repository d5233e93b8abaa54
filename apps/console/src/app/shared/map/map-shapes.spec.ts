import type { MapShape } from './map-shapes';
import { boundsOfCircle, boundsOfShapes, isLatLng, roundPoint } from './map-shapes';

const square = (id: string, lng: number, lat: number): MapShape => ({
  id,
  colour: '#3b6ea8',
  label: id,
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [lng, lat],
        [lng + 1, lat],
        [lng + 1, lat + 1],
        [lng, lat + 1],
        [lng, lat],
      ],
    ],
  },
});

describe('map shapes', () => {
  it('frames every shape: [west, south, east, north]', () => {
    expect(boundsOfShapes([])).toBeNull();
    expect(boundsOfShapes([square('a', 4, 45), square('b', 2, 41)])).toEqual([2, 41, 5, 46]);
  });

  it('frames a circle by its radius (a degree of latitude is about 111 km)', () => {
    const [west, south, east, north] = boundsOfCircle({ centre: { lat: 0, lng: 10 }, radiusM: 111_320 });
    expect([south, north]).toEqual([-1, 1]);
    expect(west).toBeCloseTo(9, 5);
    expect(east).toBeCloseTo(11, 5);
    // further north, a kilometre spans more degrees of longitude
    const lyon = boundsOfCircle({ centre: { lat: 45.7578, lng: 4.832 }, radiusM: 15_000 });
    expect(lyon[2] - lyon[0]).toBeGreaterThan(lyon[3] - lyon[1]);
  });

  it('rounds points to 6 decimals and checks their range', () => {
    expect(roundPoint({ lat: 45.75781234, lng: 4.83209999 })).toEqual({ lat: 45.757812, lng: 4.8321 });
    expect(isLatLng(45.7, 4.8)).toBe(true);
    expect(isLatLng(95, 4.8)).toBe(false);
    expect(isLatLng(45, -181)).toBe(false);
    expect(isLatLng(Number.NaN, 0)).toBe(false);
  });
});
