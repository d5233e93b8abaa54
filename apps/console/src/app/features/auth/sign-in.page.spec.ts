import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { authInterceptor } from '../../core/auth/auth.interceptor';
import { AUTH_URLS } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { SignInPage } from './sign-in.page';

describe('SignInPage', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [SignInPage],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    TestBed.inject(I18nService).use('en');
  });

  async function render(): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(SignInPage);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  async function submit(root: HTMLElement): Promise<void> {
    root.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await new Promise((resolve) => setTimeout(resolve));
  }

  it('shows required errors next to the fields and sends nothing when empty', async () => {
    const root = await render();
    await submit(root);
    const errors = Array.from(root.querySelectorAll('mat-error')).map((e) => e.textContent?.trim());
    expect(errors).toEqual(['This field is required.', 'This field is required.']);
    TestBed.inject(HttpTestingController).expectNone(AUTH_URLS.signIn);
  });

  it('shows a translated message for INVALID_CREDENTIALS', async () => {
    const root = await render();
    const type = (selector: string, value: string): void => {
      const input = root.querySelector<HTMLInputElement>(selector);
      if (!input) throw new Error(`no ${selector}`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    type('input[type=email]', 'ada@example.coop');
    type('input[type=password]', 'wrong password');
    TestBed.inject(I18nService).use('fr');
    await submit(root);

    const req = TestBed.inject(HttpTestingController).expectOne(AUTH_URLS.signIn);
    expect(req.request.body).toEqual({ email: 'ada@example.coop', password: 'wrong password' });
    req.flush(
      { statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'Invalid credentials' },
      { status: 401, statusText: 'Unauthorized' },
    );
    await new Promise((resolve) => setTimeout(resolve));
    expect(root.querySelector('[role=alert]')?.textContent?.trim()).toBe('E-mail ou mot de passe incorrect.');
  });
});
