/**
 * Seeded generator of live-sized city instances: a lunch rush in a 10 km city. Restaurants sit
 * in a few clusters (high streets, food courts), customers within a few km of their restaurant,
 * couriers ride bikes at 15 km/h from wherever they are, some already carrying orders.
 * Times are seconds from "now"; distances are metres (haversine). Delivery windows open when
 * the food can arrive and are due 30–45 min after the order; a hard limit allows some lateness,
 * which the objective (unassigned, then lateness, then distance) keeps as small as it can.
 */
import { SeededRandom } from '../core/seeded-random';
import { haversineMetric } from '../distance/travel-metric';
import type { CarriedLoad, Courier, DeliveryRequest, DispatchProblem, Location } from '../model/optimizer-model';

export interface LunchRushOptions {
  readonly seed: number;
  readonly couriers?: number;
  /** Open deliveries; default drawn in [300, 500]. */
  readonly requests?: number;
  readonly cityKm?: number;
  readonly speedKmh?: number;
  /** Share of couriers already carrying one or two orders. */
  readonly carryingShare?: number;
  /** Centre of the city (longitude, latitude). */
  readonly centre?: Location;
}

const MINUTE = 60;
const PICKUP_SERVICE = 2 * MINUTE;
const DELIVERY_SERVICE = 3 * MINUTE;
/** How late past the promise the hard window allows (beyond it the order is unassigned). */
const MAX_LATENESS = 30 * MINUTE;
const SHIFT = 3 * 60 * MINUTE;

export function generateLunchRush(options: LunchRushOptions): DispatchProblem {
  const rng = new SeededRandom(options.seed);
  const centre = options.centre ?? { x: 13.405, y: 52.52 };
  const cityKm = options.cityKm ?? 10;
  const courierCount = options.couriers ?? 50;
  const requestCount = options.requests ?? rng.int(300, 500);
  const carryingShare = options.carryingShare ?? 0.3;
  const metresPerDegLat = 111_320;
  const metresPerDegLon = metresPerDegLat * Math.cos((centre.y * Math.PI) / 180);
  const half = (cityKm * 1000) / 2;
  const clamp = (v: number) => Math.max(-half, Math.min(half, v));
  const toLocation = (dx: number, dy: number): Location => ({
    x: centre.x + clamp(dx) / metresPerDegLon,
    y: centre.y + clamp(dy) / metresPerDegLat,
  });
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const uniform = () => toLocation((2 * rng.next() - 1) * half, (2 * rng.next() - 1) * half);

  const clusters = Array.from({ length: 6 }, () => ({
    x: (2 * rng.next() - 1) * half * 0.7,
    y: (2 * rng.next() - 1) * half * 0.7,
  }));
  const restaurants = Array.from({ length: 40 }, () => {
    const c = clusters[rng.int(0, clusters.length - 1)];
    return toLocation(c.x + gaussian() * 400, c.y + gaussian() * 400);
  });
  // Platforms cap the delivery radius: customers live 0.5–3 km from the restaurant.
  const near = (from: Location): Location => {
    const radius = 500 + 2500 * rng.next();
    const angle = 2 * Math.PI * rng.next();
    return toLocation(
      (from.x - centre.x) * metresPerDegLon + radius * Math.cos(angle),
      (from.y - centre.y) * metresPerDegLat + radius * Math.sin(angle),
    );
  };
  const anywhere = () => toLocation(gaussian() * half * 0.4, gaussian() * half * 0.4);

  const requests: DeliveryRequest[] = [];
  for (let r = 0; r < requestCount; r++) {
    // Orders were placed up to 20 min ago or over the coming 100 min; food needs 10–20 min.
    const orderedAt = rng.int(-20 * MINUTE, 100 * MINUTE);
    const ready = Math.max(0, orderedAt + rng.int(10 * MINUTE, 20 * MINUTE));
    const restaurant = restaurants[rng.int(0, restaurants.length - 1)];
    const due = orderedAt + rng.int(30 * MINUTE, 45 * MINUTE);
    const dueAt = Math.max(due, ready + 5 * MINUTE);
    requests.push({
      id: `o${r + 1}`,
      pickup: {
        location: restaurant,
        window: { earliest: ready, latest: dueAt + MAX_LATENESS },
        serviceTime: PICKUP_SERVICE,
      },
      delivery: {
        location: near(restaurant),
        window: { earliest: ready, latest: dueAt + MAX_LATENESS, due: dueAt },
        serviceTime: DELIVERY_SERVICE,
      },
      demand: [1, rng.int(2, 12)],
    });
  }

  const couriers: Courier[] = [];
  const carried: CarriedLoad[] = [];
  for (let k = 0; k < courierCount; k++) {
    const id = `k${k + 1}`;
    couriers.push({ id, start: uniform(), startTime: 0, endTime: SHIFT - rng.int(0, 60) * MINUTE, capacity: [4, 40] });
    if (rng.next() < carryingShare) {
      const loads = rng.int(1, 2);
      for (let l = 0; l < loads; l++) {
        const due = rng.int(5 * MINUTE, 25 * MINUTE);
        carried.push({
          id: `${id}-bag${l + 1}`,
          courierId: id,
          delivery: {
            location: anywhere(),
            window: { earliest: 0, latest: due + MAX_LATENESS, due },
            serviceTime: DELIVERY_SERVICE,
          },
          demand: [1, rng.int(2, 12)],
        });
      }
    }
  }

  return {
    couriers,
    requests,
    carried,
    pinned: [],
    metric: haversineMetric(options.speedKmh ?? 15),
    objective: { levels: ['unassigned', 'lateness', 'distance'] },
  };
}
