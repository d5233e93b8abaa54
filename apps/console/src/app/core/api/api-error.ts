import { HttpErrorResponse } from '@angular/common/http';
import { ErrorCode, type ApiErrorBody, type FieldError } from '@federacycle/contracts';
import type { TranslationKey } from '../i18n/en';
import type { TranslationParams } from '../i18n/i18n.service';

/** A failed API call, normalised from an HttpErrorResponse (or anything thrown). */
export interface ApiProblem {
  status: number;
  /** null when the server did not answer with an ApiErrorBody (network error, proxy page...) */
  code: ErrorCode | null;
  fieldErrors: FieldError[];
  /** seconds from the Retry-After header of a 429 */
  retryAfterSeconds: number | null;
}

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const code = (value as { code?: unknown }).code;
  return typeof code === 'string' && KNOWN_CODES.has(code);
}

function parseRetryAfter(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

export function toApiProblem(error: unknown): ApiProblem {
  if (!(error instanceof HttpErrorResponse)) {
    return { status: 0, code: null, fieldErrors: [], retryAfterSeconds: null };
  }
  const body: unknown = error.error;
  const apiBody = isApiErrorBody(body) ? body : null;
  return {
    status: error.status,
    code: apiBody?.code ?? null,
    fieldErrors: apiBody?.errors ?? [],
    retryAfterSeconds: parseRetryAfter(error.headers?.get('Retry-After') ?? null),
  };
}

/** Codes with their own message; the others fall back to a generic one. */
const MESSAGE_KEYS: Partial<Record<ErrorCode, TranslationKey>> = {
  INVALID_CREDENTIALS: 'error.INVALID_CREDENTIALS',
  LINK_EXPIRED: 'error.LINK_EXPIRED',
  LINK_INVALID: 'error.LINK_INVALID',
  WEAK_PASSWORD: 'error.WEAK_PASSWORD',
  VALIDATION_FAILED: 'error.VALIDATION_FAILED',
  USER_DISABLED: 'error.USER_DISABLED',
  NO_MEMBERSHIP: 'error.NO_MEMBERSHIP',
  SESSION_REVOKED: 'error.SESSION_REVOKED',
  TOKEN_EXPIRED: 'error.TOKEN_EXPIRED',
  TOKEN_STALE: 'error.TOKEN_STALE',
  TOKEN_INVALID: 'error.TOKEN_INVALID',
  UNAUTHENTICATED: 'error.UNAUTHENTICATED',
  FORBIDDEN: 'error.FORBIDDEN',
  NOT_FOUND: 'error.NOT_FOUND',
  CONFLICT: 'error.CONFLICT',
  ILLEGAL_TRANSITION: 'error.ILLEGAL_TRANSITION',
  LICENCE_REQUIRED: 'error.LICENCE_REQUIRED',
  LICENCE_EXPIRED: 'error.LICENCE_EXPIRED',
  COOP_SUSPENDED: 'error.COOP_SUSPENDED',
  COOP_NOT_WORKER_OWNED: 'error.COOP_NOT_WORKER_OWNED',
  SERVICE_UNAVAILABLE: 'error.SERVICE_UNAVAILABLE',
};

/** The translation key (and its parameters) that explains a problem to a person. */
export function problemMessage(problem: ApiProblem): { key: TranslationKey; params?: TranslationParams } {
  if (problem.code === ErrorCode.RATE_LIMITED) {
    return problem.retryAfterSeconds === null
      ? { key: 'error.RATE_LIMITED_NO_DELAY' }
      : { key: 'error.RATE_LIMITED', params: { seconds: problem.retryAfterSeconds } };
  }
  if (problem.code !== null) {
    const key = MESSAGE_KEYS[problem.code];
    if (key) return { key };
  }
  if (problem.status === 0) return { key: 'error.network' };
  return { key: 'error.generic' };
}
