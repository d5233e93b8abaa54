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

function isTokenExpired(error: unknown): boolean {
  if (!(error instanceof HttpErrorResponse) || error.status !== 401) return false;
  const body = error.error as Partial<ApiErrorBody> | null;
  return body?.code === ErrorCode.TOKEN_EXPIRED;
}

/**
 * Adds `Authorization: Bearer` to same-origin API calls. On a 401 TOKEN_EXPIRED it
 * refreshes once (shared by concurrent calls, see AuthService.refresh) and replays the
 * request; if the refresh fails the session ends and the original error is rethrown.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isApiCall(req) || ANONYMOUS_URLS.includes(req.url)) return next(req);
  const auth = inject(AuthService);
  return next(withBearer(req, auth.accessToken)).pipe(
    catchError((error: unknown) => {
      if (!isTokenExpired(error)) return throwError(() => error);
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
