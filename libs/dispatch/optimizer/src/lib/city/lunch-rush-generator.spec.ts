import { haversineMetric } from '../distance/travel-metric';
import { validateProblem } from '../model/input-validator';
import { generateLunchRush } from './lunch-rush-generator';

const data = (seed: number) => {
  const { metric: _metric, ...rest } = generateLunchRush({ seed, requests: 120, couriers: 12 });
  return rest;
};

describe('generateLunchRush', () => {
  it('is reproducible from its seed and differs across seeds', () => {
    expect(data(3)).toEqual(data(3));
    expect(data(3)).not.toEqual(data(4));
  });

  it('produces a valid problem of the requested size inside a 10 km city', () => {
    const problem = generateLunchRush({ seed: 1 });
    expect(() => validateProblem(problem)).not.toThrow();
    expect(problem.couriers).toHaveLength(50);
    expect(problem.requests.length).toBeGreaterThanOrEqual(300);
    expect(problem.requests.length).toBeLessThanOrEqual(500);
    expect((problem.carried ?? []).length).toBeGreaterThan(0);
    const metric = haversineMetric(15);
    const centre = { x: 13.405, y: 52.52 };
    for (const r of problem.requests) {
      for (const stop of [r.pickup, r.delivery]) {
        // Each axis is clamped to +-5 km, so no stop is farther than the half-diagonal.
        expect(metric.distance(centre, stop.location)).toBeLessThanOrEqual(5000 * Math.SQRT2 + 1);
      }
      const promise = (r.delivery.window.due ?? 0) - r.pickup.window.earliest;
      expect(promise).toBeGreaterThan(0);
      expect(r.delivery.window.latest).toBeGreaterThan(r.delivery.window.due ?? Infinity);
    }
  });
});
