import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import type { CoopDirectoryEntry } from '@federacycle/contracts';
import { toProblemText } from '../../../core/api/problem-text';
import { I18nService } from '../../../core/i18n/i18n.service';
import { MAX_PAGE_SIZE } from '../../../shared/list/page-request';
import { StatusChipComponent, coopStatusTone } from '../../../shared/status-chip.component';
import { FederationAdminApi } from '../../federation/data/federation-api';
import { directoryStatusKey } from '../../federation/federation-labels';
import { HomeCardComponent } from '../home-card.component';

type CoopStatus = CoopDirectoryEntry['status'];
const STATUSES: readonly CoopStatus[] = ['active', 'suspended', 'offboarding', 'offboarded'];

/** Federation admin: the coops by status. */
@Component({
  selector: 'fc-coops-home-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [HomeCardComponent, StatusChipComponent],
  template: `
    <fc-home-card
      [heading]="t('home.coops.title')"
      headingId="home-coops"
      [loading]="loading()"
      [loadingLabel]="t('app.loading')"
      [error]="error()"
      [retryLabel]="t('common.retry')"
      link="/federation/coops"
      [linkLabel]="t('home.coops.link')"
      (retry)="load()"
    >
      @if (summary(); as s) {
        <ul class="statuses">
          @for (status of statuses; track status) {
            <li>
              <fc-status-chip [tone]="tone(status)">{{ t(statusKey(status)) }}</fc-status-chip>
              <span class="count">{{ number(s.counts[status]) }}</span>
            </li>
          }
        </ul>
        @if (s.partial) {
          <p class="note">{{ t('home.coops.partial', { count: number(s.counted), total: number(s.total) }) }}</p>
        }
      }
    </fc-home-card>
  `,
  styleUrl: './home-figures.scss',
  styles: `
    .statuses {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--fc-space-2);
    }
    li {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: var(--fc-space-3);
    }
    .count {
      font: var(--fc-font-section-title);
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class CoopsHomeCard implements OnInit {
  private readonly api = inject(FederationAdminApi);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly statuses = STATUSES;
  protected readonly tone = coopStatusTone;
  protected readonly statusKey = directoryStatusKey;

  protected readonly summary = signal<{
    counts: Record<CoopStatus, number>;
    counted: number;
    total: number;
    partial: boolean;
  } | null>(null);
  protected readonly loading = signal(false);
  private readonly failure = signal<unknown>(null);
  protected readonly error = computed(() => (this.failure() === null ? null : toProblemText(this.t, this.failure())));

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.failure.set(null);
    this.api.directory({ limit: MAX_PAGE_SIZE, offset: 0 }).subscribe({
      next: (page) => {
        const counts: Record<CoopStatus, number> = { active: 0, suspended: 0, offboarding: 0, offboarded: 0 };
        for (const coop of page.items) counts[coop.status] += 1;
        this.summary.set({
          counts,
          counted: page.items.length,
          total: page.total,
          partial: page.total > page.items.length,
        });
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.failure.set(error);
        this.loading.set(false);
      },
    });
  }

  protected number(value: number): string {
    return new Intl.NumberFormat(this.i18n.locale()).format(value);
  }
}
