import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MeResponse, SessionResponse, SupportedLocale } from '@federacycle/contracts';
import { I18nService } from '../i18n/i18n.service';
import { AUTH_URLS, AuthService } from './auth.service';
import { LanguagePreference } from './language-preference';

@Component({ template: '' })
class StubPage {}

function session(userId: string, locale: SupportedLocale | null): SessionResponse {
  const principal = {
    userId,
    email: `${userId}@example.coop`,
    name: userId,
    coopId: 'c1',
    roles: ['member' as const],
    platformRoles: [],
    sessionId: `s-${userId}`,
    merchantIds: [],
    locale,
  };
  return {
    accessToken: `access-${userId}`,
    refreshToken: `refresh-${userId}`,
    expiresIn: 900,
    principal,
    memberships: [{ coopId: 'c1', coopSlug: 'velo', coopName: 'Vélo', roles: ['member'] }],
  };
}
const me = (s: SessionResponse): MeResponse => ({ principal: s.principal, memberships: s.memberships });

describe('the language preference of a signed-in person', () => {
  let backend: HttpTestingController;
  let auth: AuthService;
  let i18n: I18nService;
  let languages: LanguagePreference;

  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: '**', component: StubPage }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthService);
    i18n = TestBed.inject(I18nService);
    languages = TestBed.inject(LanguagePreference);
    i18n.use('en');
  });

  afterEach(() => backend.verify());

  function signIn(s: SessionResponse): void {
    auth.signIn({ email: s.principal.email, password: 'secret-password' }).subscribe();
    backend.expectOne(AUTH_URLS.signIn).flush(s);
  }

  it('switches at once and saves the choice to the account', () => {
    signIn(session('ada', null));
    let saved = false;
    languages.choose('fr').subscribe({ complete: () => (saved = true) });
    expect(i18n.lang()).toBe('fr');
    const patch = backend.expectOne(AUTH_URLS.me);
    expect([patch.request.method, patch.request.body]).toEqual(['PATCH', { locale: 'fr' }]);
    expect(saved).toBe(false);
    patch.flush(me(session('ada', 'fr')));
    expect(saved).toBe(true);
    expect(auth.principal()?.locale).toBe('fr');
    // the account already holds it: nothing more to save
    languages.choose('fr').subscribe();
    backend.expectNone(AUTH_URLS.me);
  });

  it('saves nothing for someone not signed in', () => {
    let done = false;
    languages.choose('fr').subscribe({ complete: () => (done = true) });
    expect([i18n.lang(), done]).toEqual(['fr', true]);
    backend.expectNone(AUTH_URLS.me);
  });

  it('keeps the new language in the console when saving fails, and reports the failure', () => {
    signIn(session('ada', 'en'));
    let failed: unknown = null;
    languages.choose('fr').subscribe({ error: (error: unknown) => (failed = error) });
    backend
      .expectOne(AUTH_URLS.me)
      .flush({ statusCode: 400, code: 'VALIDATION_FAILED', message: 'no' }, { status: 400, statusText: 'Bad Request' });
    expect(failed).not.toBeNull();
    expect([i18n.lang(), auth.principal()?.locale]).toEqual(['fr', 'en']);
  });

  it("opens in the account's language on sign-in, and leaves the console's when the account has none", () => {
    signIn(session('bea', 'fr'));
    expect(i18n.lang()).toBe('fr');
    auth.signOut();
    backend.expectOne(AUTH_URLS.signOut).flush(null);
    i18n.use('en');
    signIn(session('cy', null));
    expect(i18n.lang()).toBe('en');
  });

  it('applies it when a stored session is restored, but not again on a refresh of the same person', async () => {
    auth.applySession(session('bea', null));
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: '**', component: StubPage }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthService);
    i18n = TestBed.inject(I18nService);
    i18n.use('en');
    const restored = auth.restore();
    backend.expectOne(AUTH_URLS.me).flush(me(session('bea', 'fr')));
    await restored;
    expect(i18n.lang()).toBe('fr');
    // the person switches back on this device; a token refresh does not undo it
    i18n.use('en');
    auth.refresh().subscribe();
    backend.expectOne(AUTH_URLS.refresh).flush(session('bea', 'fr'));
    expect(i18n.lang()).toBe('en');
  });
});
