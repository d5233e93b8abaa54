import { euclideanMetric, haversineMetric } from '../distance/travel-metric';
import { solveDispatch } from '../dispatch-solver';
import { OptimizerInputError } from './optimizer-input-error';
import type { DeliveryRequest, DispatchProblem, StopSpec } from './optimizer-model';

const at = (x: number, y: number, earliest = 0, latest = 1000): StopSpec => ({
  location: { x, y },
  window: { earliest, latest },
  serviceTime: 5,
});
const request = (id: string, overrides: Partial<DeliveryRequest> = {}): DeliveryRequest => ({
  id,
  pickup: at(10, 10),
  delivery: at(20, 20),
  demand: [1],
  ...overrides,
});
const base: DispatchProblem = {
  couriers: [{ id: 'c1', start: { x: 0, y: 0 }, startTime: 0, end: { x: 0, y: 0 }, endTime: 1000, capacity: [5] }],
  requests: [request('ok')],
  metric: euclideanMetric(),
};

function rejection(problem: DispatchProblem): OptimizerInputError {
  try {
    solveDispatch(problem, { maxIterations: 5 });
  } catch (e) {
    if (e instanceof OptimizerInputError) return e;
    throw e;
  }
  throw new Error('expected an OptimizerInputError');
}

describe('input validation', () => {
  it.each([
    ['NaN coordinate', request('bad', { pickup: at(Number.NaN, 1) }), 'INVALID_LOCATION'],
    ['infinite window', request('bad', { delivery: at(1, 1, 0, Infinity) }), 'INVALID_NUMBER'],
    ['window closing before it opens', request('bad', { pickup: at(1, 1, 50, 10) }), 'INVALID_WINDOW'],
    ['negative demand', request('bad', { demand: [-1] }), 'INVALID_DEMAND'],
    ['demand with the wrong dimensions', request('bad', { demand: [1, 1] }), 'INVALID_DEMAND'],
    [
      'delivery without its pickup',
      { id: 'bad', delivery: at(1, 1), demand: [1] } as unknown as DeliveryRequest,
      'MISSING_PICKUP',
    ],
    ['negative service time', request('bad', { delivery: { ...at(1, 1), serviceTime: -1 } }), 'INVALID_NUMBER'],
  ])('rejects a %s with a typed error naming the request', (_what, bad, code) => {
    const error = rejection({ ...base, requests: [request('ok'), bad] });
    expect(error.code).toBe(code);
    expect(error.requestId).toBe('bad');
    expect(error.message).toContain('request bad');
  });

  it('rejects duplicate ids, unknown couriers and unknown pinned requests', () => {
    expect(rejection({ ...base, requests: [request('a'), request('a')] }).code).toBe('DUPLICATE_ID');
    expect(
      rejection({ ...base, carried: [{ id: 'l', courierId: 'ghost', delivery: at(1, 1), demand: [1] }] }).code,
    ).toBe('UNKNOWN_COURIER');
    expect(rejection({ ...base, pinned: [{ requestId: 'ghost', courierId: 'c1' }] }).code).toBe('UNKNOWN_REQUEST');
  });

  it('accepts negative planar coordinates but rejects out-of-range latitude for haversine', () => {
    const planar = solveDispatch(
      { ...base, requests: [request('neg', { pickup: at(-10, -20) })] },
      { maxIterations: 5 },
    );
    expect(planar.unassigned).toEqual([]);
    const geo: DispatchProblem = {
      couriers: [{ id: 'c1', start: { x: 13.4, y: 52.5 }, startTime: 0, capacity: [5] }],
      requests: [{ id: 'north', pickup: at(13.4, 95), delivery: at(13.41, 52.5), demand: [1] }],
      metric: haversineMetric(15),
    };
    const error = rejection(geo);
    expect(error.code).toBe('INVALID_LOCATION');
    expect(error.requestId).toBe('north');
  });

  it('reports valid but unservable requests as unassigned with the reason', () => {
    const plan = solveDispatch(
      {
        ...base,
        requests: [
          request('ok'),
          request('heavy', { demand: [9] }),
          request('too-early', { delivery: at(500, 500, 0, 20) }),
        ],
      },
      { maxIterations: 20 },
    );
    expect(plan.unassigned).toEqual(
      expect.arrayContaining([
        { requestId: 'heavy', reason: 'exceeds-capacity' },
        { requestId: 'too-early', reason: 'window-unreachable' },
      ]),
    );
    expect(plan.unassigned).toHaveLength(2);
  });
});
