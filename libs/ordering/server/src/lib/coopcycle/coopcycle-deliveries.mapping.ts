import {
  MAX_PACKAGE_LINES,
  PACKAGE_TYPES,
  type PackageLine,
  type PackageType,
  type PartnerDeliveryRequest,
  type PartnerDeliveryView,
  type PartnerTaskRequest,
  type PartnerTaskView,
  type TaskState,
} from '@federacycle/contracts';
import type { ConstraintViolation } from './jsonld';

/**
 * CoopCycle's delivery shapes (JSON-LD) to and from the partner API's, pure. What existing
 * integrations send (COOPCYCLE-API.md): `pickup` / `dropoff` objects whose address is a string,
 * an object (`streetAddress`, `telephone`, `contactName`, `name`, `description`, `latLng` or
 * `geo`) or an address IRI; windows as `timeSlot` ("start/end"), `before` / `after` or
 * `doneBefore` / `doneAfter`; `weight` in grams, `packages`, `comments`, `tags`, `metadata`.
 */

/** One entry of a 400 ConstraintViolationList. */
export type Violation = ConstraintViolation;

export class CoopcycleViolations extends Error {
  constructor(readonly violations: Violation[]) {
    super(violations.map((v) => `${v.propertyPath}: ${v.message}`).join('; '));
  }
}

/** The ConstraintViolationList body CoopCycle answers a 400 with. */
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const ADDRESS_IRI = /^\/api\/addresses\/[1-9][0-9]{0,17}$/;
const TASK_KEYS = new Set([
  'address',
  'comments',
  'before',
  'after',
  'doneBefore',
  'doneAfter',
  'timeSlot',
  'weight',
  'packages',
  'tags',
  'metadata',
]);
const ADDRESS_KEYS = new Set([
  'streetAddress',
  'telephone',
  'contactName',
  'name',
  'description',
  'latLng',
  'geo',
  'postalCode',
  'addressLocality',
  'firstName',
  'lastName',
]);

class Collector {
  readonly violations: Violation[] = [];
  add(propertyPath: string, message: string): undefined {
    this.violations.push({ propertyPath, message });
    return undefined;
  }
}

function text(v: unknown, path: string, c: Collector, max: number): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') return c.add(path, 'This value should be of type string.');
  if (v.length > max) return c.add(path, `This value is too long. It should have ${max} characters or less.`);
  return v;
}

function instant(v: unknown, path: string, c: Collector): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || Number.isNaN(new Date(v).getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(v)) {
    return c.add(path, 'This value is not a valid datetime (ISO 8601, e.g. 2026-12-03T10:00:00+01:00).');
  }
  return new Date(v).toISOString();
}

function number(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

/** The point of an address object: `latLng: [lat, lng]` or `geo: {latitude, longitude}`. */
function pointOf(address: Json, path: string, c: Collector): { lat: number; lng: number } | undefined {
  if (address['latLng'] !== undefined) {
    const ll = address['latLng'];
    const lat = Array.isArray(ll) ? number(ll[0]) : undefined;
    const lng = Array.isArray(ll) ? number(ll[1]) : undefined;
    if (!Array.isArray(ll) || ll.length !== 2 || lat === undefined || lng === undefined) {
      return c.add(`${path}.latLng`, 'This value should be [latitude, longitude].');
    }
    return { lat, lng };
  }
  if (address['geo'] !== undefined) {
    const geo = address['geo'];
    const lat = isObject(geo) ? number(geo['latitude']) : undefined;
    const lng = isObject(geo) ? number(geo['longitude']) : undefined;
    if (lat === undefined || lng === undefined) {
      return c.add(`${path}.geo`, 'This value should be {"latitude": …, "longitude": …}.');
    }
    return { lat, lng };
  }
  return undefined;
}

const NO_GEOCODER = 'Give the coordinates of this address (latLng or geo): this server does not geocode addresses.';

/** The address forms: string, object, or an address IRI (the store's saved address). */
function addressOf(v: unknown, path: string, c: Collector): Partial<PartnerTaskRequest> | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') {
    if (v.startsWith('/api/')) {
      if (!ADDRESS_IRI.test(v)) return c.add(path, `"${v.slice(0, 60)}" is not an address IRI (/api/addresses/{id}).`);
      return { store: true };
    }
    return c.add(path, NO_GEOCODER);
  }
  if (!isObject(v)) return c.add(path, 'This value should be an address: a string, an object or an IRI.');
  for (const key of Object.keys(v)) {
    if (!ADDRESS_KEYS.has(key) && !key.startsWith('@')) c.add(`${path}.${key}`, 'This field was not expected.');
  }
  if (typeof v['@id'] === 'string') {
    if (!ADDRESS_IRI.test(v['@id']))
      return c.add(`${path}.@id`, 'This value is not an address IRI (/api/addresses/{id}).');
    return { store: true };
  }
  const street = text(v['streetAddress'], `${path}.streetAddress`, c, 300);
  if (street === undefined) return c.add(`${path}.streetAddress`, 'This value should not be blank.');
  const point = pointOf(v, path, c);
  if (!point) return c.add(path, NO_GEOCODER);
  const name = text(v['name'], `${path}.name`, c, 120);
  const description = text(v['description'], `${path}.description`, c, 500);
  const contactName = text(v['contactName'], `${path}.contactName`, c, 120);
  const phone = text(v['telephone'], `${path}.telephone`, c, 32);
  const lines = [name, street].filter(Boolean).join(', ');
  return {
    address: lines.slice(0, 300),
    lat: point.lat,
    lng: point.lng,
    contactName: contactName ?? name ?? null,
    contactPhone: phone ?? null,
    ...(description ? { comments: description } : {}),
  };
}

