import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { forkJoin } from 'rxjs';
import { toProblemText } from '../../../core/api/problem-text';
import { I18nService } from '../../../core/i18n/i18n.service';
import { MAX_PAGE_SIZE } from '../../../shared/list/page-request';
import { invitationState } from '../../../shared/status-chip.component';
import { PeopleApi } from '../../people/data/people-api';
import { HomeCardComponent } from '../home-card.component';

/** Coop admin: how many people the coop has, and the invitations still waiting for an answer. */
@Component({
  selector: 'fc-people-home-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [HomeCardComponent],
  template: `
    <fc-home-card
      [heading]="t('home.people.title')"
      headingId="home-people"
      [loading]="loading()"
      [loadingLabel]="t('app.loading')"
      [error]="error()"
      [retryLabel]="t('common.retry')"
      link="/people"
      [linkLabel]="t('home.people.link')"
      (retry)="load()"
    >
      @if (counts(); as c) {
        <dl class="figures">
          <div>
            <dt>{{ t('home.people.members') }}</dt>
            <dd>{{ number(c.members) }}</dd>
          </div>
          <div>
            <dt>{{ t('home.people.pending') }}</dt>
            <dd>{{ number(c.pending) }}{{ c.pendingCapped ? '+' : '' }}</dd>
          </div>
        </dl>
      }
    </fc-home-card>
  `,
  styleUrl: './home-figures.scss',
})
export class PeopleHomeCard implements OnInit {
  private readonly api = inject(PeopleApi);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;

  protected readonly counts = signal<{ members: number; pending: number; pendingCapped: boolean } | null>(null);
  protected readonly loading = signal(false);
  private readonly failure = signal<unknown>(null);
  protected readonly error = computed(() => (this.failure() === null ? null : toProblemText(this.t, this.failure())));

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.failure.set(null);
    // the members' total comes with any page; pending invitations are counted on the newest ones
    forkJoin([
      this.api.listMembers({ limit: 1, offset: 0 }),
      this.api.listInvitations({ limit: MAX_PAGE_SIZE, offset: 0 }),
    ]).subscribe({
      next: ([members, invitations]) => {
        const pending = invitations.items.filter((i) => invitationState(i) === 'pending').length;
        this.counts.set({
          members: members.total,
          pending,
          pendingCapped: invitations.total > invitations.items.length,
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
