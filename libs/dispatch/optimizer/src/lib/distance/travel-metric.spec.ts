import { euclideanMetric, haversineMetric, matrixMetric } from './travel-metric';

describe('travel metrics', () => {
  it('euclidean: plain double distance, time at the given speed, negative coordinates allowed', () => {
    const m = euclideanMetric(2);
    expect(m.distance({ x: -3, y: 0 }, { x: 0, y: -4 })).toBe(5);
    expect(m.duration({ x: 0, y: 0 }, { x: 3, y: 4 })).toBe(2.5);
    expect(m.checkLocation({ x: -1e6, y: 7 })).toBeNull();
    expect(m.checkLocation({ x: Number.NaN, y: 0 })).not.toBeNull();
    expect(m.checkLocation({ x: 0, y: Infinity })).not.toBeNull();
  });

  it('haversine: metres and seconds, range-checked degrees', () => {
    const m = haversineMetric(15);
    // Berlin Alexanderplatz to Brandenburger Tor: about 2.4 km.
    const d = m.distance({ x: 13.4132, y: 52.5219 }, { x: 13.3777, y: 52.5163 });
    expect(d).toBeGreaterThan(2300);
    expect(d).toBeLessThan(2600);
    expect(m.duration({ x: 13.4132, y: 52.5219 }, { x: 13.3777, y: 52.5163 })).toBeCloseTo(d / (15 / 3.6), 9);
    // One degree of latitude is about 111.2 km.
    expect(m.distance({ x: 0, y: 0 }, { x: 0, y: 1 })).toBeCloseTo(111_195, -1);
    expect(m.checkLocation({ x: 10, y: 91 })).toMatch(/latitude/);
    expect(m.checkLocation({ x: -181, y: 0 })).toMatch(/longitude/);
  });

  it('matrix: looks up by matrixIndex and rejects malformed matrices and indices', () => {
    const m = matrixMetric(
      [
        [0, 4],
        [6, 0],
      ],
      [
        [0, 40],
        [60, 0],
      ],
    );
    const a = { x: 0, y: 0, matrixIndex: 0 };
    const b = { x: 0, y: 0, matrixIndex: 1 };
    expect(m.distance(a, b)).toBe(4);
    expect(m.distance(b, a)).toBe(6);
    expect(m.duration(b, a)).toBe(60);
    expect(m.checkLocation({ x: 0, y: 0, matrixIndex: 2 })).not.toBeNull();
    expect(m.checkLocation({ x: 0, y: 0 })).not.toBeNull();
    expect(() => matrixMetric([[0, 1]])).toThrow(RangeError);
  });
});
