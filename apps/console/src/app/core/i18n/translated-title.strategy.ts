import { Injectable, effect, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { TitleStrategy, type RouterStateSnapshot } from '@angular/router';
import { en, type TranslationKey } from './en';
import { I18nService } from './i18n.service';

export const APP_TITLE = 'Federacycle';
const SEPARATOR = ' · ';

export function isTranslationKey(value: string): value is TranslationKey {
  return Object.prototype.hasOwnProperty.call(en, value);
}

/**
 * Each route's `title` is a translation key: the document title is that text in the current
 * language followed by " · Federacycle" (just "Federacycle" without one), and follows a
 * language switch. A `title` that is not a key is shown as written.
 */
@Injectable({ providedIn: 'root' })
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly i18n = inject(I18nService);
  private lastTitle: string | undefined;

  constructor() {
    super();
    effect(() => {
      this.i18n.lang();
      this.apply(this.lastTitle);
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.lastTitle = this.buildTitle(snapshot);
    this.apply(this.lastTitle);
  }

  /** The document title for a route's `title` (exposed for the spec). */
  documentTitle(routeTitle: string | undefined): string {
    if (!routeTitle) return APP_TITLE;
    const text = isTranslationKey(routeTitle) ? this.i18n.t(routeTitle) : routeTitle;
    return `${text}${SEPARATOR}${APP_TITLE}`;
  }

  private apply(routeTitle: string | undefined): void {
    this.title.setTitle(this.documentTitle(routeTitle));
  }
}
