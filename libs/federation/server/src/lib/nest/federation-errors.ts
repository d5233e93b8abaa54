import type { ErrorCode, FieldError } from '@federacycle/contracts';
import { ApiException } from '@federacycle/platform-http';
import { IllegalTransitionError, ReasonRequiredError } from '../lifecycle/state-machine';

/** Maps the pure core's lifecycle errors to HTTP (409 ILLEGAL_TRANSITION, 400 REASON_REQUIRED). */
export function lifecycleError(error: unknown): never {
  if (error instanceof IllegalTransitionError) throw new ApiException(409, 'ILLEGAL_TRANSITION', error.message);
  if (error instanceof ReasonRequiredError) {
    throw new ApiException(400, 'REASON_REQUIRED', error.message, [
      {
        field: 'reason',
        code: 'REASON_REQUIRED',
        message: 'A reason is required.',
      },
    ]);
  }
  throw error;
}

/** Codes that are also top-level error codes: when they are the only problem, they name the error. */
const TOP_LEVEL_FIELD_CODES = new Set<ErrorCode>([
  'REGISTRATION_FORMAT',
  'REGISTRATION_CHECKSUM',
  'UNKNOWN_COUNTRY',
  'UNKNOWN_LEGAL_FORM',
]);

function isTopLevel(code: string): code is ErrorCode {
  return (TOP_LEVEL_FIELD_CODES as Set<string>).has(code);
}

/**
 * 400 for an invalid application: `code` is the field code when every problem has that same
 * federation code (e.g. REGISTRATION_CHECKSUM), else VALIDATION_FAILED; `errors` lists them all.
 */
export function applicationInvalid(errors: FieldError[]): ApiException {
  const codes = new Set(errors.map((e) => e.code));
  const only = codes.size === 1 ? [...codes][0] : undefined;
  const code = only !== undefined && isTopLevel(only) ? only : 'VALIDATION_FAILED';
  return new ApiException(400, code, errors[0]?.message ?? 'The application is invalid', errors);
}

/** Reads the `reason` of a decision body: a string ≤ 2000 characters, or undefined. */
export function reasonOf(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body !== 'object' || Array.isArray(body))
    throw ApiException.validation([
      {
        field: '',
        code: 'NOT_AN_OBJECT',
        message: 'The body must be a JSON object.',
      },
    ]);
  const keys = Object.keys(body);
  const unknown = keys.filter((k) => k !== 'reason');
  if (unknown.length > 0) {
    throw ApiException.validation(
      unknown.map((k) => ({
        field: k.slice(0, 60),
        code: 'unknownField',
        message: `${k.slice(0, 60)} is not an accepted field`,
      })),
    );
  }
  const reason = (body as { reason?: unknown }).reason;
  if (reason === undefined || reason === null) return undefined;
  if (typeof reason !== 'string')
    throw ApiException.validation([
      {
        field: 'reason',
        code: 'NOT_A_STRING',
        message: 'The reason must be text.',
      },
    ]);
  if (reason.length > 2000)
    throw ApiException.validation([
      {
        field: 'reason',
        code: 'TOO_LONG',
        message: 'The reason must be at most 2000 characters.',
      },
    ]);
  return reason;
}
