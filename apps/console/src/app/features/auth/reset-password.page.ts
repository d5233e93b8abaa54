import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { ErrorCode } from '@federacycle/contracts';
import { toApiProblem } from '../../core/api/api-error';
import { applyFieldErrors, fieldErrorText } from '../../core/api/form-errors';
import { AccountApi } from '../../core/auth/account-api';
import { problemText } from '../../core/api/problem-text';
import { I18nService } from '../../core/i18n/i18n.service';
import { createNewPasswordForm } from './password-form';

/** /reset-password?token=... */
@Component({
  selector: 'fc-reset-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, MatCardModule, MatInputModule, MatButtonModule],
  template: `
    <mat-card appearance="outlined" class="fc-page-narrow">
      <mat-card-content>
        <h1>{{ t('reset.title') }}</h1>
        @if (!token()) {
          <p class="fc-error-banner" role="alert">{{ t('reset.missingToken') }}</p>
          <p>
            <a routerLink="/forgot-password">{{ t('reset.askAgain') }}</a>
          </p>
        } @else if (done()) {
          <p class="fc-info-banner" role="status">{{ t('reset.done') }}</p>
          <p>
            <a routerLink="/sign-in">{{ t('signIn.submit') }}</a>
          </p>
        } @else {
          @if (error(); as message) {
            <p class="fc-error-banner" role="alert">{{ message }}</p>
          }
          @if (linkBroken()) {
            <p>
              <a routerLink="/forgot-password">{{ t('reset.askAgain') }}</a>
            </p>
          }
          <form class="fc-form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <mat-form-field>
              <mat-label>{{ t('form.newPassword') }}</mat-label>
              <input matInput type="password" formControlName="password" autocomplete="new-password" required />
              <mat-hint>{{ t('form.passwordHint') }}</mat-hint>
              <mat-error>{{ errorOf('password') }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ t('form.confirmPassword') }}</mat-label>
              <input matInput type="password" formControlName="confirm" autocomplete="new-password" required />
              <mat-error>{{ errorOf('confirm') }}</mat-error>
            </mat-form-field>
            @if (form.hasError('passwordsDiffer') && form.controls.confirm.touched) {
              <p class="mismatch" role="alert">{{ t('form.passwordsDiffer') }}</p>
            }
            <div class="fc-form-actions">
              <button mat-flat-button type="submit" [disabled]="busy()">{{ t('reset.submit') }}</button>
            </div>
          </form>
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .mismatch {
      margin: 0 0 8px;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class ResetPasswordPage {
  private readonly api = inject(AccountApi);
  protected readonly t = inject(I18nService).t;

  readonly token = input<string>();

  protected readonly form = createNewPasswordForm();
  protected readonly busy = signal(false);
  protected readonly done = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly linkBroken = signal(false);

  protected errorOf(name: 'password' | 'confirm'): string {
    return fieldErrorText(this.t, this.form.controls[name]);
  }

  protected submit(): void {
    const token = this.token();
    if (!token) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.api.resetPassword({ token, password: this.form.controls.password.value }).subscribe({
      next: () => {
        this.busy.set(false);
        this.done.set(true);
      },
      error: (error: unknown) => {
        const problem = toApiProblem(error);
        applyFieldErrors(this.form, problem.fieldErrors);
        this.linkBroken.set(problem.code === ErrorCode.LINK_EXPIRED || problem.code === ErrorCode.LINK_INVALID);
        this.error.set(problemText(this.t, problem));
        this.busy.set(false);
      },
    });
  }
}
