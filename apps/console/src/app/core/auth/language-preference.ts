import { Injectable, inject } from '@angular/core';
import { type Observable, map, of } from 'rxjs';
import { I18nService, type Lang } from '../i18n/i18n.service';
import { AuthService } from './auth.service';

/** The language switch: the console follows at once, and a signed-in person's account keeps the choice. */
@Injectable({ providedIn: 'root' })
export class LanguagePreference {
  private readonly auth = inject(AuthService);
  private readonly i18n = inject(I18nService);

  /**
   * Uses `lang` now; for a signed-in person whose account holds another language, saves it there
   * (their mails are written in it, their next sign-in opens in it). Completes at once when there
   * is nothing to save; errors when saving failed (the console keeps the language all the same).
   */
  choose(lang: Lang): Observable<void> {
    this.i18n.use(lang);
    const principal = this.auth.principal();
    if (!principal || principal.locale === lang) return of(undefined);
    return this.auth.saveLocale(lang).pipe(map(() => undefined));
  }
}
