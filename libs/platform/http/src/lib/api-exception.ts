import { HttpException } from '@nestjs/common';
import type { ApiErrorBody, ErrorCode, FieldError } from '@federacycle/contracts';

/**
 * The one exception domain code throws for a 4xx: a status, a stable code and a message a
 * person can act on. The global filter renders it as `ApiErrorBody`.
 */
export class ApiException extends HttpException {
  constructor(
    status: number,
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
    readonly details?: Record<string, unknown>,
  ) {
    super({ statusCode: status, code, message, errors, details } satisfies ApiErrorBody, status);
  }

  static notFound(what: string): ApiException {
    return new ApiException(404, 'NOT_FOUND', `${what} not found`);
  }

  static forbidden(message = 'You do not have permission to do this'): ApiException {
    return new ApiException(403, 'FORBIDDEN', message);
  }

  static conflict(code: ErrorCode, message: string): ApiException {
    return new ApiException(409, code, message);
  }

  static validation(errors: FieldError[], message = 'Some fields are invalid'): ApiException {
    return new ApiException(400, 'VALIDATION_FAILED', message, errors);
  }
}
