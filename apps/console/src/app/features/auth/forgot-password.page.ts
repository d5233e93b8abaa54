import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { toApiProblem } from '../../core/api/api-error';
import { applyFieldErrors, fieldErrorText } from '../../core/api/form-errors';
import { AccountApi } from '../../core/auth/account-api';
import { problemText } from '../../core/api/problem-text';
import { I18nService } from '../../core/i18n/i18n.service';

@Component({
  selector: 'fc-forgot-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, MatCardModule, MatInputModule, MatButtonModule],
  template: `
    <mat-card appearance="outlined" class="fc-page-narrow">
      <mat-card-content>
        <h1>{{ t('forgot.title') }}</h1>
        @if (sentTo(); as email) {
          <p class="fc-info-banner" role="status">{{ t('forgot.sent', { email }) }}</p>
        } @else {
          <p>{{ t('forgot.intro') }}</p>
          @if (error(); as message) {
            <p class="fc-error-banner" role="alert">{{ message }}</p>
          }
          <form class="fc-form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <mat-form-field>
              <mat-label>{{ t('form.email') }}</mat-label>
              <input matInput type="email" formControlName="email" autocomplete="email" required />
              <mat-error>{{ errorText() }}</mat-error>
            </mat-form-field>
            <div class="fc-form-actions">
              <button mat-flat-button type="submit" [disabled]="busy()">{{ t('forgot.submit') }}</button>
            </div>
          </form>
        }
        <p>
          <a routerLink="/sign-in">{{ t('forgot.back') }}</a>
        </p>
      </mat-card-content>
    </mat-card>
  `,
})
export class ForgotPasswordPage {
  private readonly api = inject(AccountApi);
  protected readonly t = inject(I18nService).t;

  protected readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly sentTo = signal<string | null>(null);

  protected errorText(): string {
    return fieldErrorText(this.t, this.form.controls.email);
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { email } = this.form.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    this.api.forgotPassword({ email }).subscribe({
      next: () => {
        this.busy.set(false);
        this.sentTo.set(email);
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
