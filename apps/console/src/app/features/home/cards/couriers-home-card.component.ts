import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { forkJoin } from 'rxjs';
import { toProblemText } from '../../../core/api/problem-text';
import { I18nService } from '../../../core/i18n/i18n.service';
import { FleetApi } from '../../couriers/data/fleet-api';
import { HomeCardComponent } from '../home-card.component';

/** Coop admin and dispatcher: how many couriers the coop has and how many are on duty now. */
@Component({
  selector: 'fc-couriers-home-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [HomeCardComponent],
  template: `
    <fc-home-card
      [heading]="t('home.couriers.title')"
      headingId="home-couriers"
      [loading]="loading()"
      [loadingLabel]="t('app.loading')"
      [error]="error()"
      [retryLabel]="t('common.retry')"
      link="/couriers"
      [linkLabel]="t('home.couriers.link')"
      (retry)="load()"
    >
      @if (counts(); as c) {
        <dl class="figures">
          <div>
            <dt>{{ t('home.couriers.onDuty') }}</dt>
            <dd>{{ number(c.onDuty) }}</dd>
          </div>
          <div>
            <dt>{{ t('home.couriers.total') }}</dt>
            <dd>{{ number(c.total) }}</dd>
          </div>
        </dl>
      }
    </fc-home-card>
  `,
  styleUrl: './home-figures.scss',
})
export class CouriersHomeCard implements OnInit {
  private readonly api = inject(FleetApi);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly counts = signal<{ total: number; onDuty: number } | null>(null);
  protected readonly loading = signal(false);
  private readonly failure = signal<unknown>(null);
  protected readonly error = computed(() => (this.failure() === null ? null : toProblemText(this.t, this.failure())));

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.failure.set(null);
    // the totals come with any page
    forkJoin([
      this.api.listCouriers({ limit: 1, offset: 0 }),
      this.api.listCouriers({ limit: 1, offset: 0 }, { onDutyOnly: true }),
    ]).subscribe({
      next: ([all, onDuty]) => {
        this.counts.set({ total: all.total, onDuty: onDuty.total });
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
