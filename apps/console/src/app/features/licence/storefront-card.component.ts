import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { StandingView, StorefrontView } from '@federacycle/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { publishingPermission } from './compliance';

let nextId = 0;

/** Presentational: the storefront's publication (an operational capability: it follows the standing). */
@Component({
  selector: 'fc-storefront-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule, MatButtonModule, MatProgressBarModule],
  template: `
    <mat-card appearance="outlined">
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('app.loading')" />
      }
      <mat-card-header>
        <mat-card-title
          ><h2>{{ t('storefront.title') }}</h2></mat-card-title
        >
      </mat-card-header>
      <mat-card-content>
        @if (error(); as message) {
          <p class="fc-error-banner" role="alert">{{ message }}</p>
        }
        @if (storefront(); as s) {
          <p role="status">
            {{
              s.published && s.publishedAt
                ? t('storefront.publishedSince', { date: date(s.publishedAt) })
                : t(s.published ? 'storefront.published' : 'storefront.unpublished')
            }}
          </p>
        } @else {
          <p class="fc-muted">{{ t('storefront.unknown') }}</p>
        }
        <p [id]="hintId" class="hint" [class.blocked]="!permission().allowed">{{ t(permission().key) }}</p>
      </mat-card-content>
      <mat-card-actions>
        @if (storefront()?.published) {
          <button mat-stroked-button type="button" [disabled]="busy()" (click)="publishChange.emit(false)">
            {{ t('storefront.unpublish') }}
          </button>
        } @else {
          <button
            mat-flat-button
            type="button"
            [disabled]="busy() || !permission().allowed"
            [attr.aria-describedby]="hintId"
            (click)="publishChange.emit(true)"
          >
            {{ t('storefront.publish') }}
          </button>
        }
      </mat-card-actions>
    </mat-card>
  `,
  styles: `
    h2 {
      margin: 0;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
    .hint.blocked {
      padding: var(--fc-space-2) var(--fc-space-3);
      border-radius: var(--fc-radius-s);
      background: var(--fc-status-warn-bg);
      color: var(--fc-status-warn-fg);
    }
  `,
})
export class StorefrontCardComponent {
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly hintId = `fc-storefront-hint-${nextId++}`;
  readonly storefront = input<StorefrontView | null>(null);
  /** the coop's standing: publishing needs licensed or grace */
  readonly standing = input<StandingView | null>(null);
  readonly busy = input(false);
  readonly error = input<string | null>(null);
  readonly publishChange = output<boolean>();

  protected readonly permission = computed(() => publishingPermission(this.standing()));

  protected date(iso: string): string {
    return this.i18n.formatDate(iso);
  }
}
