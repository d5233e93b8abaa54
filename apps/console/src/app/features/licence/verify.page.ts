import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { LicenceVerificationResponse } from '@federacycle/contracts';
import { fieldErrorText } from '../../core/api/form-errors';
import { PublicFederationApi } from '../federation/data/federation-api';
import { toProblemText } from '../../core/api/problem-text';
import { I18nService } from '../../core/i18n/i18n.service';
import { VerifyResultComponent } from './verify-result.component';

/** Public page: paste a licence, see whether the federation vouches for it. */
@Component({
  selector: 'fc-verify-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatCardModule,
    MatInputModule,
    MatButtonModule,
    MatProgressBarModule,
    VerifyResultComponent,
  ],
  template: `
    <mat-card appearance="outlined" class="card">
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('app.loading')" />
      }
      <mat-card-content>
        <h1>{{ t('verify.title') }}</h1>
        <p class="fc-muted">{{ t('verify.intro') }}</p>
        <form class="fc-form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <mat-form-field>
            <mat-label>{{ t('verify.licence') }}</mat-label>
            <textarea matInput [formControl]="licenceControl" rows="5" class="mono" required></textarea>
            <mat-error>{{ errorText() }}</mat-error>
          </mat-form-field>
          <div class="fc-form-actions">
            <button mat-flat-button type="submit" [disabled]="busy()">{{ t('verify.submit') }}</button>
          </div>
        </form>
        @if (error(); as message) {
          <p class="fc-error-banner" role="alert">{{ message }}</p>
        }
        @if (result(); as r) {
          <fc-verify-result [result]="r" />
        }
      </mat-card-content>
      <mat-card-actions>
        <a mat-button routerLink="/apply">{{ t('apply.startLink') }}</a>
      </mat-card-actions>
    </mat-card>
  `,
  styles: `
    .card {
      max-width: 720px;
      margin: 24px auto;
    }
    .mono {
      font-family: ui-monospace, monospace;
      word-break: break-all;
    }
  `,
})
export class VerifyPage implements OnInit {
  private readonly api = inject(PublicFederationApi);
  protected readonly t = inject(I18nService).t;

  /** optional query parameter: a licence to check right away */
  readonly licence = input<string>();

  protected readonly licenceControl = new FormControl('', { nonNullable: true, validators: [Validators.required] });
  protected readonly form = new FormGroup({ licence: this.licenceControl });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly result = signal<LicenceVerificationResponse | null>(null);

  ngOnInit(): void {
    const given = this.licence();
    if (given) {
      this.licenceControl.setValue(given);
      this.submit();
    }
  }

  protected errorText(): string {
    return fieldErrorText(this.t, this.licenceControl);
  }

  protected submit(): void {
    if (this.licenceControl.invalid) {
      this.licenceControl.markAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.result.set(null);
    this.api.verifyLicence(this.licenceControl.value.replace(/\s+/g, '')).subscribe({
      next: (result) => {
        this.result.set(result);
        this.busy.set(false);
      },
      error: (error: unknown) => {
        this.error.set(toProblemText(this.t, error));
        this.busy.set(false);
      },
    });
  }
}
