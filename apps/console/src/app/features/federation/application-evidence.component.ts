import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { ApplicationView } from '@federacycle/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { countryName } from '../../shared/country-name';

/** Presentational: what the applicant declared and sent (coop, legal form, registration, statutes, admin). */
@Component({
  selector: 'fc-application-evidence',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    @let a = application();
    <dl class="facts">
      <dt>{{ t('apply.city') }}</dt>
      <dd>{{ a.city }}, {{ country(a.country) }}</dd>
      <dt>{{ t('apply.timezone') }} · {{ t('apply.currency') }}</dt>
      <dd>{{ a.timezone }} · {{ a.currency }}</dd>
      <dt>{{ t('apply.legalForm') }}</dt>
      <dd>{{ legalFormLabel() || a.legalForm }}</dd>
      @if (a.legalFormJustification) {
        <dt>{{ t('apply.justification') }}</dt>
        <dd class="long">{{ a.legalFormJustification }}</dd>
      }
      <dt>{{ t('apply.registration') }}</dt>
      <dd class="mono">{{ a.registrationNumber }}</dd>
      <dt>{{ t('apply.firstAdmin') }}</dt>
      <dd class="long">{{ a.admin.name }} · {{ a.admin.email }}</dd>
      <dt>{{ t('apply.declarationsLegend') }}</dt>
      <dd>
        <ul>
          <li>{{ t('review.declWorkers', { answer: yesNo(a.declarations.workersAreMembersOrEmployees) }) }}</li>
          @if (a.declarations.socialEconomyStatus !== null) {
            <li>{{ t('review.declSocial', { answer: yesNo(a.declarations.socialEconomyStatus) }) }}</li>
          }
        </ul>
      </dd>
      <dt>{{ t('apply.statutes') }}</dt>
      <dd>
        <button mat-stroked-button type="button" [disabled]="downloading()" (click)="downloadStatutes.emit()">
          {{ t('review.downloadStatutes') }}
        </button>
        <span class="fc-muted small">
          {{ t('review.statutesSize', { size: kib(a.statutes.size) }) }} · SHA-256
          <span class="mono hash">{{ a.statutes.sha256 }}</span>
        </span>
      </dd>
    </dl>
  `,
  styles: `
    .facts {
      display: grid;
      grid-template-columns: minmax(8em, max-content) 1fr;
      gap: 8px 16px;
      margin: 0;
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
    .mono {
      font-family: ui-monospace, monospace;
    }
    .hash {
      word-break: break-all;
    }
    .small {
      display: block;
      margin-top: 4px;
      font: var(--mat-sys-body-small);
    }
    ul {
      margin: 0;
      padding-left: 20px;
    }
    @media (max-width: 599.98px) {
      .facts {
        grid-template-columns: 1fr;
        gap: 2px;
      }
      dd {
        margin-bottom: 8px;
      }
    }
  `,
})
export class ApplicationEvidenceComponent {
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  readonly application = input.required<ApplicationView>();
  readonly downloading = input(false);
  /** the legal form's name in the reader's language ('' when unknown: the id is shown) */
  readonly legalFormLabel = input('');
  readonly downloadStatutes = output<void>();

  protected country(code: string): string {
    return countryName(code, this.i18n.lang());
  }

  protected yesNo(value: boolean | null): string {
    return this.t(value ? 'common.yes' : 'common.no');
  }

  protected kib(size: number): string {
    return String(Math.max(1, Math.round(size / 1024)));
  }
}
