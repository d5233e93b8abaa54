import { DOCUMENT, Injectable, computed, effect, inject, signal } from '@angular/core';
import { en, type Dictionary, type TranslationKey } from './en';
import { fr } from './fr';

export type Lang = 'en' | 'fr';
export const LANGS: readonly Lang[] = ['en', 'fr'];
export const LANG_STORAGE_KEY = 'fc.lang';

export type TranslationParams = Readonly<Record<string, string | number>>;

const DICTIONARIES: Readonly<Record<Lang, Dictionary>> = { en, fr };

/** Replaces `{name}` placeholders; unknown placeholders are left visible. */
export function interpolate(template: string, params?: TranslationParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : match,
  );
}

function isLang(value: string | null | undefined): value is Lang {
  return value === 'en' || value === 'fr';
}

/**
 * Run-time language switch: the language is a signal, `t()` reads it, so every
 * template that calls `t()` re-renders when the language changes (no rebuild).
 */
@Injectable({ providedIn: 'root' })
export class I18nService {
  private readonly document = inject(DOCUMENT);
  private readonly langState = signal<Lang>(this.initialLang());

  readonly lang = this.langState.asReadonly();
  readonly dictionary = computed<Dictionary>(() => DICTIONARIES[this.langState()]);
  /** BCP 47 tag for Intl / DatePipe. */
  readonly locale = computed(() => (this.langState() === 'fr' ? 'fr-FR' : 'en-GB'));

  /** Arrow function so components can expose it directly: `protected readonly t = inject(I18nService).t`. */
  readonly t = (key: TranslationKey, params?: TranslationParams): string => interpolate(this.dictionary()[key], params);

  constructor() {
    effect(() => {
      const lang = this.langState();
      this.document.documentElement.lang = lang;
      try {
        this.document.defaultView?.localStorage.setItem(LANG_STORAGE_KEY, lang);
      } catch {
        // storage may be unavailable (private mode): the choice lives for this page only
      }
    });
  }

  use(lang: Lang): void {
    this.langState.set(lang);
  }

  /** Formats an ISO date for the current language. */
  formatDate(iso: string): string {
    return new Intl.DateTimeFormat(this.locale(), { dateStyle: 'medium' }).format(new Date(iso));
  }

  /** Formats an ISO instant (date and time, short) for the current language. */
  formatDateTime(iso: string): string {
    return new Intl.DateTimeFormat(this.locale(), { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));
  }

  /** Formats a number for the current language, with at most `maxDecimals` decimals. */
  formatNumber(value: number, maxDecimals = 0): string {
    return new Intl.NumberFormat(this.locale(), { maximumFractionDigits: maxDecimals }).format(value);
  }

  private initialLang(): Lang {
    const view = this.document.defaultView;
    let stored: string | null = null;
    try {
      stored = view?.localStorage.getItem(LANG_STORAGE_KEY) ?? null;
    } catch {
      stored = null;
    }
    if (isLang(stored)) return stored;
    const browser = view?.navigator.language?.slice(0, 2);
    return isLang(browser) ? browser : 'en';
  }
}
