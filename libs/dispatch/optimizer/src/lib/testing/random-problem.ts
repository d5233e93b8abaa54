/** Small random problems for property tests: a few couriers, carried loads and pinned requests. */
import { SeededRandom } from '../core/seeded-random';
import { euclideanMetric } from '../distance/travel-metric';
import type {
  CarriedLoad,
  Courier,
  DeliveryRequest,
  DispatchProblem,
  PinnedAssignment,
  StopSpec,
} from '../model/optimizer-model';

export interface RandomProblemShape {
  readonly seed: number;
  readonly couriers: number;
  readonly requests: number;
  readonly carried: number;
  readonly pinned: number;
  readonly openEnds: boolean;
  /** Couriers ride at different speeds (factor 0.5 to 2). */
  readonly mixedSpeeds?: boolean;
}

export function randomProblem(shape: RandomProblemShape): DispatchProblem {
  const rng = new SeededRandom(shape.seed);
  const point = () => ({ x: rng.int(0, 100), y: rng.int(0, 100) });
  const stop = (earliest: number, width: number, withDue: boolean): StopSpec => ({
    location: point(),
    window: { earliest, latest: earliest + width, ...(withDue ? { due: earliest + width / 2 } : {}) },
    serviceTime: rng.int(0, 10),
  });
  const couriers: Courier[] = [];
  for (let k = 0; k < shape.couriers; k++) {
    const start = point();
    couriers.push({
      id: `c${k}`,
      start,
      startTime: rng.int(0, 20),
      ...(shape.openEnds && rng.next() < 0.5 ? {} : { end: start }),
      endTime: 600,
      capacity: [rng.int(6, 12), rng.int(2, 4)],
      ...(shape.mixedSpeeds ? { speedFactor: [0.5, 1, 1.5, 2][rng.int(0, 3)] } : {}),
    });
  }
  const requests: DeliveryRequest[] = [];
  for (let r = 0; r < shape.requests; r++) {
    const earliest = rng.int(0, 250);
    requests.push({
      id: `r${r}`,
      pickup: stop(earliest, rng.int(30, 200), false),
      delivery: stop(earliest + rng.int(0, 100), rng.int(60, 250), rng.next() < 0.5),
      demand: [rng.int(1, 6), rng.int(0, 1)],
    });
  }
  const carried: CarriedLoad[] = [];
  for (let c = 0; c < shape.carried && couriers.length > 0; c++) {
    carried.push({
      id: `load${c}`,
      courierId: couriers[rng.int(0, couriers.length - 1)].id,
      delivery: stop(0, rng.int(150, 400), true),
      demand: [rng.int(1, 3), 0],
    });
  }
  const pinned: PinnedAssignment[] = [];
  for (let p = 0; p < Math.min(shape.pinned, requests.length) && couriers.length > 0; p++) {
    pinned.push({ requestId: requests[p].id, courierId: couriers[rng.int(0, couriers.length - 1)].id });
  }
  return { couriers, requests, carried, pinned, metric: euclideanMetric(1) };
}
