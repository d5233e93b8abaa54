import {
  ChangeDetectionStrategy,
  Component,
  EnvironmentInjector,
  OnInit,
  computed,
  inject,
  input,
  runInInjectionContext,
  signal,
} from '@angular/core';
import { forkJoin, type Observable } from 'rxjs';
import { toProblemText } from '../../../core/api/problem-text';
import type { TranslationKey } from '../../../core/i18n/en';
import { I18nService } from '../../../core/i18n/i18n.service';
import { HomeCardComponent } from '../home-card.component';

/**
 * One figure of a totals card: its label and how to count it. `total` runs in an injection
 * context, so it can `inject()` its domain's API client (e.g. a list's total from a page of one).
 */
export interface HomeTotal {
  label: TranslationKey;
  total: () => Observable<number>;
}

/**
 * The home card of a few totals read from the API (couriers on duty, applications waiting, open
 * proposals...): loading, error with retry, the figures in the person's locale, a link onwards.
 * A domain adds one as data in `home-cards.ts` rather than writing a card component.
 */
@Component({
  selector: 'fc-totals-home-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [HomeCardComponent],
  template: `
    <fc-home-card
      [heading]="t(heading())"
      [headingId]="'home-' + cardId()"
      [loading]="loading()"
      [loadingLabel]="t('app.loading')"
      [error]="error()"
      [retryLabel]="t('common.retry')"
      [link]="link()"
      [linkLabel]="t(linkLabel())"
      (retry)="load()"
    >
      @if (values(); as v) {
        <dl class="figures">
          @for (figure of totals(); track figure.label; let i = $index) {
            <div>
              <dt>{{ t(figure.label) }}</dt>
              <dd>{{ number(v[i] ?? 0) }}</dd>
            </div>
          }
        </dl>
      }
    </fc-home-card>
  `,
  styleUrl: './home-figures.scss',
})
export class TotalsHomeCard implements OnInit {
  readonly cardId = input.required<string>();
  readonly heading = input.required<TranslationKey>();
  readonly link = input.required<string>();
  readonly linkLabel = input.required<TranslationKey>();
  readonly totals = input.required<readonly HomeTotal[]>();

  private readonly injector = inject(EnvironmentInjector);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly values = signal<number[] | null>(null);
  protected readonly loading = signal(false);
  private readonly failure = signal<unknown>(null);
  protected readonly error = computed(() => (this.failure() === null ? null : toProblemText(this.t, this.failure())));

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.failure.set(null);
    forkJoin(this.totals().map((figure) => runInInjectionContext(this.injector, figure.total))).subscribe({
      next: (values) => {
        this.values.set(values);
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
