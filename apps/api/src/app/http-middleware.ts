import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { TenantContext } from '@federacycle/platform-database';
import type { Metrics } from '@federacycle/platform-observability';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Opens the work context of a request: a request id (the caller's, if sane, else new),
 * no coop yet. Authentication narrows it to the caller's coop.
 */
export function requestContext(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header('x-request-id');
  const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('x-request-id', requestId);
  TenantContext.run({ coopId: null, actorId: null, requestId }, next);
}

/** Latency histogram by route template (not by raw URL: ids would explode the cardinality). */
export function httpMetrics(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const end = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      const route = req.route ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** A body that is neither JSON nor a multipart upload is refused with 415 before parsing. */
export function requireJsonBodies(req: Request, res: Response, next: NextFunction): void {
  const hasBody = Number(req.header('content-length') ?? 0) > 0 || req.header('transfer-encoding') !== undefined;
  if (BODY_METHODS.has(req.method) && hasBody && !req.is('application/json') && !req.is('multipart/form-data')) {
    res.status(415).json({
      statusCode: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'Send the body as application/json',
      requestId: TenantContext.requestId(),
    });
    return;
  }
  next();
}
