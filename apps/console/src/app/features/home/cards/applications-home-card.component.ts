import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { forkJoin } from 'rxjs';
import { toProblemText } from '../../../core/api/problem-text';
import { I18nService } from '../../../core/i18n/i18n.service';
import { FederationAdminApi } from '../../federation/data/federation-api';
import { HomeCardComponent } from '../home-card.component';

/** Federation admin: the applications waiting for a decision (received, under review). */
@Component({
  selector: 'fc-applications-home-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [HomeCardComponent],
  template: `
    <fc-home-card
      [heading]="t('home.applications.title')"
      headingId="home-applications"
      [loading]="loading()"
      [loadingLabel]="t('app.loading')"
      [error]="error()"
      [retryLabel]="t('common.retry')"
      link="/federation/applications"
      [linkLabel]="t('home.applications.link')"
      (retry)="load()"
    >
      @if (counts(); as c) {
        <dl class="figures">
          <div>
            <dt>{{ t('applicationStatus.applied') }}</dt>
            <dd>{{ number(c.applied) }}</dd>
          </div>
          <div>
            <dt>{{ t('applicationStatus.under_review') }}</dt>
            <dd>{{ number(c.underReview) }}</dd>
          </div>
        </dl>
      }
    </fc-home-card>
  `,
  styleUrl: './home-figures.scss',
})
export class ApplicationsHomeCard implements OnInit {
  private readonly api = inject(FederationAdminApi);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  protected readonly counts = signal<{ applied: number; underReview: number } | null>(null);
  protected readonly loading = signal(false);
  private readonly failure = signal<unknown>(null);
  protected readonly error = computed(() => (this.failure() === null ? null : toProblemText(this.t, this.failure())));

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.failure.set(null);
    const one = { limit: 1, offset: 0 };
    forkJoin([
      this.api.listApplications({ status: 'applied' }, one),
      this.api.listApplications({ status: 'under_review' }, one),
    ]).subscribe({
      next: ([applied, underReview]) => {
        this.counts.set({ applied: applied.total, underReview: underReview.total });
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
