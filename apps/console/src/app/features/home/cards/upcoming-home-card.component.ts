import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { TranslationKey } from '../../../core/i18n/en';
import { I18nService } from '../../../core/i18n/i18n.service';
import { HomeCardComponent } from '../home-card.component';

/** A role's first need, for a domain not built yet: says what will appear here (no fake figure). */
@Component({
  selector: 'fc-upcoming-home-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [HomeCardComponent],
  template: `
    <fc-home-card [heading]="t(heading())" [headingId]="'home-' + cardId()" [upcoming]="true">
      <p class="body">{{ t(body()) }}</p>
      <p class="soon">{{ t('home.notYet') }}</p>
    </fc-home-card>
  `,
  styles: `
    .body {
      margin: 0;
    }
    .soon {
      margin: var(--fc-space-3) 0 0;
      font: var(--fc-font-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class UpcomingHomeCard {
  protected readonly t = inject(I18nService).t;
  readonly cardId = input.required<string>();
  readonly heading = input.required<TranslationKey>();
  readonly body = input.required<TranslationKey>();
}
