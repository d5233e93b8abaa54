import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import type { LicenceView } from '@federacycle/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { StatusChipComponent, licenceTone } from '../../shared/status-chip.component';

/** Presentational: the coop's licence (status, key id, dates, download, public verify link). */
@Component({
  selector: 'fc-licence-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule, MatButtonModule, RouterLink, StatusChipComponent],
  template: `
    <mat-card appearance="outlined">
      <mat-card-header>
        <mat-card-title
          ><h2>{{ t('licence.cardTitle') }}</h2></mat-card-title
        >
      </mat-card-header>
      <mat-card-content>
        @if (licence(); as l) {
          <p class="status">
            <fc-status-chip [tone]="tone(l.status)">{{ t(statusKey(l.status)) }}</fc-status-chip>
          </p>
          <dl class="facts">
            <dt>{{ t('licence.expires') }}</dt>
            <dd>{{ date(l.expiresAt) }}</dd>
            <dt>{{ t('licence.issued') }}</dt>
            <dd>{{ date(l.issuedAt) }}</dd>
            @if (l.revokedAt) {
              <dt>{{ t('licence.revokedAt') }}</dt>
              <dd>{{ date(l.revokedAt) }}</dd>
            }
            <dt>{{ t('licence.kid') }}</dt>
            <dd class="mono">{{ l.kid }}</dd>
          </dl>
        } @else {
          <p>{{ t('licence.none') }}</p>
        }
      </mat-card-content>
      <mat-card-actions class="actions">
        @if (licence()) {
          <button mat-flat-button type="button" [disabled]="downloading()" (click)="download.emit()">
            {{ t('licence.download') }}
          </button>
        }
        <!-- the console's public page (/verify), with the licence to check right away -->
        <a
          mat-button
          routerLink="/verify"
          [queryParams]="licence() ? { licence: licence()?.token } : {}"
          target="_blank"
          rel="noopener"
          >{{ t('licence.verifyLink') }}</a
        >
      </mat-card-actions>
    </mat-card>
  `,
  styles: `
    h2 {
      margin: 0;
    }
    .status {
      margin: var(--fc-space-2) 0 var(--fc-space-3);
    }
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
      margin: 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .mono {
      font-family: ui-monospace, monospace;
    }
    .actions {
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
})
export class LicenceCardComponent {
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  readonly licence = input<LicenceView | null>(null);
  protected readonly tone = licenceTone;
  readonly downloading = input(false);
  readonly download = output<void>();

  protected statusKey(status: LicenceView['status']): 'licence.active' | 'licence.expired' | 'licence.revoked' {
    return `licence.${status}`;
  }

  protected date(iso: string): string {
    return this.i18n.formatDate(iso);
  }
}
