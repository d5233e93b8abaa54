import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { forkJoin } from 'rxjs';
import { toProblemText } from '../../../core/api/problem-text';
import { I18nService } from '../../../core/i18n/i18n.service';
import { GovernanceApi } from '../../governance/data/governance-api';
import { HomeCardComponent } from '../home-card.component';

/** Members: how many proposals are open for voting, and how many are about to open. */
@Component({
  selector: 'fc-proposals-home-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [HomeCardComponent],
  template: `
    <fc-home-card
      [heading]="t('home.proposals.title')"
      headingId="home-proposals"
      [loading]="loading()"
      [loadingLabel]="t('app.loading')"
      [error]="error()"
      [retryLabel]="t('common.retry')"
      link="/proposals"
      [linkLabel]="t('home.proposals.link')"
      (retry)="load()"
    >
      @if (counts(); as c) {
        <dl class="figures">
          <div>
            <dt>{{ t('home.proposals.open') }}</dt>
            <dd>{{ c.open }}</dd>
          </div>
          <div>
            <dt>{{ t('home.proposals.upcoming') }}</dt>
            <dd>{{ c.upcoming }}</dd>
          </div>
        </dl>
      }
    </fc-home-card>
  `,
  styleUrl: './home-figures.scss',
})
export class ProposalsHomeCard implements OnInit {
  private readonly api = inject(GovernanceApi);
  protected readonly t = inject(I18nService).t;
  protected readonly counts = signal<{ open: number; upcoming: number } | null>(null);
  protected readonly loading = signal(false);
  private readonly failure = signal<unknown>(null);
  protected readonly error = computed(() => (this.failure() === null ? null : toProblemText(this.t, this.failure())));

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.failure.set(null);
    forkJoin([
      this.api.list('open', { limit: 1, offset: 0 }),
      this.api.list('upcoming', { limit: 1, offset: 0 }),
    ]).subscribe({
      next: ([open, upcoming]) => {
        this.counts.set({ open: open.total, upcoming: upcoming.total });
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.failure.set(error);
        this.loading.set(false);
      },
    });
  }
}
