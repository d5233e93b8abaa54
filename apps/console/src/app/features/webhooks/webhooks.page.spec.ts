import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { WebhookSubscriptionView } from '@federacycle/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { WebhooksPage } from './webhooks.page';

const subscription = (over: Partial<WebhookSubscriptionView>): WebhookSubscriptionView => ({
  id: 's-1',
  clientId: null,
  clientName: null,
  url: 'https://shop.example/hooks',
  events: ['delivery.completed'],
  flavour: 'native',
  state: 'active',
  failingSince: null,
  secretHint: 'whsec_Ab3d…',
  previousSecretUntil: null,
  createdAt: '2026-12-07T10:00:00Z',
  updatedAt: '2026-12-07T10:00:00Z',
  ...over,
});

describe('WebhooksPage (the coop admin’s subscriptions)', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [WebhooksPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations()],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  function render(lang: 'en' | 'fr', items: WebhookSubscriptionView[]) {
    TestBed.inject(I18nService).use(lang);
    const fixture = TestBed.createComponent(WebhooksPage);
    fixture.detectChanges();
    http.expectOne((r) => r.url.endsWith('/api/webhooks/subscriptions')).flush({ items, total: items.length });
    fixture.detectChanges();
    return { fixture, root: fixture.nativeElement as HTMLElement };
  }

  it('shows a failing subscription with since when, and a partner’s with its owner (English and French)', () => {
    const items = [
      subscription({ state: 'failing', failingSince: '2026-12-06T08:30:00Z' }),
      subscription({ id: 's-2', clientId: 'c-1', clientName: 'Épicerie Vitton', url: 'https://epicerie.example/wh' }),
    ];
    const { root } = render('en', items);
    const text = root.textContent ?? '';
    expect(text).toContain('Failing');
    expect(text).toMatch(/since 06\/12\/2026/);
    expect(text).toContain('Épicerie Vitton');
    expect(text).toContain('The cooperative');
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      imports: [WebhooksPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations()],
    });
    http = TestBed.inject(HttpTestingController);
    const fr = render('fr', items).root.textContent ?? '';
    expect(fr).toContain('En échec');
    expect(fr).toMatch(/depuis le 06\/12\/2026/);
  });

  it('creates a subscription and shows its secret once, until the admin says it is stored', () => {
    const { fixture, root } = render('en', []);
    (root.querySelector('[data-action=new-webhook]') as HTMLButtonElement).click();
    fixture.detectChanges();
    const input = root.querySelector('input[name=url]') as HTMLInputElement;
    input.value = 'https://shop.example/hooks';
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    (root.querySelector('[data-form=new-webhook] button[type=submit]') as HTMLButtonElement).click();
    const create = http.expectOne((r) => r.method === 'POST' && r.url.endsWith('/api/webhooks/subscriptions'));
    expect(create.request.body).toEqual({
      url: 'https://shop.example/hooks',
      events: ['delivery.picked_up', 'delivery.completed', 'delivery.failed'],
    });
    create.flush({ ...subscription({}), secret: 'whsec_the-secret' });
    http.expectOne((r) => r.url.endsWith('/api/webhooks/subscriptions')).flush({ items: [subscription({})], total: 1 });
    fixture.detectChanges();
    expect((root.querySelector('[data-field=secret]') as HTMLInputElement).value).toBe('whsec_the-secret');
    const done = [...root.querySelectorAll('[data-panel=secret] button')].find((b) =>
      b.textContent?.includes('stored'),
    );
    (done as HTMLButtonElement).click();
    fixture.detectChanges();
    expect(root.querySelector('[data-panel=secret]')).toBeNull();
    expect(root.textContent).not.toContain('whsec_the-secret');
  });
});
