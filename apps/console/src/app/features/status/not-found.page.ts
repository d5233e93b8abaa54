import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { I18nService } from '../../core/i18n/i18n.service';
import { StatusCardComponent } from './status-card.component';

@Component({
  selector: 'fc-not-found-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [StatusCardComponent],
  template: `<fc-status-card code="404" [heading]="t('notFound.title')" [body]="t('notFound.body')" />`,
})
export class NotFoundPage {
  protected readonly t = inject(I18nService).t;
}
