import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { TranslationKey } from '../../core/i18n/en';
import { I18nService } from '../../core/i18n/i18n.service';
import { StatusCardComponent } from './status-card.component';

/** Placeholder for navigation items whose page is not built yet (route data `titleKey`). */
@Component({
  selector: 'fc-coming-soon-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [StatusCardComponent],
  template: `<fc-status-card [heading]="heading()" [body]="t('comingSoon.body')" />`,
})
export class ComingSoonPage {
  protected readonly t = inject(I18nService).t;
  /** bound from the route data by withComponentInputBinding */
  readonly titleKey = input<TranslationKey>('app.name');
  protected readonly heading = computed(() => this.t('comingSoon.title', { page: this.t(this.titleKey()) }));
}
