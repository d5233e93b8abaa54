import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ApplicationStatusView } from '@federacycle/contracts';
import { PublicFederationApi } from '../federation/data/federation-api';
import { toProblemText } from '../../core/api/problem-text';
import { I18nService } from '../../core/i18n/i18n.service';
import { applicationStatusKey } from '../federation/federation-labels';

/** Public page: where an application stands (reached from the link given at submission). */
@Component({
  selector: 'fc-application-status-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatCardModule, MatButtonModule, MatProgressBarModule],
  template: `
    <mat-card appearance="outlined" class="card">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('app.loading')" />
      }
      <mat-card-content>
        <h1>{{ t('applicationStatus.title') }}</h1>
        @if (!token()) {
          <p class="fc-error-banner" role="alert">{{ t('applicationStatus.missingToken') }}</p>
        } @else if (error(); as message) {
          <p class="fc-error-banner" role="alert">{{ message }}</p>
        } @else if (view(); as v) {
          <p class="name">{{ v.name }}</p>
          <p [class]="'fc-status status-line s-' + v.status" role="status">
            {{ t(statusKey(v.status)) }}
          </p>
          <p>{{ t(explanationKey()) }}</p>
          @if (v.reason) {
            <div class="reason">
              <h2>{{ t('applicationStatus.reason') }}</h2>
              <p>{{ v.reason }}</p>
            </div>
          }
          <dl class="dates">
            <dt>{{ t('applicationStatus.submitted') }}</dt>
            <dd>{{ date(v.submittedAt) }}</dd>
            @if (v.decidedAt) {
              <dt>{{ t('applicationStatus.decided') }}</dt>
              <dd>{{ date(v.decidedAt) }}</dd>
            }
          </dl>
          <p class="fc-muted">{{ t('applicationStatus.keepLink') }}</p>
        }
      </mat-card-content>
      <mat-card-actions class="actions">
        @if (view()?.status === 'approved') {
          <a mat-flat-button routerLink="/sign-in">{{ t('signIn.title') }}</a>
        }
        <a mat-button routerLink="/apply">{{ t('applicationStatus.newApplication') }}</a>
      </mat-card-actions>
    </mat-card>
  `,
  styles: `
    .card {
      max-width: 640px;
      margin: 24px auto;
    }
    .name {
      font: var(--mat-sys-title-large);
      margin: 0 0 8px;
      overflow-wrap: anywhere;
    }
    .status-line {
      margin: 0 0 8px;
    }
    .reason {
      padding: 12px 16px;
      border-left: 4px solid var(--mat-sys-error);
      background: var(--mat-sys-surface-container);
      margin-bottom: 16px;
    }
    .reason h2 {
      font: var(--mat-sys-title-small);
      margin: 0 0 4px;
    }
    .reason p {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .dates {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
    }
    dd {
      margin: 0;
    }
    .actions {
      flex-wrap: wrap;
    }
  `,
})
export class ApplicationStatusPage implements OnInit {
  private readonly api = inject(PublicFederationApi);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly statusKey = applicationStatusKey;

  /** route parameter and query parameter, bound by the router */
  readonly id = input.required<string>();
  readonly token = input<string>();

  protected readonly view = signal<ApplicationStatusView | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly explanationKey = computed(() => {
    switch (this.view()?.status) {
      case 'approved':
        return 'applicationStatus.explainApproved' as const;
      case 'rejected':
        return 'applicationStatus.explainRejected' as const;
      case 'under_review':
        return 'applicationStatus.explainUnderReview' as const;
      default:
        return 'applicationStatus.explainApplied' as const;
    }
  });

  ngOnInit(): void {
    const token = this.token();
    if (!token) return;
    this.loading.set(true);
    this.api.applicationStatus(this.id(), token).subscribe({
      next: (view) => {
        this.view.set(view);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(toProblemText(this.t, error));
        this.loading.set(false);
      },
    });
  }

  protected date(iso: string): string {
    return this.i18n.formatDate(iso);
  }
}
