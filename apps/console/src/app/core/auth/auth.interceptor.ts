import { HttpErrorResponse, type HttpInterceptorFn, type HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { ErrorCode, type ApiErrorBody } from '@federacycle/contracts';
import { catchError, switchMap, throwError } from 'rxjs';
import { API_BASE, AUTH_URLS, AuthService } from './auth.service';

/** Calls that must never carry a bearer nor trigger a refresh. */
const ANONYMOUS_URLS: readonly string[] = [AUTH_URLS.signIn, AUTH_URLS.refresh];

function isApiCall(req: HttpRequest<unknown>): boolean {
  return req.url === API_BASE || req.url.startsWith(`${API_BASE}/`);
}

function withBearer(req: HttpRequest<unknown>, token: string | null): HttpRequest<unknown> {
  return token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;
}

/** 401s that a fresh access token cures: it expired, or the roles it carries have changed. */
const RENEWABLE: readonly string[] = [ErrorCode.TOKEN_EXPIRED, ErrorCode.TOKEN_STALE];

function needsNewToken(error: unknown): boolean {
  if (!(error instanceof HttpErrorResponse) || error.status !== 401) return false;
  const body = error.error as Partial<ApiErrorBody> | null;
  return typeof body?.code === 'string' && RENEWABLE.includes(body.code);
}

/**
 * Adds `Authorization: Bearer` to same-origin API calls. On a renewable 401 it
 * refreshes once (shared by concurrent calls, see AuthService.refresh) and replays the
 * request; if the refresh fails the session ends and the original error is rethrown.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isApiCall(req) || ANONYMOUS_URLS.includes(req.url)) return next(req);
  const auth = inject(AuthService);
  return next(withBearer(req, auth.accessToken)).pipe(
    catchError((error: unknown) => {
      if (!needsNewToken(error)) return throwError(() => error);
      return auth.refresh().pipe(
        catchError(() => {
          auth.endSessionLocally();
          return throwError(() => error);
        }),
        switchMap((token) => next(withBearer(req, token))),
      );
    }),
  );
};
