import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { I18nService } from '../../core/i18n/i18n.service';
import { StatusCardComponent } from './status-card.component';

@Component({
  selector: 'fc-forbidden-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [StatusCardComponent],
  template: `<fc-status-card code="403" [heading]="t('forbidden.title')" [body]="t('forbidden.body')" />`,
})
export class ForbiddenPage {
  protected readonly t = inject(I18nService).t;
}
