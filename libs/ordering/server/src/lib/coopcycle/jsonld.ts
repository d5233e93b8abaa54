/**
 * JSON-LD (Hydra) as CoopCycle's API speaks it, for the CoopCycle-compatible surface under
 * `/coopcycle/<coop-slug>`: one place for IRIs, `@context`, collections and the error shapes, so
 * every CoopCycle controller answers alike.
 *
 * IRIs are relative to the base URL (`/api/stores/<id>`, never `/coopcycle/lyon/api/...`):
 * integrations fetch `{base}{iri}`. Ids are Federacycle's UUIDs where CoopCycle has integers;
 * integrations keep them as strings in IRIs.
 */

export const JSON_LD = 'application/ld+json; charset=utf-8';

/** The resources of the compatible surface, by IRI segment. */
export const IRI_SEGMENTS = {
  ApiApp: 'api_apps',
  Store: 'stores',
  TimeSlot: 'time_slots',
  Delivery: 'deliveries',
  Task: 'tasks',
  Address: 'addresses',
  Webhook: 'webhooks',
} as const;
export type JsonLdType = keyof typeof IRI_SEGMENTS;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** `/api/stores/<id>` */
export function iri(type: JsonLdType, id: string): string {
  return `/api/${IRI_SEGMENTS[type]}/${id}`;
}

/** `/api/contexts/Store` */
export function contextOf(type: JsonLdType | 'Error' | 'ConstraintViolationList'): string {
  return `/api/contexts/${type}`;
}

/** The id of an IRI of this type (`/api/stores/<uuid>`), or null when it is not one. */
export function idOfIri(type: JsonLdType, value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const prefix = `/api/${IRI_SEGMENTS[type]}/`;
  if (!value.startsWith(prefix)) return null;
  const id = value.slice(prefix.length);
  return UUID.test(id) ? id.toLowerCase() : null;
}

/** A resource's JSON-LD head: `@context`, `@id`, `@type`. */
export function resource<T extends object>(type: JsonLdType, id: string, body: T): Record<string, unknown> & T {
  return { '@context': contextOf(type), '@id': iri(type, id), '@type': type, ...body };
}

/** A Hydra collection of `members` (already JSON-LD resources). */
export function hydraCollection(
  collectionIri: string,
  members: readonly object[],
  totalItems: number,
): Record<string, unknown> {
  return {
    '@context': '/api/contexts/Hydra',
    '@id': collectionIri,
    '@type': 'hydra:Collection',
    'hydra:member': members,
    'hydra:totalItems': totalItems,
  };
}

/** One violation of a `ConstraintViolationList` (propertyPath like `dropoff.timeSlot`). */
export interface ConstraintViolation {
  propertyPath: string;
  message: string;
  code?: string;
}

/** CoopCycle's 400 validation answer (API Platform's ConstraintViolationList). */
export function constraintViolationList(violations: readonly ConstraintViolation[]): Record<string, unknown> {
  return {
    '@context': contextOf('ConstraintViolationList'),
    '@type': 'ConstraintViolationList',
    'hydra:title': 'An error occurred',
    'hydra:description': violations.map((v) => `${v.propertyPath}: ${v.message}`).join('\n'),
    violations,
  };
}

/** CoopCycle's other errors (API Platform's hydra:Error), e.g. 403 "Access Denied.". */
export function hydraError(description: string): Record<string, unknown> {
  return {
    '@context': contextOf('Error'),
    '@type': 'hydra:Error',
    'hydra:title': 'An error occurred',
    'hydra:description': description,
  };
}
