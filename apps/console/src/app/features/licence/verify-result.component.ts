import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { LicenceVerificationResponse, LicenceVerificationStatus } from '@federacycle/contracts';
import type { TranslationKey } from '../../core/i18n/en';
import { I18nService } from '../../core/i18n/i18n.service';

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
          <dd>{{ c.coop.country }}</dd>
          <dt>{{ t('verify.legalForm') }}</dt>
          <dd>{{ c.coop.legalForm }}</dd>
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
      margin-top: 16px;
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .verdict.valid {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    h2 {
      margin: 0 0 8px;
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
  readonly result = input.required<LicenceVerificationResponse>();

  protected statusKey(status: LicenceVerificationStatus): TranslationKey {
    return `verify.status.${status}`;
  }

  protected date(iso: string): string {
    return this.i18n.formatDate(iso);
  }
}
