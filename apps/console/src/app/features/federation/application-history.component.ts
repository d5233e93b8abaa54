import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { ApplicationStatus, type ApplicationTransitionView } from '@federacycle/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { applicationStatusKey } from './federation-labels';

/** Presentational: the application's transitions, oldest first. */
@Component({
  selector: 'fc-application-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (history().length === 0) {
      <p class="fc-muted">{{ t('review.noHistory') }}</p>
    } @else {
      <ol class="history">
        @for (h of history(); track $index) {
          <li>
            <span class="when">{{ date(h.at) }}</span>
            <span>{{ known(h.from) ? label(h.from) + ' → ' + label(h.to) : label(h.to) }}</span>
            @if (h.actorEmail) {
              <span class="fc-muted who">{{ h.actorEmail }}</span>
            }
            @if (h.reason) {
              <q>{{ h.reason }}</q>
            }
          </li>
        }
      </ol>
    }
  `,
  styles: `
    .history {
      margin: 0;
      padding-left: 20px;
    }
    li {
      margin-bottom: 12px;
    }
    li > * {
      display: block;
    }
    .when {
      font-weight: 500;
    }
    .who,
    q {
      overflow-wrap: anywhere;
    }
  `,
})
export class ApplicationHistoryComponent {
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  readonly history = input.required<readonly ApplicationTransitionView[]>();

  protected known(state: string): boolean {
    return (Object.values(ApplicationStatus) as string[]).includes(state);
  }

  protected label(state: string): string {
    return this.known(state) ? this.t(applicationStatusKey(state as ApplicationStatus)) : state;
  }

  protected date(iso: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    );
  }
}
