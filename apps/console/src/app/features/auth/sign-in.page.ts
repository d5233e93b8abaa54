import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { toApiProblem } from '../../core/api/api-error';
import { applyFieldErrors, fieldErrorText } from '../../core/api/form-errors';
import { problemText } from '../../core/api/problem-text';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';

export type SignInForm = FormGroup<{
  email: FormControl<string>;
  password: FormControl<string>;
}>;

export function createSignInForm(): SignInForm {
  return new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
}

/** Only same-app paths are followed after sign-in (no open redirect). */
export function safeReturnUrl(value: string | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

@Component({
  selector: 'fc-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, MatCardModule, MatInputModule, MatButtonModule, MatProgressBarModule],
  template: `
    <mat-card appearance="outlined" class="fc-page-narrow">
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('app.loading')" />
      }
      <mat-card-header>
        <mat-card-title
          ><h1>{{ t('signIn.title') }}</h1></mat-card-title
        >
        <mat-card-subtitle>{{ t('signIn.subtitle') }}</mat-card-subtitle>
      </mat-card-header>
      <mat-card-content>
        @if (error(); as message) {
          <p class="fc-error-banner" role="alert">{{ message }}</p>
        }
        <form class="fc-form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <mat-form-field>
            <mat-label>{{ t('form.email') }}</mat-label>
            <input matInput type="email" formControlName="email" autocomplete="username" required />
            <mat-error>{{ errorOf('email') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ t('form.password') }}</mat-label>
            <input matInput type="password" formControlName="password" autocomplete="current-password" required />
            <mat-error>{{ errorOf('password') }}</mat-error>
          </mat-form-field>
          <div class="fc-form-actions">
            <button mat-flat-button type="submit" [disabled]="busy()">{{ t('signIn.submit') }}</button>
            <a routerLink="/forgot-password">{{ t('signIn.forgot') }}</a>
          </div>
        </form>
        <p class="public-links">
          <span>{{ t('signIn.noAccount') }}</span>
          <a routerLink="/apply">{{ t('apply.startLink') }}</a>
          <a routerLink="/verify">{{ t('verify.link') }}</a>
        </p>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    h1 {
      margin: 0;
    }
    mat-card-header {
      margin-bottom: 16px;
    }
    .public-links {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      margin: 24px 0 0;
      padding-top: 16px;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
  `,
})
export class SignInPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly t = inject(I18nService).t;

  /** query parameter, bound by the router */
  readonly returnUrl = input<string>();

  protected readonly form = createSignInForm();
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected errorOf(name: keyof SignInForm['controls']): string {
    return fieldErrorText(this.t, this.form.controls[name]);
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.auth.signIn(this.form.getRawValue()).subscribe({
      next: () => {
        this.busy.set(false);
        void this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
      },
      error: (error: unknown) => {
        const problem = toApiProblem(error);
        applyFieldErrors(this.form, problem.fieldErrors);
        this.error.set(problemText(this.t, problem));
        this.busy.set(false);
      },
    });
  }
}
