import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import type { CoopLicenceResponse } from '@federacycle/contracts';
import { toProblemText } from '../../../core/api/problem-text';
import { I18nService } from '../../../core/i18n/i18n.service';
import { StatusChipComponent, licenceTone, standingTone } from '../../../shared/status-chip.component';
import { standingKey } from '../../federation/federation-labels';
import { standingCodeKey } from '../../licence/compliance';
import { ComplianceService } from '../../licence/compliance.service';
import { CoopLicenceApi } from '../../licence/data/licence-api';
import { HomeCardComponent } from '../home-card.component';

/** Coop admin: the coop's standing and its licence, with the way to the licence page. */
@Component({
  selector: 'fc-coop-standing-home-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [HomeCardComponent, StatusChipComponent],
  template: `
    <fc-home-card
      [heading]="t('home.standing.title')"
      headingId="home-coop-standing"
      [loading]="loading()"
      [loadingLabel]="t('app.loading')"
      [error]="error()"
      [retryLabel]="t('common.retry')"
      link="/licence"
      [linkLabel]="t('home.standing.link')"
      (retry)="load()"
    >
      @if (data(); as d) {
        <p class="chip">
          <fc-status-chip [tone]="standingTone(d.standing.mode)">{{ t(standingKey(d.standing.mode)) }}</fc-status-chip>
        </p>
        @if (d.standing.code; as code) {
          <p class="line">{{ t(codeKey(code)) }}</p>
        }
        @if (d.licence; as l) {
          <p class="line">
            <fc-status-chip [tone]="licenceTone(l.status)">{{ t(licenceKey(l.status)) }}</fc-status-chip>
            {{ t('home.standing.expires', { date: date(l.expiresAt) }) }}
          </p>
        } @else {
          <p class="line fc-muted">{{ t('licence.none') }}</p>
        }
      }
    </fc-home-card>
  `,
  styles: `
    .chip {
      margin: 0 0 var(--fc-space-2);
    }
    .line {
      margin: var(--fc-space-2) 0 0;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--fc-space-2);
    }
  `,
})
export class CoopStandingHomeCard implements OnInit {
  private readonly api = inject(CoopLicenceApi);
  private readonly compliance = inject(ComplianceService);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly standingKey = standingKey;
  protected readonly standingTone = standingTone;
  protected readonly licenceTone = licenceTone;
  protected readonly codeKey = standingCodeKey;

  protected readonly data = signal<CoopLicenceResponse | null>(null);
  protected readonly loading = signal(false);
  private readonly failure = signal<unknown>(null);
  protected readonly error = computed(() => (this.failure() === null ? null : toProblemText(this.t, this.failure())));

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.failure.set(null);
    this.api.licence().subscribe({
      next: (data) => {
        this.data.set(data);
        this.compliance.set(data.standing);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.failure.set(error);
        this.loading.set(false);
      },
    });
  }

  protected licenceKey(
    status: 'active' | 'expired' | 'revoked',
  ): 'licence.active' | 'licence.expired' | 'licence.revoked' {
    return `licence.${status}`;
  }

  protected date(iso: string): string {
    return this.i18n.formatDate(iso);
  }
}
