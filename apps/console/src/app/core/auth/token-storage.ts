import { DOCUMENT, Injectable, inject } from '@angular/core';

export const ACCESS_TOKEN_KEY = 'fc.accessToken';
export const REFRESH_TOKEN_KEY = 'fc.refreshToken';

/**
 * Access token in sessionStorage (dies with the tab), refresh token in localStorage
 * (survives to open a new tab). Storage failures degrade to "signed out".
 */
@Injectable({ providedIn: 'root' })
export class TokenStorage {
  private readonly window = inject(DOCUMENT).defaultView;

  get accessToken(): string | null {
    return this.read(() => this.window?.sessionStorage.getItem(ACCESS_TOKEN_KEY) ?? null);
  }

  get refreshToken(): string | null {
    return this.read(() => this.window?.localStorage.getItem(REFRESH_TOKEN_KEY) ?? null);
  }

  save(accessToken: string, refreshToken: string): void {
    this.write(() => {
      this.window?.sessionStorage.setItem(ACCESS_TOKEN_KEY, accessToken);
      this.window?.localStorage.setItem(REFRESH_TOKEN_KEY, refreshToken);
    });
  }

  clear(): void {
    this.write(() => {
      this.window?.sessionStorage.removeItem(ACCESS_TOKEN_KEY);
      this.window?.localStorage.removeItem(REFRESH_TOKEN_KEY);
    });
  }

  private read(fn: () => string | null): string | null {
    try {
      return fn();
    } catch {
      return null;
    }
  }

  private write(fn: () => void): void {
    try {
      fn();
    } catch {
      // storage unavailable: the session lives in memory only
    }
  }
}
