import { HttpErrorResponse } from '@angular/common/http';
import { ErrorCode, type FieldError } from '@federacycle/contracts';
import type { TranslationKey } from '../i18n/en';
import type { TranslationParams } from '../i18n/i18n.service';

/** A failed API call, normalised from an HttpErrorResponse (or anything thrown). */
export interface ApiProblem {
  status: number;
  /** a code of the contracts' list; null when the server did not answer with one (network error, proxy page...) */
  code: ErrorCode | null;
  /** the server's own message, when its body had one (English, written for people) */
  serverMessage: string | null;
  fieldErrors: FieldError[];
  /** seconds from the Retry-After header of a 429 */
  retryAfterSeconds: number | null;
}

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

function isKnownCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && KNOWN_CODES.has(value);
}

interface ErrorBodyShape {
  code?: unknown;
  message?: unknown;
  errors?: unknown;
}

function parseRetryAfter(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function isFieldErrors(value: unknown): value is FieldError[] {
  return (
    Array.isArray(value) &&
    value.every((e: unknown) => typeof e === 'object' && e !== null && typeof (e as FieldError).field === 'string')
  );
}

export function toApiProblem(error: unknown): ApiProblem {
  if (!(error instanceof HttpErrorResponse)) {
    return { status: 0, code: null, serverMessage: null, fieldErrors: [], retryAfterSeconds: null };
  }
  const body: unknown = error.error;
  const shape: ErrorBodyShape = typeof body === 'object' && body !== null ? (body as ErrorBodyShape) : {};
  // a body with a code is the API's; a proxy's HTML page or a bare string is not
  const fromApi = typeof shape.code === 'string';
  const message = fromApi && typeof shape.message === 'string' && shape.message.trim() ? shape.message.trim() : null;
  return {
    status: error.status,
    code: isKnownCode(shape.code) ? shape.code : null,
    serverMessage: message,
    fieldErrors: fromApi && isFieldErrors(shape.errors) ? shape.errors : [],
    retryAfterSeconds: parseRetryAfter(error.headers?.get('Retry-After') ?? null),
  };
}

/**
 * Every error code of the contracts with its own message (a new code is a compile error
 * here until it has one). RATE_LIMITED is special-cased (it carries the delay).
 */
export const ERROR_MESSAGE_KEYS: Readonly<Record<ErrorCode, TranslationKey>> = {
  VALIDATION_FAILED: 'error.VALIDATION_FAILED',
  TOO_MANY_PENDING_APPLICATIONS: 'error.TOO_MANY_PENDING_APPLICATIONS',
  PASSWORD_TOO_COMMON: 'error.PASSWORD_TOO_COMMON',
  MALFORMED_JSON: 'error.MALFORMED_JSON',
  PAYLOAD_TOO_LARGE: 'error.PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'error.UNSUPPORTED_MEDIA_TYPE',
  INVALID_ID: 'error.INVALID_ID',
  NOT_FOUND: 'error.NOT_FOUND',
  ROUTE_NOT_FOUND: 'error.ROUTE_NOT_FOUND',
  CONFLICT: 'error.CONFLICT',
  ILLEGAL_TRANSITION: 'error.ILLEGAL_TRANSITION',
  RATE_LIMITED: 'error.RATE_LIMITED_NO_DELAY',
  INTERNAL: 'error.generic',
  SERVICE_UNAVAILABLE: 'error.SERVICE_UNAVAILABLE',
  IDEMPOTENCY_KEY_REUSED: 'error.IDEMPOTENCY_KEY_REUSED',
  IDEMPOTENCY_IN_PROGRESS: 'error.IDEMPOTENCY_IN_PROGRESS',
  UNAUTHENTICATED: 'error.UNAUTHENTICATED',
  INVALID_CREDENTIALS: 'error.INVALID_CREDENTIALS',
  TOKEN_INVALID: 'error.TOKEN_INVALID',
  TOKEN_EXPIRED: 'error.TOKEN_EXPIRED',
  TOKEN_STALE: 'error.TOKEN_STALE',
  SESSION_REVOKED: 'error.SESSION_REVOKED',
  USER_DISABLED: 'error.USER_DISABLED',
  NO_MEMBERSHIP: 'error.NO_MEMBERSHIP',
  FORBIDDEN: 'error.FORBIDDEN',
  LINK_INVALID: 'error.LINK_INVALID',
  LINK_EXPIRED: 'error.LINK_EXPIRED',
  WEAK_PASSWORD: 'error.WEAK_PASSWORD',
  DUPLICATE_REGISTRATION: 'error.DUPLICATE_REGISTRATION',
  REGISTRATION_FORMAT: 'error.REGISTRATION_FORMAT',
  REGISTRATION_CHECKSUM: 'error.REGISTRATION_CHECKSUM',
  UNKNOWN_COUNTRY: 'error.UNKNOWN_COUNTRY',
  UNKNOWN_LEGAL_FORM: 'error.UNKNOWN_LEGAL_FORM',
  STATUTES_EMPTY: 'error.STATUTES_EMPTY',
  STATUTES_TOO_LARGE: 'error.STATUTES_TOO_LARGE',
  STATUTES_NOT_PDF: 'error.STATUTES_NOT_PDF',
  REASON_REQUIRED: 'error.REASON_REQUIRED',
  SANDBOX_TEST_ORDER_LIMIT: 'error.SANDBOX_TEST_ORDER_LIMIT',
  LICENCE_REQUIRED: 'error.LICENCE_REQUIRED',
  UNKNOWN_SETTING: 'error.UNKNOWN_SETTING',
  SETTING_VALUE_INVALID: 'error.SETTING_VALUE_INVALID',
  VOTING_WINDOW_INVALID: 'error.VOTING_WINDOW_INVALID',
  PERCENT_OUT_OF_RANGE: 'error.PERCENT_OUT_OF_RANGE',
  STATUTORY_THRESHOLD: 'error.STATUTORY_THRESHOLD',
  NOT_A_VOTER: 'error.NOT_A_VOTER',
  VOTING_NOT_OPEN: 'error.VOTING_NOT_OPEN',
  VOTE_SAME_INSTANT: 'error.VOTE_SAME_INSTANT',
  PROXY_TO_SELF: 'error.PROXY_TO_SELF',
  PROXY_CHAIN: 'error.PROXY_CHAIN',
  TOO_MANY_PROXIES: 'error.TOO_MANY_PROXIES',
  VOTE_GIVEN_BY_PROXY: 'error.VOTE_GIVEN_BY_PROXY',
  RESULTS_HIDDEN: 'error.RESULTS_HIDDEN',
  PROPOSAL_HAS_BALLOTS: 'error.PROPOSAL_HAS_BALLOTS',
  COLLEGE_NAME_TAKEN: 'error.COLLEGE_NAME_TAKEN',
  COLLEGE_WEIGHTS_OVER_100: 'error.COLLEGE_WEIGHTS_OVER_100',
  COLLEGE_MEMBER_TAKEN: 'error.COLLEGE_MEMBER_TAKEN',
  COLLEGE_NOT_A_MEMBER: 'error.COLLEGE_NOT_A_MEMBER',
  LICENCE_EXPIRED: 'error.LICENCE_EXPIRED',
  COOP_SUSPENDED: 'error.COOP_SUSPENDED',
  COOP_NOT_WORKER_OWNED: 'error.COOP_NOT_WORKER_OWNED',
  LICENCE_MALFORMED: 'verify.status.malformed',
  LICENCE_BAD_ALGORITHM: 'verify.status.bad_algorithm',
  LICENCE_UNKNOWN_KEY: 'verify.status.unknown_key',
  LICENCE_BAD_SIGNATURE: 'verify.status.bad_signature',
  LICENCE_REVOKED: 'verify.status.revoked',
  LICENCE_NOT_YET_VALID: 'verify.status.not_yet_valid',
  OPENING_HOURS_INVALID: 'error.OPENING_HOURS_INVALID',
  CURRENCY_MISMATCH: 'error.CURRENCY_MISMATCH',
  MERCHANT_ARCHIVED: 'error.MERCHANT_ARCHIVED',
  NOT_MERCHANT_STAFF: 'error.NOT_MERCHANT_STAFF',
  VAT_RATE_NOT_ALLOWED: 'error.VAT_RATE_NOT_ALLOWED',
  DUPLICATE_PRODUCT_NAME: 'error.DUPLICATE_PRODUCT_NAME',
  DUPLICATE_CATEGORY_NAME: 'error.DUPLICATE_CATEGORY_NAME',
  OPTION_GROUP_INVALID: 'error.OPTION_GROUP_INVALID',
  REORDER_MISMATCH: 'error.REORDER_MISMATCH',
  MENU_IMPORT_INVALID: 'error.MENU_IMPORT_INVALID',
  IMAGE_NOT_SUPPORTED: 'error.IMAGE_NOT_SUPPORTED',
  IMAGE_TOO_LARGE: 'error.IMAGE_TOO_LARGE',
  IMAGE_EMPTY: 'error.IMAGE_EMPTY',
  GEOMETRY_INVALID: 'error.GEOMETRY_INVALID',
  GEOMETRY_RING_OPEN: 'error.GEOMETRY_RING_OPEN',
  GEOMETRY_TOO_FEW_POINTS: 'error.GEOMETRY_TOO_FEW_POINTS',
  GEOMETRY_OUT_OF_RANGE: 'error.GEOMETRY_OUT_OF_RANGE',
  GEOMETRY_SELF_INTERSECTS: 'error.GEOMETRY_SELF_INTERSECTS',
  GEOMETRY_TOO_LARGE: 'error.GEOMETRY_TOO_LARGE',
  ZONE_OUTSIDE_SERVICE_AREA: 'error.ZONE_OUTSIDE_SERVICE_AREA',
  ZONE_NAME_TAKEN: 'error.ZONE_NAME_TAKEN',
  ZONE_IN_USE: 'error.ZONE_IN_USE',
  SERVICE_AREA_EXCLUDES_ZONES: 'error.SERVICE_AREA_EXCLUDES_ZONES',
  GEOJSON_INVALID: 'error.GEOJSON_INVALID',
  NOT_A_COURIER: 'error.NOT_A_COURIER',
  COURIER_PROFILE_EXISTS: 'error.COURIER_PROFILE_EXISTS',
  NO_COURIER_PROFILE: 'error.NO_COURIER_PROFILE',
  VEHICLE_NOTE_REQUIRED: 'error.VEHICLE_NOTE_REQUIRED',
  INVALID_COURIER_TAG: 'error.INVALID_COURIER_TAG',
  INVALID_PHONE: 'error.INVALID_PHONE',
  END_BEFORE_START: 'error.END_BEFORE_START',
  RANGE_TOO_LONG: 'error.RANGE_TOO_LONG',
  SHIFT_OVERLAP: 'error.SHIFT_OVERLAP',
  UNKNOWN_ZONE: 'error.UNKNOWN_ZONE',
  COORDINATES_OUT_OF_RANGE: 'error.COORDINATES_OUT_OF_RANGE',
  COURIER_INACTIVE: 'error.COURIER_INACTIVE',
  ALREADY_ON_DUTY: 'error.ALREADY_ON_DUTY',
  NOT_ON_DUTY: 'error.NOT_ON_DUTY',
  DELIVERY_SHAPE_INVALID: 'error.DELIVERY_SHAPE_INVALID',
  WINDOW_CLOSES_BEFORE_OPENING: 'error.WINDOW_CLOSES_BEFORE_OPENING',
  WINDOW_IN_PAST: 'error.WINDOW_IN_PAST',
  UNKNOWN_COURIER: 'error.UNKNOWN_COURIER',
  TASK_ALREADY_ASSIGNED: 'error.TASK_ALREADY_ASSIGNED',
  TASK_CLOSED: 'error.TASK_CLOSED',
  PICKUP_NOT_DONE: 'error.PICKUP_NOT_DONE',
  ASSIGNMENT_CHANGED: 'error.ASSIGNMENT_CHANGED',
  FAILURE_REASON_REQUIRED: 'error.FAILURE_REASON_REQUIRED',
  NO_PROPOSAL: 'error.NO_PROPOSAL',
  PROPOSAL_STALE: 'error.PROPOSAL_STALE',
  CLIENT_ID_REUSED: 'error.CLIENT_ID_REUSED',
  COURIER_TASK_CONFLICT: 'error.COURIER_TASK_CONFLICT',
  STEP_NOT_FOR_TASK: 'error.STEP_NOT_FOR_TASK',
  PROOF_MISSING: 'error.PROOF_MISSING',
  HANDOVER_CODE_WRONG: 'error.HANDOVER_CODE_WRONG',
  LOCATION_ACCURACY_ABSURD: 'error.LOCATION_ACCURACY_ABSURD',
  LOCATION_IN_FUTURE: 'error.LOCATION_IN_FUTURE',
  LOCATION_TOO_OLD: 'error.LOCATION_TOO_OLD',
  UNKNOWN_MERCHANT: 'error.UNKNOWN_MERCHANT',
  CONTACT_EMAIL_INVALID: 'error.CONTACT_EMAIL_INVALID',
  DATE_RANGE_INVALID: 'error.DATE_RANGE_INVALID',
  TRACKING_NOT_FOUND: 'error.TRACKING_NOT_FOUND',
  PROOF_NOT_FOUND: 'error.PROOF_NOT_FOUND',
  PARTNER_CLIENT_NAME_TAKEN: 'error.PARTNER_CLIENT_NAME_TAKEN',
  WEBHOOK_URL_INVALID: 'error.WEBHOOK_URL_INVALID',
  WEBHOOK_TARGET_FORBIDDEN: 'error.WEBHOOK_TARGET_FORBIDDEN',
  WEBHOOK_HOST_UNRESOLVED: 'error.WEBHOOK_HOST_UNRESOLVED',
  WEBHOOK_LIMIT_REACHED: 'error.WEBHOOK_LIMIT_REACHED',
  WEBHOOK_SUBSCRIPTION_DISABLED: 'error.WEBHOOK_SUBSCRIPTION_DISABLED',
  UNKNOWN_TIME_SLOT: 'error.UNKNOWN_TIME_SLOT',
  TIME_SLOT_NAME_TAKEN: 'error.TIME_SLOT_NAME_TAKEN',
  TIME_SLOT_IN_USE: 'error.TIME_SLOT_IN_USE',
  TIME_SLOT_WINDOW_INVALID: 'error.TIME_SLOT_WINDOW_INVALID',
  TIME_SLOT_PAST: 'error.TIME_SLOT_PAST',
  TIME_SLOT_FULL: 'error.TIME_SLOT_FULL',
  TIME_SLOT_NO_WINDOW: 'error.TIME_SLOT_NO_WINDOW',
  OUTSIDE_SERVICE_AREA: 'error.OUTSIDE_SERVICE_AREA',
  TOO_MANY_TASKS: 'error.TOO_MANY_TASKS',
  PICKUP_REQUIRED: 'error.PICKUP_REQUIRED',
  DELIVERY_UNDER_WAY: 'error.DELIVERY_UNDER_WAY',
  QUOTE_EXPIRED: 'error.QUOTE_EXPIRED',
  QUOTE_USED: 'error.QUOTE_USED',
  CURSOR_INVALID: 'error.CURSOR_INVALID',
  PRICE_EXPRESSION_INVALID: 'error.PRICE_EXPRESSION_INVALID',
  PRICE_RULE_INVALID: 'error.PRICE_RULE_INVALID',
  PRICE_NO_RULE: 'error.PRICE_NO_RULE',
  RULE_SET_ARCHIVED: 'error.RULE_SET_ARCHIVED',
  PARTNER_CREDENTIALS_INVALID: 'error.PARTNER_CREDENTIALS_INVALID',
  PARTNER_SCOPE_MISSING: 'error.PARTNER_SCOPE_MISSING',
  PARTNER_CLIENT_REVOKED: 'error.PARTNER_CLIENT_REVOKED',
};

/**
 * Codes whose meaning depends on what was attempted (the server says why: "You cannot
 * disable your own membership"); their own message is only the fallback when the body
 * carries no message.
 */
export const CONTEXTUAL_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  ErrorCode.CONFLICT,
  ErrorCode.ILLEGAL_TRANSITION,
]);

