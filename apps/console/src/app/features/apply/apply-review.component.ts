import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { CoopApplicationRequest } from '@federacycle/contracts';
import { I18nService } from '../../core/i18n/i18n.service';

export interface ApplicationReview {
  request: CoopApplicationRequest;
  countryName: string;
  legalFormLabel: string;
  statutesName: string;
}

/** Presentational: step 4, what will be sent. */
@Component({
  selector: 'fc-apply-review',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (review(); as r) {
      <dl class="summary">
        <dt>{{ t('apply.coopName') }}</dt>
        <dd>{{ r.request.name }}</dd>
        <dt>{{ t('apply.city') }}</dt>
        <dd>{{ r.request.city }}, {{ r.countryName }}</dd>
        <dt>{{ t('apply.timezone') }} · {{ t('apply.currency') }}</dt>
        <dd>{{ r.request.timezone }} · {{ r.request.currency }}</dd>
        <dt>{{ t('apply.legalForm') }}</dt>
        <dd>{{ r.legalFormLabel }}</dd>
        @if (r.request.legalFormJustification; as j) {
          <dt>{{ t('apply.justification') }}</dt>
          <dd class="long">{{ j }}</dd>
        }
        <dt>{{ t('apply.registration') }}</dt>
        <dd>{{ r.request.registrationNumber }}</dd>
        <dt>{{ t('apply.statutes') }}</dt>
        <dd class="long">{{ r.statutesName }}</dd>
        <dt>{{ t('apply.declarationsLegend') }}</dt>
        <dd>
          <ul>
            <li>{{ t('apply.declareWorkers') }}</li>
            @if (r.request.declarations.socialEconomyStatus) {
              <li>{{ t('apply.declareSocialEconomy') }}</li>
            }
          </ul>
        </dd>
        <dt>{{ t('apply.firstAdmin') }}</dt>
        <dd class="long">{{ r.request.admin.name }} · {{ r.request.admin.email }}</dd>
      </dl>
    }
  `,
  styles: `
    .summary {
      display: grid;
      grid-template-columns: minmax(8em, max-content) 1fr;
      gap: 8px 16px;
      margin: 0 0 16px;
    }
    dt {
      font-weight: 500;
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
    .long {
      overflow-wrap: anywhere;
    }
    ul {
      margin: 0;
      padding-left: 20px;
    }
    @media (max-width: 599.98px) {
      .summary {
        grid-template-columns: 1fr;
        gap: 2px;
      }
      dd {
        margin-bottom: 8px;
      }
    }
  `,
})
export class ApplyReviewComponent {
  protected readonly t = inject(I18nService).t;
  readonly review = input<ApplicationReview | null>(null);
}
