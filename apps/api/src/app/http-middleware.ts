import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { TenantContext } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
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

/**
 * The OAuth2 token endpoints (native and CoopCycle-compatible), whose clients send an
 * `application/x-www-form-urlencoded` body (RFC 6749); only they accept one.
 */
export const OAUTH_TOKEN_PATH = /^\/(api\/partner|coopcycle\/[a-z0-9-]+)\/oauth2\/token$/;

/** JSON types the API parses: JSON, and JSON-LD (`application/ld+json`, the CoopCycle-compatible API). */
export const JSON_TYPES = ['application/json', 'application/ld+json'];

/**
 * A body that is neither JSON (or JSON-LD) nor a multipart upload is refused with 415 before
 * parsing; the OAuth2 token endpoints also take a form.
 */
export function requireJsonBodies(req: Request, res: Response, next: NextFunction): void {
  const hasBody = Number(req.header('content-length') ?? 0) > 0 || req.header('transfer-encoding') !== undefined;
  const form = OAUTH_TOKEN_PATH.test(req.path) && req.is('application/x-www-form-urlencoded');
  if (BODY_METHODS.has(req.method) && hasBody && !req.is(JSON_TYPES) && !req.is('multipart/form-data') && !form) {
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

/** Deepest nesting of objects and arrays a JSON body may have (`{}` is 1, `{"a":[1]}` is 2). */
export const MAX_JSON_DEPTH = 32;

/**
 * Refuses a parsed JSON body nested deeper than `maxDepth` with 400 VALIDATION_FAILED, before
 * any validation or transformation walks it (recursive walkers overflow the stack on bodies
 * thousands of levels deep, which answered 500). The walk itself is iterative and stops at
 * the first container too deep.
 */
export function limitJsonDepth(maxDepth = MAX_JSON_DEPTH) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (!nestedDeeperThan(req.body, maxDepth)) return next();
    next(
      new ApiException(
        400,
        'VALIDATION_FAILED',
        `The JSON body is nested more than ${maxDepth} levels deep; send a flatter body`,
      ),
    );
  };
}

export function nestedDeeperThan(value: unknown, maxDepth: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const stack: Array<[object, number]> = [[value, 1]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [container, depth] = next;
    if (depth > maxDepth) return true;
    for (const child of Array.isArray(container) ? container : Object.values(container)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}
