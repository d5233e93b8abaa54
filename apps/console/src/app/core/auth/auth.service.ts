import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import {
  defineAbilityFor,
  type AppAbility,
  type MeResponse,
  type MembershipSummary,
  type Principal,
  type SessionResponse,
  type SignInRequest,
  type SupportedLocale,
  type UpdateMeRequest,
} from '@federacycle/contracts';
import { Observable, catchError, finalize, firstValueFrom, map, of, shareReplay, tap, throwError } from 'rxjs';
import { I18nService } from '../i18n/i18n.service';
import { TokenStorage } from './token-storage';

export const API_BASE = '/api';
export const AUTH_URLS = {
  signIn: `${API_BASE}/auth/sign-in`,
  refresh: `${API_BASE}/auth/refresh`,
  signOut: `${API_BASE}/auth/sign-out`,
  switchCoop: `${API_BASE}/auth/switch-coop`,
  me: `${API_BASE}/auth/me`,
} as const;

/** The signed-in person as signals; the single owner of tokens and of the session. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly tokens = inject(TokenStorage);
  private readonly i18n = inject(I18nService);

  private readonly principalState = signal<Principal | null>(null);
  private readonly membershipsState = signal<MembershipSummary[]>([]);
  private refreshInFlight: Observable<string> | null = null;

  readonly principal = this.principalState.asReadonly();
  readonly memberships = this.membershipsState.asReadonly();
  readonly signedIn = computed(() => this.principalState() !== null);
  readonly ability = computed<AppAbility>(() => {
    const principal = this.principalState();
    return defineAbilityFor(principal ?? { coopId: null, roles: [], platformRoles: [] });
  });
  readonly currentMembership = computed<MembershipSummary | null>(() => {
    const coopId = this.principalState()?.coopId ?? null;
    return this.membershipsState().find((m) => m.coopId === coopId) ?? null;
  });

  get accessToken(): string | null {
    return this.tokens.accessToken;
  }

  /** At start-up: rebuilds the session from stored tokens, never throws. */
  async restore(): Promise<void> {
    if (!this.tokens.accessToken && !this.tokens.refreshToken) return;
    try {
      if (!this.tokens.accessToken) await firstValueFrom(this.refresh());
      const me = await firstValueFrom(this.http.get<MeResponse>(AUTH_URLS.me));
      this.setPrincipal(me.principal);
      this.membershipsState.set(me.memberships);
    } catch {
      this.clearSession();
    }
  }

  signIn(request: SignInRequest): Observable<SessionResponse> {
    return this.http.post<SessionResponse>(AUTH_URLS.signIn, request).pipe(tap((s) => this.applySession(s)));
  }

  switchCoop(coopId: string): Observable<SessionResponse> {
    return this.http.post<SessionResponse>(AUTH_URLS.switchCoop, { coopId }).pipe(tap((s) => this.applySession(s)));
  }

  /**
   * Saves the person's language to their account (their mails are written in it, and their next
   * sign-in, on any device, opens in it). The caller has already switched the console to it.
   */
  saveLocale(locale: SupportedLocale): Observable<MeResponse> {
    const body: UpdateMeRequest = { locale };
    return this.http.patch<MeResponse>(AUTH_URLS.me, body).pipe(
      tap((me) => {
        this.principalState.set(me.principal);
        this.membershipsState.set(me.memberships);
      }),
    );
  }

  /**
   * Exchanges the refresh token for a new session. Single-flight: concurrent callers
   * share one request (refresh tokens are single use). Emits the new access token.
   */
  refresh(): Observable<string> {
    if (this.refreshInFlight) return this.refreshInFlight;
    const refreshToken = this.tokens.refreshToken;
    if (!refreshToken) return throwError(() => new Error('No refresh token'));
    this.refreshInFlight = this.http.post<SessionResponse>(AUTH_URLS.refresh, { refreshToken }).pipe(
      tap((s) => this.applySession(s)),
      map((s) => s.accessToken),
      finalize(() => (this.refreshInFlight = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.refreshInFlight;
  }

  /** Applies a session returned by sign-in, refresh, switch-coop or invitation acceptance. */
  applySession(session: SessionResponse): void {
    this.tokens.save(session.accessToken, session.refreshToken);
    this.setPrincipal(session.principal);
    this.membershipsState.set(session.memberships);
  }

  /** Revokes the session on the server (best effort) and forgets it locally. */
  signOut(): void {
    const hadToken = this.tokens.accessToken !== null;
    const done = (): void => {
      this.clearSession();
      void this.router.navigateByUrl('/sign-in');
    };
    if (!hadToken) {
      done();
      return;
    }
    this.http
      .post<void>(AUTH_URLS.signOut, {})
      .pipe(catchError(() => of(undefined)))
      .subscribe({ complete: done });
  }

  /** Forgets the session without calling the server (e.g. after a failed refresh). */
  endSessionLocally(): void {
    this.clearSession();
    const current = this.router.url;
    void this.router.navigate(
      ['/sign-in'],
      current && current !== '/sign-in' ? { queryParams: { returnUrl: current } } : {},
    );
  }

  /**
   * When a person signs in (or their session is restored), the console takes the language saved
   * to their account, if they chose one; a refresh or a coop switch of the same person leaves the
   * language as it is.
   */
  private setPrincipal(principal: Principal): void {
    const previous = this.principalState();
    this.principalState.set(principal);
    if (principal.locale && previous?.userId !== principal.userId) this.i18n.use(principal.locale);
  }

  private clearSession(): void {
    this.tokens.clear();
    this.principalState.set(null);
    this.membershipsState.set([]);
  }
}
