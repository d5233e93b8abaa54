import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { LicenceVerificationResponse, LicenceVerificationStatus } from '@federacycle/contracts';
import type { TranslationKey } from '../../core/i18n/en';
import { I18nService } from '../../core/i18n/i18n.service';
import { countryName } from '../../shared/country-name';
import { LegalFormLabels } from '../federation/data/legal-form-labels';

/** Presentational: the verdict on a licence and, when readable, its claims. */
@Component({
  selector: 'fc-verify-result',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="verdict" [class.valid]="result().status === 'valid'" role="status" aria-live="polite">
      <h2>{{ t(statusKey(result().status)) }}</h2>
      @if (result().claims; as c) {
        <dl>
          <dt>{{ t('verify.coop') }}</dt>
          <dd>{{ c.coop.name }}</dd>
          <dt>{{ t('verify.country') }}</dt>
          <dd>{{ country(c.coop.country) }}</dd>
          <dt>{{ t('verify.legalForm') }}</dt>
          <dd>{{ legalForm(c.coop.country, c.coop.legalForm) }}</dd>
          <dt>{{ t('verify.registration') }}</dt>
          <dd>{{ c.coop.registration }}</dd>
          <dt>{{ t('licence.issued') }}</dt>
          <dd>{{ date(c.issuedAt) }}</dd>
          <dt>{{ t('licence.expires') }}</dt>
          <dd>{{ date(c.expiresAt) }}</dd>
          @if (result().kid; as kid) {
            <dt>{{ t('licence.kid') }}</dt>
            <dd class="mono">{{ kid }}</dd>
          }
        </dl>
      }
    </section>
  `,
  styles: `
    .verdict {
      margin-top: var(--fc-space-4);
      padding: var(--fc-space-3) var(--fc-space-4);
      border-radius: var(--fc-radius-m);
      border: 1px solid var(--fc-status-danger-border);
      border-inline-start-width: 4px;
      background: var(--fc-status-danger-bg);
      color: var(--fc-status-danger-fg);
    }
    .verdict.valid {
      border-color: var(--fc-status-ok-border);
      background: var(--fc-status-ok-bg);
      color: var(--fc-status-ok-fg);
    }
    h2 {
      margin: 0 0 var(--fc-space-2);
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
      margin: 0;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .mono {
      font-family: ui-monospace, monospace;
    }
  `,
})
export class VerifyResultComponent {
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  private readonly legalForms = inject(LegalFormLabels);
  readonly result = input.required<LicenceVerificationResponse>();

  protected country(code: string): string {
    return countryName(code, this.i18n.lang());
  }

  protected legalForm(country: string, id: string): string {
    return this.legalForms.label(country, id);
  }

  protected statusKey(status: LicenceVerificationStatus): TranslationKey {
    return `verify.status.${status}`;
  }

  protected date(iso: string): string {
    return this.i18n.formatDate(iso);
  }
}
