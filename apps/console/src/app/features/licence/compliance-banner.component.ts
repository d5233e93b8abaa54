import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { I18nService } from '../../core/i18n/i18n.service';
import { AuthService } from '../../core/auth/auth.service';
import { complianceBanner } from './compliance';
import { ComplianceService } from './compliance.service';
import type { StandingView } from '@federacycle/contracts';

/** Presentational: the banner for one standing (nothing when all is well). */
@Component({
  selector: 'fc-compliance-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    @if (banner(); as b) {
      <section class="banner" [class]="'banner tone-' + b.tone" role="status" [attr.aria-label]="t('compliance.label')">
        <p class="headline">{{ t(b.headline.key, b.headline.params) }}</p>
        @if (b.reasons.length) {
          <ul>
            @for (key of b.reasons; track key) {
              <li>{{ t(key) }}</li>
            }
          </ul>
        }
        @if (showLink()) {
          <a routerLink="/licence">{{ t('compliance.seeLicence') }}</a>
        }
      </section>
    }
  `,
  styles: `
    .banner {
      margin: 0 0 var(--fc-space-4);
      padding: var(--fc-space-3) var(--fc-space-4);
      border-radius: var(--fc-radius-m);
      border: 1px solid;
      border-inline-start-width: 4px;
    }
    .tone-error {
      background: var(--fc-status-danger-bg);
      color: var(--fc-status-danger-fg);
      border-color: var(--fc-status-danger-border);
      border-inline-start-color: var(--fc-status-danger-fg);
    }
    .tone-warning {
      background: var(--fc-status-warn-bg);
      color: var(--fc-status-warn-fg);
      border-color: var(--fc-status-warn-border);
      border-inline-start-color: var(--fc-status-warn-fg);
    }
    .tone-info {
      background: var(--fc-status-info-bg);
      color: var(--fc-status-info-fg);
      border-color: var(--fc-status-info-border);
      border-inline-start-color: var(--fc-status-info-fg);
    }
    .headline {
      margin: 0;
      font-weight: 600;
    }
    ul {
      margin: 4px 0 0;
      padding-left: 20px;
    }
    a {
      display: inline-block;
      margin-top: 4px;
      color: inherit;
      font-weight: 500;
    }
  `,
})
export class ComplianceNoticeComponent {
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  readonly standing = input<StandingView | null>(null);
  readonly showLink = input(false);
  protected readonly banner = computed(() => {
    this.i18n.lang();
    return complianceBanner(this.standing(), (iso) => this.i18n.formatDate(iso));
  });
}

/** Container for the shell: the selected coop's standing, with a link to the licence page for coop admins. */
@Component({
  selector: 'fc-compliance-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ComplianceNoticeComponent],
  template: `<fc-compliance-notice [standing]="standing()" [showLink]="canReadLicence()" />`,
})
export class ComplianceBannerComponent {
  private readonly auth = inject(AuthService);
  protected readonly standing = inject(ComplianceService).standing;
  protected readonly canReadLicence = computed(() => this.auth.ability().can('read', 'Licence'));
}
