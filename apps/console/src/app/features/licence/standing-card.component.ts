import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import type { CoopLicenceResponse } from '@federacycle/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { StatusChipComponent, standingTone } from '../../shared/status-chip.component';
import { formatShare, standingKey } from '../federation/federation-labels';
import { standingCodeKey } from './compliance';

/** Presentational: the compliance standing and the worker-ownership share. */
@Component({
  selector: 'fc-standing-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule, StatusChipComponent],
  template: `
    <mat-card appearance="outlined">
      <mat-card-header>
        <mat-card-title
          ><h2>{{ t('licence.standingTitle') }}</h2></mat-card-title
        >
      </mat-card-header>
      <mat-card-content>
        <p class="mode">
          <fc-status-chip [tone]="tone(data().standing.mode)">{{
            t(standingKey(data().standing.mode))
          }}</fc-status-chip>
        </p>
        <p>{{ t(modeExplanation()) }}</p>
        @if (data().standing.code; as code) {
          <p class="code">{{ t(codeKey(code)) }}</p>
        }
        @if (data().workerOwnership; as w) {
          <h3>{{ t('licence.ownershipTitle') }}</h3>
          <p class="share">{{ share(w.share) }}</p>
          <p class="fc-muted">
            {{
              t('licence.ownershipDetail', {
                members: w.memberCouriers,
                active: w.activeCouriers,
                threshold: share(w.threshold),
              })
            }}
          </p>
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    h2 {
      margin: 0;
    }
    h3 {
      font: var(--mat-sys-title-medium);
      margin: 16px 0 4px;
    }
    .mode {
      margin: var(--fc-space-2) 0 0;
    }
    .code {
      font-weight: 500;
    }
    .share {
      font: var(--mat-sys-headline-small);
      margin: 0;
    }
  `,
})
export class StandingCardComponent {
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly standingKey = standingKey;
  protected readonly codeKey = standingCodeKey;
  protected readonly tone = standingTone;
  readonly data = input.required<CoopLicenceResponse>();

  protected readonly modeExplanation = computed(() => {
    switch (this.data().standing.mode) {
      case 'licensed':
        return 'licence.explainLicensed' as const;
      case 'grace':
        return 'licence.explainGrace' as const;
      case 'sandbox':
        return 'licence.explainSandbox' as const;
      default:
        return 'licence.explainRestricted' as const;
    }
  });

  protected share(value: number | null): string {
    return formatShare(value, this.i18n.locale());
  }
}
