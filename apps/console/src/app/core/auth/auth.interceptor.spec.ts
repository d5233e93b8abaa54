import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { SessionResponse } from '@federacycle/contracts';
import { authInterceptor } from './auth.interceptor';
import { AUTH_URLS, AuthService } from './auth.service';
import { ACCESS_TOKEN_KEY, REFRESH_TOKEN_KEY } from './token-storage';

function session(accessToken: string, refreshToken: string): SessionResponse {
  return {
    accessToken,
    refreshToken,
    expiresIn: 900,
    principal: {
      userId: 'u1',
      email: 'ada@example.coop',
      name: 'Ada',
      coopId: 'c1',
      roles: ['coop_admin'],
      platformRoles: [],
      sessionId: 's1',
    },
    memberships: [{ coopId: 'c1', coopSlug: 'velo', coopName: 'Vélo', roles: ['coop_admin'] }],
  };
}

@Component({ template: '' })
class StubPage {}

const expired = { statusCode: 401, code: 'TOKEN_EXPIRED', message: 'expired' };

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let auth: AuthService;

  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    sessionStorage.setItem(ACCESS_TOKEN_KEY, 'old-access');
    localStorage.setItem(REFRESH_TOKEN_KEY, 'old-refresh');
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: '**', component: StubPage }]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthService);
  });

  afterEach(() => backend.verify());

  it('adds the bearer to API calls only', () => {
    http.get('/api/members').subscribe();
    http.get('/assets/logo.svg').subscribe();
    expect(backend.expectOne('/api/members').request.headers.get('Authorization')).toBe('Bearer old-access');
    expect(backend.expectOne('/assets/logo.svg').request.headers.has('Authorization')).toBe(false);
  });

  it('refreshes once for concurrent TOKEN_EXPIRED failures and replays both calls', () => {
    const results: unknown[] = [];
    http.get('/api/members').subscribe((body) => results.push(body));
    http.get('/api/invitations').subscribe((body) => results.push(body));

    backend.expectOne('/api/members').flush(expired, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/api/invitations').flush(expired, { status: 401, statusText: 'Unauthorized' });

    const refresh = backend.expectOne(AUTH_URLS.refresh);
    expect(refresh.request.body).toEqual({ refreshToken: 'old-refresh' });
    expect(refresh.request.headers.has('Authorization')).toBe(false);
    refresh.flush(session('new-access', 'new-refresh'));

    const retries = [backend.expectOne('/api/members'), backend.expectOne('/api/invitations')];
    for (const retry of retries) {
      expect(retry.request.headers.get('Authorization')).toBe('Bearer new-access');
    }
    retries[0].flush({ items: [], total: 0 });
    retries[1].flush({ items: [], total: 1 });

    expect(results).toEqual([
      { items: [], total: 0 },
      { items: [], total: 1 },
    ]);
    expect(sessionStorage.getItem(ACCESS_TOKEN_KEY)).toBe('new-access');
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('new-refresh');
    expect(auth.principal()?.name).toBe('Ada');
  });

  it('refreshes when the roles in the token have changed (TOKEN_STALE) and replays with the new roles', () => {
    let body: unknown = null;
    http.get('/api/members').subscribe((b) => (body = b));
    backend
      .expectOne('/api/members')
      .flush(
        { statusCode: 401, code: 'TOKEN_STALE', message: 'roles changed' },
        { status: 401, statusText: 'Unauthorized' },
      );
    backend.expectOne(AUTH_URLS.refresh).flush(session('newer-access', 'newer-refresh'));
    const retry = backend.expectOne('/api/members');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer newer-access');
    retry.flush({ items: [], total: 0 });
    expect(body).toEqual({ items: [], total: 0 });
  });

  it('signs out and rethrows when the refresh fails', () => {
    const signOut = jest.spyOn(auth, 'endSessionLocally');
    let failure: HttpErrorResponse | null = null;
    http.get('/api/members').subscribe({ error: (e: HttpErrorResponse) => (failure = e) });

    backend.expectOne('/api/members').flush(expired, { status: 401, statusText: 'Unauthorized' });
    backend
      .expectOne(AUTH_URLS.refresh)
      .flush(
        { statusCode: 401, code: 'SESSION_REVOKED', message: 'revoked' },
        { status: 401, statusText: 'Unauthorized' },
      );

    expect(signOut).toHaveBeenCalledTimes(1);
    expect(failure).not.toBeNull();
    expect((failure as unknown as HttpErrorResponse).status).toBe(401);
    expect(sessionStorage.getItem(ACCESS_TOKEN_KEY)).toBeNull();
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });

  it.each([
    [401, 'TOKEN_INVALID'],
    [401, 'SESSION_REVOKED'],
    [403, 'FORBIDDEN'],
  ])('does not refresh on %s %s', (code, errorCode) => {
    let status = 0;
    http.get('/api/members').subscribe({ error: (e: HttpErrorResponse) => (status = e.status) });
    backend
      .expectOne('/api/members')
      .flush({ statusCode: code, code: errorCode, message: 'no' }, { status: code, statusText: 'Refused' });
    backend.expectNone(AUTH_URLS.refresh);
    expect(status).toBe(code);
  });

  it('does not retry a replayed call twice', () => {
    let status = 0;
    http.get('/api/members').subscribe({ error: (e: HttpErrorResponse) => (status = e.status) });
    backend.expectOne('/api/members').flush(expired, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne(AUTH_URLS.refresh).flush(session('new-access', 'new-refresh'));
    backend.expectOne('/api/members').flush(expired, { status: 401, statusText: 'Unauthorized' });
    backend.expectNone(AUTH_URLS.refresh);
    expect(status).toBe(401);
  });
});
