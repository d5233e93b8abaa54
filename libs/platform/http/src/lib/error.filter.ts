import { ArgumentsHost, Catch, HttpException, Inject, Logger, Optional, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { ApiErrorBody } from '@federacycle/contracts';
import { Database, TenantContext, PgErrorCode, pgErrorCode } from '@federacycle/platform-database';
import { ApiException } from './api-exception';

interface BodyParserError {
  type?: string;
  status?: number;
}

function statusCode(status: number): ApiErrorBody['code'] {
  switch (status) {
    case 400:
      return 'VALIDATION_FAILED';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'RATE_LIMITED';
    default:
      return status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED';
  }
}

/**
 * Every error leaves as `ApiErrorBody`: a stable code, a human message, the request id.
 * Unknown errors become a 500 with a generic message and are logged with their stack on
 * the server only: no stack trace ever reaches a client.
 *
 * With the database, a request whose precondition (a deferred session check) has not passed
 * yet is checked first, and a refusal replaces the error: a signed-out caller learns that
 * (401), not that an id was malformed or a row missing.
 */
/** pg-pool's refusal when no connection freed up within `connectionTimeoutMillis`. */
function isPoolExhausted(exception: unknown): boolean {
  return exception instanceof Error && exception.message === 'timeout exceeded when trying to connect';
}

@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  constructor(@Optional() @Inject(Database) private readonly db?: Database) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (this.db && TenantContext.pendingPrecondition()) {
      this.db.verifyPrecondition().then(
        () => this.render(exception, response),
        (refusal: unknown) => this.render(refusal, response),
      );
      return;
    }
    this.render(exception, response);
  }

  private render(exception: unknown, response: Response): void {
    // every connection of the pool stayed busy past its wait: the service is saturated, not broken
    if (isPoolExhausted(exception)) {
      exception = new ApiException(
        503,
        'SERVICE_UNAVAILABLE',
        'The service is very busy right now; try again in a moment',
        undefined,
        { 'Retry-After': '2' },
      );
    }
    const body = this.toBody(exception);
    body.requestId = TenantContext.requestId();
    if (exception instanceof ApiException && exception.headers) {
      for (const [name, value] of Object.entries(exception.headers)) response.setHeader(name, value);
    }
    if (body.statusCode >= 500) {
      this.logger.error(
        { err: exception instanceof Error ? { message: exception.message, stack: exception.stack } : exception },
        'unhandled error',
      );
    }
    if (!response.headersSent) response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof ApiException) {
      return {
        statusCode: exception.getStatus(),
        code: exception.code as ApiErrorBody['code'],
        message: exception.message,
        ...(exception.errors ? { errors: exception.errors } : {}),
        ...(exception.details ? { details: exception.details } : {}),
      };
    }
    const parser = exception as BodyParserError;
    if (parser && typeof parser === 'object' && typeof parser.type === 'string') {
      if (parser.type === 'entity.parse.failed') {
        return { statusCode: 400, code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' };
      }
      if (parser.type === 'entity.too.large') {
        return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' };
      }
      if (parser.type === 'charset.unsupported' || parser.type === 'encoding.unsupported') {
        return { statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported body encoding' };
      }
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 404) {
        return { statusCode: 404, code: 'ROUTE_NOT_FOUND', message: 'No such endpoint' };
      }
      if (status === 413)
        return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' };
      return {
        statusCode: status,
        code: statusCode(status),
        message: status >= 500 ? 'Something went wrong on our side' : exception.message,
      };
    }
    const pg = pgErrorCode(exception);
    if (pg === PgErrorCode.INVALID_TEXT_REPRESENTATION) {
      return { statusCode: 400, code: 'VALIDATION_FAILED', message: 'A value has the wrong format' };
    }
    if (pg === PgErrorCode.UNIQUE_VIOLATION) {
      return { statusCode: 409, code: 'CONFLICT', message: 'This already exists' };
    }
    if (pg === PgErrorCode.FOREIGN_KEY_VIOLATION) {
      return { statusCode: 404, code: 'NOT_FOUND', message: 'A referenced record does not exist' };
    }
    if (pg === PgErrorCode.INSUFFICIENT_PRIVILEGE) {
      return { statusCode: 404, code: 'NOT_FOUND', message: 'Not found' };
    }
    return {
      statusCode: 500,
      code: 'INTERNAL',
      message: 'Something went wrong on our side; the request id helps us find it',
    };
  }
}
