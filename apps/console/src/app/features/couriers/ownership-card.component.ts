import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import type { WorkerOwnershipFiguresView } from '@federacycle/contracts';
import { toProblemText } from '../../core/api/problem-text';
import { I18nService } from '../../core/i18n/i18n.service';
import { StatusChipComponent } from '../../shared/status-chip.component';
import { FleetApi } from './data/fleet-api';
import { formatShare } from './fleet-labels';

/** Coop admin: the share of active couriers who are members, against the federation's threshold. */
@Component({
  selector: 'fc-ownership-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [StatusChipComponent],
  template: `
    <section class="card" aria-labelledby="ownership-heading" data-card="ownership">
      <h2 id="ownership-heading">{{ t('ownership.title') }}</h2>
      @if (error(); as message) {
        <p class="fc-error-banner" role="alert">
          {{ message }} <button type="button" class="retry" (click)="load()">{{ t('common.retry') }}</button>
        </p>
      } @else if (figures(); as f) {
        @if (f.share === null) {
          <p class="figure" data-figure="share">{{ t('ownership.none') }}</p>
          <p class="note">{{ t('ownership.noneHint') }}</p>
        } @else {
          <p class="figure" data-figure="share" [attr.aria-label]="t('ownership.share') + ': ' + share(f.share)">
            {{ share(f.share) }}
          </p>
          <p class="note" data-figure="counts">
            {{ t('ownership.counts', { members: f.memberCouriers, active: f.activeCouriers }) }}
          </p>
        }
        <p class="threshold">
          <fc-status-chip [tone]="f.belowThreshold ? 'danger' : 'ok'">
            {{ t(f.belowThreshold ? 'ownership.below' : 'ownership.ok') }}
          </fc-status-chip>
          <span>{{ t('ownership.threshold', { threshold: share(f.threshold) }) }}</span>
        </p>
      }
    </section>
  `,
  styles: `
    .card {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--fc-radius-m, 12px);
      padding: var(--fc-space-4);
      background: var(--mat-sys-surface);
    }
    h2 {
      margin: 0 0 var(--fc-space-2);
      font: var(--fc-font-title, inherit);
    }
    .figure {
      margin: 0;
      font: var(--fc-font-display);
      font-variant-numeric: tabular-nums;
    }
    .note {
      margin: var(--fc-space-1) 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .threshold {
      display: flex;
      flex-wrap: wrap;
      gap: var(--fc-space-2);
      align-items: center;
      margin: var(--fc-space-3) 0 0;
    }
    .retry {
      min-height: 44px;
    }
  `,
})
export class OwnershipCardComponent implements OnInit {
  private readonly api = inject(FleetApi);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly figures = signal<WorkerOwnershipFiguresView | null>(null);
  private readonly failure = signal<unknown>(null);
  protected readonly error = computed(() => (this.failure() === null ? null : toProblemText(this.t, this.failure())));

  ngOnInit(): void {
    this.load();
  }

  load(): void {
    this.failure.set(null);
    this.api.ownership().subscribe({
      next: (f) => this.figures.set(f),
      error: (e: unknown) => this.failure.set(e),
    });
  }

  protected share(value: number): string {
    return formatShare(this.i18n.locale(), value);
  }
}
