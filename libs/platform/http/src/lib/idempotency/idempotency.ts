import { createHash } from 'node:crypto';
import type { Tx } from '@federacycle/platform-database';
import { ApiException } from '../api-exception';

/** How long a key's answer is kept (and replayed). */
export const IDEMPOTENCY_TTL_HOURS = 24;
export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** expired keys removed with each new one */
const EXPIRED_PER_INSERT = 10;
/** a key: 1 to 255 visible ASCII characters (a UUID is what clients usually send) */
const KEY = /^[\x21-\x7e]{1,255}$/;

/** A create sent with a key: who sent it, the key, and what identifies the request (route and body). */
export interface IdempotentCall {
  /** who sent the key, e.g. `partner:<client id>` or `user:<user id>`: two callers' keys never meet */
  caller: string;
  /** the header's value, checked with `idempotencyKeyOf`; null: no key, the work simply runs */
  key: string | null;
  /** the route, e.g. `POST /api/partner/v1/deliveries`: one key on two routes is two requests */
  route: string;
  body: unknown;
}

export interface IdempotentResult<T> {
  status: number;
  body: T;
  /** true when this is the stored answer of an earlier request with the same key and body */
  replayed: boolean;
}

/** The `Idempotency-Key` header, checked: null when absent, 400 VALIDATION_FAILED when malformed. */
export function idempotencyKeyOf(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!KEY.test(value)) {
    throw ApiException.validation(
      [{ field: 'Idempotency-Key', code: 'idempotencyKey', message: 'must be 1 to 255 visible ASCII characters' }],
      'The Idempotency-Key header must be 1 to 255 visible ASCII characters (a UUID, for example)',
    );
  }
  return value;
}

/** JSON with object keys sorted at every level: two bodies that differ only in key order hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestHash(route: string, body: unknown): string {
  return createHash('sha256').update(route).update('\n').update(canonicalJson(body)).digest('hex');
}

/**
 * Runs a create at most once per (coop, caller, key), in the caller's unit of work:
 *
 * - a transaction-scoped advisory lock on the key is taken without waiting: while another
 *   request with that key runs, this one is refused with 409 IDEMPOTENCY_IN_PROGRESS;
 * - a stored, unexpired answer is replayed (status and body) when the route and body hash the
 *   same, and refused with 422 IDEMPOTENCY_KEY_REUSED otherwise;
 * - else the work runs and its answer is stored IN THE SAME TRANSACTION: both commit, or
 *   neither (a crash or a refusal leaves no key behind, and the request may be sent again).
 *
 * The lock is released when the transaction ends, after the answer is committed, so a request
 * that finds the lock free also finds any answer stored under it.
 */
export async function idempotent<T>(
  tx: Tx,
  call: IdempotentCall,
  work: () => Promise<{ status: number; body: T }>,
): Promise<IdempotentResult<T>> {
  if (call.key === null) return { ...(await work()), replayed: false };
  const coopId = tx.coopId;
  if (coopId === null) throw new Error('idempotent(): this unit of work has no coop');
  const hash = requestHash(call.route, call.body);
  const { locked } = await tx.one<{ locked: boolean }>(
    'select pg_try_advisory_xact_lock(hashtextextended($1, 0)) as locked',
    [`idempotency|${coopId}|${call.caller}|${call.key}`],
  );
  if (!locked) {
    throw ApiException.conflict(
      'IDEMPOTENCY_IN_PROGRESS',
      'A request with this Idempotency-Key is still running: wait for its answer, then send it again to read it',
    );
  }
  const stored = await tx.maybeOne<{ request_hash: string; response_status: number; response_body: T; live: boolean }>(
    `select request_hash, response_status, response_body, expires_at > now() as live
       from idempotency_keys where coop_id = $1 and caller = $2 and key = $3`,
    [coopId, call.caller, call.key],
  );
  if (stored?.live) {
    if (stored.request_hash !== hash) {
      throw new ApiException(
        422,
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used for another request: use a new key for a new request',
      );
    }
    return { status: stored.response_status, body: stored.response_body, replayed: true };
  }
  if (stored) {
    await tx.execute('delete from idempotency_keys where coop_id = $1 and caller = $2 and key = $3', [
      coopId,
      call.caller,
      call.key,
    ]);
  }
  const result = await work();
  // expired keys of the coop leave a few at a time, with each new key: the table stays bounded
  // without a sweep job (the expiry index finds them)
  await tx.execute(
    `delete from idempotency_keys where coop_id = $1 and (caller, key) in (
       select caller, key from idempotency_keys where coop_id = $1 and expires_at < now() limit ${EXPIRED_PER_INSERT})`,
    [coopId],
  );
  await tx.execute(
    `insert into idempotency_keys (coop_id, caller, key, request_hash, response_status, response_body, expires_at)
     values ($1, $2, $3, $4, $5, $6, now() + make_interval(hours => $7))`,
    [coopId, call.caller, call.key, hash, result.status, JSON.stringify(result.body), IDEMPOTENCY_TTL_HOURS],
  );
  return { ...result, replayed: false };
}

/** What a route needs of the HTTP response to answer an idempotent create (express and the like). */
export interface ReplyHeaders {
  status(code: number): unknown;
  setHeader(name: string, value: string): unknown;
}

/** The stored status, and `Idempotent-Replayed: true` on a replay (a route with `@Res({ passthrough: true })`). */
export function replyIdempotent(response: ReplyHeaders, result: IdempotentResult<unknown>): void {
  response.status(result.status);
  if (result.replayed) response.setHeader('Idempotent-Replayed', 'true');
}
