import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router, TitleStrategy, provideRouter } from '@angular/router';
import { I18nService } from './i18n.service';
import { TranslatedTitleStrategy } from './translated-title.strategy';

@Component({ template: '' })
class BlankComponent {}

describe('TranslatedTitleStrategy', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'people', title: 'people.title', component: BlankComponent },
          { path: 'plain', title: 'Not a key', component: BlankComponent },
          { path: 'none', component: BlankComponent },
        ]),
        { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
      ],
    });
    TestBed.inject(I18nService).use('en');
  });

  const title = (): string => TestBed.inject(Title).getTitle();

  it('translates the route title key and appends the app name', async () => {
    await TestBed.inject(Router).navigateByUrl('/people');
    expect(title()).toBe('People · Federacycle');
  });

  it('follows a language switch without a navigation', async () => {
    await TestBed.inject(Router).navigateByUrl('/people');
    TestBed.inject(I18nService).use('fr');
    TestBed.tick();
    expect(title()).toBe('Personnes · Federacycle');
  });

  it('shows a title that is not a key as written, and the app name alone without one', async () => {
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/plain');
    expect(title()).toBe('Not a key · Federacycle');
    await router.navigateByUrl('/none');
    expect(title()).toBe('Federacycle');
  });
});