/** "start/end" (ISO 8601 interval), the form CoopCycle's time slot choices take. */
function rangeOf(v: unknown, path: string, c: Collector): { after: string; before: string } | undefined {
  if (v === undefined || v === null) return undefined;
  const parts = typeof v === 'string' ? v.split('/') : [];
  if (parts.length !== 2) return c.add(path, 'This value should be a range "start/end" (ISO 8601).');
  const after = instant(parts[0], path, c);
  const before = instant(parts[1], path, c);
  if (!after || !before) return undefined;
  if (before <= after) return c.add(path, 'The range ends before it starts.');
  return { after, before };
}

/** CoopCycle package names (a store's own, e.g. "XL") are kept in the comments; the line is typed as ours or `other`. */
function packagesOf(v: unknown, path: string, c: Collector): { lines: PackageLine[]; note: string | null } {
  if (v === undefined || v === null) return { lines: [], note: null };
  if (!Array.isArray(v)) return (c.add(path, 'This value should be a list.'), { lines: [], note: null });
  if (v.length > MAX_PACKAGE_LINES) {
    c.add(path, `This collection should contain ${MAX_PACKAGE_LINES} elements or less.`);
    return { lines: [], note: null };
  }
  const lines: PackageLine[] = [];
  const named: string[] = [];
  v.forEach((p: unknown, i) => {
    const type = isObject(p) ? p['type'] : undefined;
    const quantity = isObject(p) ? p['quantity'] : undefined;
    if (typeof type !== 'string' || type.length === 0 || type.length > 60) {
      c.add(`${path}[${i}].type`, 'This value should be a package name.');
      return;
    }
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > 999) {
      c.add(`${path}[${i}].quantity`, 'This value should be between 1 and 999.');
      return;
    }
    const ours = (PACKAGE_TYPES as readonly string[]).includes(type.toLowerCase())
      ? (type.toLowerCase() as PackageType)
      : 'other';
    lines.push({ type: ours, quantity });
    named.push(`${quantity} × ${type}`);
  });
  return { lines, note: named.length > 0 ? `Packages: ${named.join(', ')}` : null };
}

function taskOf(v: unknown, path: string, c: Collector): PartnerTaskRequest | undefined {
  if (v === undefined) return undefined;
  if (!isObject(v)) return c.add(path, 'This value should be an object.');
  for (const key of Object.keys(v)) {
    if (!TASK_KEYS.has(key) && !key.startsWith('@')) c.add(`${path}.${key}`, 'This field was not expected.');
  }
  const place = addressOf(v['address'], `${path}.address`, c) ?? {};
  const range = rangeOf(v['timeSlot'], `${path}.timeSlot`, c);
  const after = range?.after ?? instant(v['after'] ?? v['doneAfter'], `${path}.after`, c);
  const before = range?.before ?? instant(v['before'] ?? v['doneBefore'], `${path}.before`, c);
  if (after && before && before <= after) c.add(`${path}.before`, 'The window ends before it starts.');
  let weightGrams: number | undefined;
  if (v['weight'] !== undefined && v['weight'] !== null) {
    const w = v['weight'];
    if (typeof w !== 'number' || !Number.isInteger(w) || w < 0 || w > 1_000_000) {
      c.add(`${path}.weight`, 'This value should be a weight in grams, between 0 and 1000000.');
    } else weightGrams = w;
  }
  const packages = packagesOf(v['packages'], `${path}.packages`, c);
  const comments = [text(v['comments'], `${path}.comments`, c, 800), place.comments, packages.note]
    .filter(Boolean)
    .join('\n');
  return {
    ...place,
    ...(after ? { after } : {}),
    ...(before ? { before } : {}),
    ...(weightGrams !== undefined ? { weightGrams } : {}),
    ...(packages.lines.length > 0 ? { packages: packages.lines } : {}),
    comments: comments ? comments.slice(0, 1000) : null,
  };
}

