import { TestBed } from '@angular/core/testing';
import { en } from './en';
import { fr } from './fr';
import { I18nService, LANG_STORAGE_KEY, interpolate } from './i18n.service';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  const enKeys = Object.keys(en).sort();
  const frKeys = Object.keys(fr).sort();

  it('has every English key in French', () => {
    const missing = enKeys.filter((key) => !(key in fr));
    expect(missing).toEqual([]);
  });

  it('has no French key unknown in English', () => {
    const extra = frKeys.filter((key) => !(key in en));
    expect(extra).toEqual([]);
  });

  it.each(enKeys)('%s is non-empty and keeps the same placeholders in French', (key) => {
    const k = key as keyof typeof en;
    expect(en[k].trim()).not.toBe('');
    expect(fr[k].trim()).not.toBe('');
    expect(placeholders(fr[k])).toEqual(placeholders(en[k]));
  });

  it('writes French with accents and typographic apostrophes', () => {
    expect(fr['signIn.forgot']).toBe('Mot de passe oublié ?');
    expect(Object.values(fr).some((text) => text.includes("'"))).toBe(false);
  });
});

describe('interpolate', () => {
  it('replaces known placeholders and leaves unknown ones visible', () => {
    expect(interpolate('Hello, {name} ({role})', { name: 'Ada' })).toBe('Hello, Ada ({role})');
    expect(interpolate('{n} items', { n: 3 })).toBe('3 items');
  });
});

describe('I18nService', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.resetTestingModule();
  });

  it('switches language at run time, sets <html lang> and remembers the choice', () => {
    const i18n = TestBed.inject(I18nService);
    i18n.use('en');
    TestBed.tick();
    expect(i18n.t('signIn.title')).toBe('Sign in');
    expect(document.documentElement.lang).toBe('en');

    i18n.use('fr');
    TestBed.tick();
    expect(i18n.t('signIn.title')).toBe('Se connecter');
    expect(i18n.t('home.greeting', { name: 'Zoé' })).toBe('Bonjour, Zoé');
    expect(document.documentElement.lang).toBe('fr');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('fr');
  });

  it('starts with the stored language', () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'fr');
    expect(TestBed.inject(I18nService).lang()).toBe('fr');
  });
});