/** A message of one call site for a code (e.g. PAYLOAD_TOO_LARGE on the statutes upload). */
export type ProblemOverrides = Readonly<Partial<Record<ErrorCode, TranslationKey>>>;

export type ProblemMessage = { key: TranslationKey; params?: TranslationParams } | { serverText: string };

/** What explains a problem to a person: a translation key, or the server's own words. */
export function problemMessage(problem: ApiProblem, overrides: ProblemOverrides = {}): ProblemMessage {
  const code = problem.code;
  if (code !== null && overrides[code]) return { key: overrides[code] };
  if (code === ErrorCode.RATE_LIMITED) {
    return problem.retryAfterSeconds === null
      ? { key: 'error.RATE_LIMITED_NO_DELAY' }
      : { key: 'error.RATE_LIMITED', params: { seconds: problem.retryAfterSeconds } };
  }
  if (code !== null) {
    if (CONTEXTUAL_CODES.has(code) && problem.serverMessage) return { serverText: problem.serverMessage };
    return { key: ERROR_MESSAGE_KEYS[code] };
  }
  // a code this console does not know yet: the server's message says more than a generic one
  if (problem.serverMessage) return { serverText: problem.serverMessage };
  if (problem.status === 0) return { key: 'error.network' };
  return { key: 'error.generic' };
}