/**
 * A CoopCycle `POST /api/deliveries` body as the partner API's request. Throws
 * CoopcycleViolations (→ 400 ConstraintViolationList) naming each bad field by its path.
 */
export function fromCoopcycleDelivery(body: unknown): PartnerDeliveryRequest {
  const c = new Collector();
  if (!isObject(body))
    throw new CoopcycleViolations([{ propertyPath: '', message: 'The body should be a JSON object.' }]);
  for (const key of Object.keys(body)) {
    if (!['pickup', 'dropoff'].includes(key) && !key.startsWith('@')) {
      c.add(key, 'This field was not expected.');
    }
  }
  const pickup = taskOf(body['pickup'], 'pickup', c);
  const dropoff = taskOf(body['dropoff'], 'dropoff', c);
  if (body['dropoff'] === undefined) c.add('dropoff', 'This value should not be blank.');
  if (c.violations.length > 0) throw new CoopcycleViolations(c.violations);
  return {
    ...(pickup ? { pickup } : {}),
    ...(dropoff ? { dropoff } : {}),
  };
}

/** Our task states in CoopCycle's words. */
export function coopcycleStatus(state: TaskState): 'TODO' | 'DOING' | 'DONE' | 'FAILED' | 'CANCELLED' {
  switch (state) {
    case 'open':
    case 'assigned':
      return 'TODO';
    case 'started':
      return 'DOING';
    case 'done':
      return 'DONE';
    case 'failed':
      return 'FAILED';
    case 'cancelled':
      return 'CANCELLED';
  }
}

/** The integer ids CoopCycle's surface shows: the delivery's and each task's. */
export interface CoopcycleNumbers {
  delivery: number;
  tasks: ReadonlyMap<string, number>;
}

function taskJson(task: PartnerTaskView, id: number): Json {
  return {
    '@id': `/api/tasks/${id}`,
    '@type': 'Task',
    id,
    type: task.type === 'pickup' ? 'PICKUP' : 'DROPOFF',
    status: coopcycleStatus(task.state),
    address: {
      '@type': 'http://schema.org/Place',
      streetAddress: task.address,
      geo: { '@type': 'GeoCoordinates', latitude: task.lat, longitude: task.lng },
      contactName: task.contactName,
      telephone: task.contactPhone,
    },
    after: task.after,
    before: task.before,
    doneAfter: task.after,
    doneBefore: task.before,
    comments: task.comments ?? '',
    weight: task.weightGrams,
    packages: task.packages.map((p) => ({ type: p.type, quantity: p.quantity })),
    updatedAt: task.updatedAt,
  };
}

/**
 * A delivery in CoopCycle's Delivery shape: `pickup` is its first pickup, `dropoff` its last
 * dropoff (CoopCycle plugins store `dropoff.id`).
 */
export function toCoopcycleDelivery(view: PartnerDeliveryView, numbers: CoopcycleNumbers): Json {
  const pickup = view.tasks.find((t) => t.type === 'pickup');
  const dropoff = [...view.tasks].reverse().find((t) => t.type === 'dropoff');
  const num = (t: PartnerTaskView) => numbers.tasks.get(t.id) ?? 0;
  return {
    '@context': '/api/contexts/Delivery',
    '@id': `/api/deliveries/${numbers.delivery}`,
    '@type': 'Delivery',
    id: numbers.delivery,
    pickup: pickup ? taskJson(pickup, num(pickup)) : null,
    dropoff: dropoff ? taskJson(dropoff, num(dropoff)) : null,
    ...(view.price ? { price: view.price.amountMinor, currency: view.price.currency } : {}),
    trackingUrl: view.trackingUrl,
  };
}
