import { TestBed } from '@angular/core/testing';
import { Router, UrlTree, provideRouter, type ActivatedRouteSnapshot, type RouterStateSnapshot } from '@angular/router';
import type { SessionResponse } from '@federacycle/contracts';
import { abilityGuard, signedInGuard } from './ability.guard';
import { AuthService } from './auth.service';

const state = { url: '/people' } as RouterStateSnapshot;
const route = {} as ActivatedRouteSnapshot;

function sessionWith(roles: SessionResponse['principal']['roles']): SessionResponse {
  return {
    accessToken: 'a',
    refreshToken: 'r',
    expiresIn: 900,
    principal: { userId: 'u', email: 'e@x.coop', name: 'E', coopId: 'c', roles, platformRoles: [], sessionId: 's' },
    memberships: [{ coopId: 'c', coopSlug: 'c', coopName: 'C', roles }],
  };
}

describe('route guards', () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
  });

  const run = (guard: typeof signedInGuard): ReturnType<typeof signedInGuard> =>
    TestBed.runInInjectionContext(() => guard(route, state));
  const serialize = (result: unknown): string =>
    result instanceof UrlTree ? TestBed.inject(Router).serializeUrl(result) : String(result);

  it('sends a signed-out visitor to sign-in with a return URL', () => {
    expect(serialize(run(signedInGuard))).toBe('/sign-in?returnUrl=%2Fpeople');
    expect(serialize(run(abilityGuard('read', 'Member')))).toBe('/sign-in?returnUrl=%2Fpeople');
  });

  it('lets a coop admin read members', () => {
    TestBed.inject(AuthService).applySession(sessionWith(['coop_admin']));
    expect(run(abilityGuard('read', 'Member'))).toBe(true);
  });

  it('sends a courier to the forbidden page for members', () => {
    TestBed.inject(AuthService).applySession(sessionWith(['courier']));
    expect(serialize(run(abilityGuard('read', 'Member')))).toBe('/forbidden');
  });
});
