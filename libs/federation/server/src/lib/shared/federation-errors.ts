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
