import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import type { CourierView } from '@federacycle/contracts';
import { toApiProblem } from '../../../core/api/api-error';
import { toProblemText } from '../../../core/api/problem-text';
import { I18nService } from '../../../core/i18n/i18n.service';
import { FleetApi } from '../../couriers/data/fleet-api';
import { formatTime } from '../../couriers/fleet-labels';
import { HomeCardComponent } from '../home-card.component';

/** Courier: on or off duty, with the way to their own page. */
@Component({
  selector: 'fc-my-courier-home-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [HomeCardComponent],
  template: `
    <fc-home-card
      [heading]="t('home.myCourier.title')"
      headingId="home-my-courier"
      [loading]="loading()"
      [loadingLabel]="t('app.loading')"
      [error]="error()"
      [retryLabel]="t('common.retry')"
      link="/me/courier"
      [linkLabel]="t('home.myCourier.link')"
      (retry)="load()"
    >
      @if (noProfile()) {
        <p class="hint">{{ t('error.NO_COURIER_PROFILE') }}</p>
      }
      @if (me(); as c) {
        <p class="status">
          {{ t(c.onDutySince ? 'me.onDuty' : 'me.offDuty') }}
          @if (c.onDutySince) {
            {{ t('me.since', { time: time(c.onDutySince) }) }}
          }
        </p>
      }
    </fc-home-card>
  `,
  styles: `
    .status {
      margin: 0;
      font: var(--fc-font-title, inherit);
    }
    .hint {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class MyCourierHomeCard implements OnInit {
  private readonly api = inject(FleetApi);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly me = signal<CourierView | null>(null);
  protected readonly loading = signal(false);
  /** a courier membership without a profile yet: a state to explain, not an error */
  protected readonly noProfile = signal(false);
  private readonly failure = signal<unknown>(null);
  protected readonly error = computed(() => (this.failure() === null ? null : toProblemText(this.t, this.failure())));

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.failure.set(null);
    this.noProfile.set(false);
    this.api.me().subscribe({
      next: (c) => {
        this.me.set(c);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        if (toApiProblem(error).code === 'NO_COURIER_PROFILE') this.noProfile.set(true);
        else this.failure.set(error);
        this.loading.set(false);
      },
    });
  }

  protected time(iso: string): string {
    return formatTime(this.i18n.locale(), iso);
  }
}
