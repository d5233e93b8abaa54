import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { MerchantSummary } from '@federacycle/contracts';
import { toProblemText } from '../../../core/api/problem-text';
import { I18nService } from '../../../core/i18n/i18n.service';
import { StatusChipComponent } from '../../../shared/status-chip.component';
import { MerchantsApi } from '../../merchants/data/merchants-api';
import { stateTone } from '../../merchants/merchant-format';
import { HomeCardComponent } from '../home-card.component';

/** Merchant staff: their merchants, each one tap away from its stock toggles. */
@Component({
  selector: 'fc-merchant-staff-home-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [HomeCardComponent, RouterLink, MatButtonModule, StatusChipComponent],
  template: `
    <fc-home-card
      [heading]="t('home.merchant.title')"
      headingId="home-merchant"
      [loading]="loading()"
      [loadingLabel]="t('app.loading')"
      [error]="error()"
      [retryLabel]="t('common.retry')"
      (retry)="load()"
    >
      @if (merchants().length === 0 && !loading()) {
        <p>{{ t('home.merchant.none') }}</p>
      }
      <ul class="mine">
        @for (m of merchants(); track m.id) {
          <li>
            <span class="name">{{ m.name }}</span>
            <fc-status-chip [tone]="tone(m)">{{
              t(m.paused ? 'merchants.state.paused' : m.openNow ? 'merchants.state.open' : 'merchants.state.closed')
            }}</fc-status-chip>
            <a
              mat-flat-button
              class="stock"
              [routerLink]="['/merchants', m.id, 'menu']"
              [queryParams]="{ mode: 'stock' }"
              [attr.aria-label]="t('home.merchant.stockOf', { name: m.name })"
            >
              {{ t('home.merchant.stock') }}
            </a>
          </li>
        }
      </ul>
    </fc-home-card>
  `,
  styles: `
    .mine {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--fc-space-3);
    }
    .mine li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--fc-space-2);
    }
    .name {
      font-weight: 600;
      flex: 1 1 10rem;
    }
    .stock {
      min-height: 48px;
      flex: 1 1 100%;
    }
  `,
})
export class MerchantStaffHomeCard implements OnInit {
  private readonly api = inject(MerchantsApi);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly merchants = signal<MerchantSummary[]>([]);
  protected readonly loading = signal(false);
  private readonly failure = signal<unknown>(null);
  protected readonly error = computed(() => (this.failure() === null ? null : toProblemText(this.t, this.failure())));

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.failure.set(null);
    this.api.list({ limit: 20, offset: 0 }).subscribe({
      next: (page) => {
        this.merchants.set([...page.items]);
        this.loading.set(false);
      },
      error: (e: unknown) => {
        this.failure.set(e);
        this.loading.set(false);
      },
    });
  }

  protected tone(m: MerchantSummary) {
    return stateTone(m.openNow, m.paused);
  }
}
