import {
  MAX_TASKS_PER_DELIVERY,
  type PartnerDeliveryRequest,
  type PartnerTaskRequest,
  type TaskKind,
  type TaskRequest,
} from '@federacycle/contracts';
import { distanceMetres } from '@federacycle/geo-server';
import { ApiException } from '@federacycle/platform-http';

/** The store a client speaks for: its address and point (the default pickup). */
export interface StorePlace {
  merchantId: string;
  address: string;
  lat: number;
  lng: number;
  contactName: string | null;
  contactPhone: string | null;
}

/** Town speed of a bike, and the margin a courier needs at the pickup, for the default pickup time. */
const BIKE_METRES_PER_MINUTE = 250;
const PICKUP_MARGIN_MINUTES = 10;
const MINUTE = 60_000;

type Stop = PartnerTaskRequest & { type: TaskKind; path: string };

const field = (path: string, code: string, message: string) =>
  ApiException.validation([{ field: path, code, message }], `${path}: ${message}`);

/**
 * The stops of a partner's request, in order, each with its path in the request (`dropoff`,
 * `tasks[2]`): `pickup` + `dropoff`, or a `tasks` list (at most MAX_TASKS_PER_DELIVERY, else
 * 400 TOO_MANY_TASKS). A request without any pickup gets the store's.
 */
export function stopsOf(body: PartnerDeliveryRequest): Stop[] {
  if (body.tasks !== undefined) {
    if (body.pickup !== undefined || body.dropoff !== undefined) {
      throw field('tasks', 'exclusive', 'give either tasks, or pickup and dropoff, not both');
    }
    if (body.tasks.length > MAX_TASKS_PER_DELIVERY) {
      throw new ApiException(
        400,
        'TOO_MANY_TASKS',
        `A delivery holds at most ${MAX_TASKS_PER_DELIVERY} tasks (got ${body.tasks.length}): split it in several deliveries`,
      );
    }
    const stops = body.tasks.map((task, i) => {
      if (task.type === undefined) throw field(`tasks[${i}].type`, 'isIn', 'type must be pickup or dropoff');
      return { ...task, type: task.type, path: `tasks[${i}]` };
    });
    if (!stops.some((s) => s.type === 'dropoff')) throw field('tasks', 'dropoff', 'give at least one dropoff');
    return stops.some((s) => s.type === 'pickup') ? stops : [{ type: 'pickup', path: 'pickup', store: true }, ...stops];
  }
  if (body.dropoff === undefined) throw field('dropoff', 'required', 'give the dropoff (or a tasks list)');
  return [
    { ...(body.pickup ?? {}), type: 'pickup', path: 'pickup' },
    { ...body.dropoff, type: 'dropoff', path: 'dropoff' },
  ];
}

/** Where a stop is: its text and point, or the store's (a pickup without an address, or `store: true`). */
export function placeOf(
  stop: Stop,
  store: StorePlace | null,
): { address: string; lat: number; lng: number; fromStore: boolean } {
  const wantsStore = stop.store === true || (stop.type === 'pickup' && stop.address === undefined);
  if (wantsStore) {
    if (stop.address !== undefined || stop.lat !== undefined || stop.lng !== undefined) {
      throw field(`${stop.path}.store`, 'exclusive', 'give either store: true or an address with lat and lng');
    }
    if (!store) {
      throw new ApiException(
        422,
        'PICKUP_REQUIRED',
        `${stop.path}: this client is bound to no store, so the pickup needs an address with lat and lng`,
      );
    }
    return { address: store.address, lat: store.lat, lng: store.lng, fromStore: true };
  }
  if (stop.address === undefined)
    throw field(`${stop.path}.address`, 'required', 'give the address (text) with lat and lng');
  if (stop.lat === undefined || stop.lng === undefined) {
    throw field(`${stop.path}.lat`, 'required', 'give the point of the address: lat and lng');
  }
  if (stop.lat < -90 || stop.lat > 90 || stop.lng < -180 || stop.lng > 180) {
    throw new ApiException(
      400,
      'COORDINATES_OUT_OF_RANGE',
      `${stop.path}: latitude must lie within -90 and 90 and longitude within -180 and 180 (got ${stop.lat}, ${stop.lng})`,
    );
  }
  return { address: stop.address, lat: stop.lat, lng: stop.lng, fromStore: false };
}

/**
 * The default window of a pickup the partner gave no time for: the dropoff's window moved earlier
 * by the ride between them (bike town speed) and a margin; what would already have passed is
 * left open (a courier comes as soon as possible).
 */
export function defaultPickupWindow(
  pickup: { lat: number; lng: number },
  dropoff: { lat: number; lng: number; after: Date | null; before: Date | null },
  now: number,
): { after: Date | null; before: Date | null } {
  const ride = (distanceMetres(pickup, dropoff) / BIKE_METRES_PER_MINUTE + PICKUP_MARGIN_MINUTES) * MINUTE;
  const before = dropoff.before ? dropoff.before.getTime() - ride : null;
  const after = dropoff.after ? dropoff.after.getTime() - ride : null;
  const keptBefore = before !== null && before > now + 5 * MINUTE ? before : null;
  const keptAfter = after !== null && after > now && (keptBefore === null || after < keptBefore) ? after : null;
  return {
    after: keptAfter === null ? null : new Date(keptAfter),
    before: keptBefore === null ? null : new Date(keptBefore),
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A resolved stop: what dispatch's create-delivery takes, with its path for errors. */
export type PlannedTask = TaskRequest & { path: string; fromStore: boolean };

/** Builds the dispatch task of a stop (the window is filled later for a defaulted pickup). */
export function taskOf(stop: Stop, place: ReturnType<typeof placeOf>, store: StorePlace | null): PlannedTask {
  return {
    kind: stop.type,
    address: place.address,
    lat: place.lat,
    lng: place.lng,
    after: stop.after ?? null,
    before: stop.before ?? null,
    contactName: stop.contactName ?? (place.fromStore ? (store?.contactName ?? null) : null),
    contactPhone: stop.contactPhone ?? (place.fromStore ? (store?.contactPhone ?? null) : null),
    contactEmail: stop.contactEmail ?? null,
    comments: stop.comments ?? null,
    packages: stop.packages ?? [],
    weightGrams: stop.weightGrams ?? 0,
    path: stop.path,
    fromStore: place.fromStore,
  };
}

export { iso as isoOrNull };
