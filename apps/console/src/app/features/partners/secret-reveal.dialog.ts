import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { I18nService } from '../../core/i18n/i18n.service';
import type { TranslationKey } from '../../core/i18n/en';

/** One value to copy: its label and the value (a key, a secret, a URL). */
export interface RevealedValue {
  labelKey: TranslationKey;
  value: string;
  /** a secret shown once (the warning covers it) */
  secret: boolean;
}

export interface SecretRevealData {
  titleKey: TranslationKey;
  clientName: string;
  values: RevealedValue[];
}

/**
 * Dialog: a new API key or OAuth2 secret, shown this one time, each value with a copy button
 * and a plain warning that it cannot be shown again.
 */
@Component({
  selector: 'fc-secret-reveal-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>{{ t(data.titleKey, { name: data.clientName }) }}</h2>
    <mat-dialog-content>
      <p class="fc-warning" role="alert" data-warning="once">{{ t('partners.onceWarning') }}</p>
      <dl class="values">
        @for (v of data.values; track v.labelKey) {
          <dt>{{ t(v.labelKey) }}</dt>
          <dd>
            <code [attr.data-secret]="v.labelKey">{{ v.value }}</code>
            <button
              mat-stroked-button
              type="button"
              [attr.aria-label]="t('partners.copyLabel', { what: t(v.labelKey) })"
              (click)="copy(v)"
            >
              {{ copied() === v.labelKey ? t('partners.copied') : t('partners.copy') }}
            </button>
          </dd>
        }
      </dl>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" mat-dialog-close cdkFocusInitial data-action="done">
        {{ t('partners.savedIt') }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .fc-warning {
      padding: var(--fc-space-3);
      border: 1px solid var(--fc-status-warn-border);
      border-radius: var(--fc-radius-2, 8px);
      background: var(--fc-status-warn-bg);
      color: var(--fc-status-warn-fg);
      margin: 0 0 var(--fc-space-4);
    }
    .values {
      margin: 0;
    }
    dt {
      font-weight: 600;
      margin-top: var(--fc-space-3);
    }
    dd {
      margin: var(--fc-space-1) 0 0;
      display: flex;
      flex-wrap: wrap;
      gap: var(--fc-space-2);
      align-items: center;
    }
    code {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      font-size: 0.85rem;
      overflow-wrap: anywhere;
      padding: var(--fc-space-1) var(--fc-space-2);
      background: var(--mat-sys-surface-container);
      border-radius: 4px;
      flex: 1 1 16rem;
      min-width: 0;
    }
  `,
})
export class SecretRevealDialog {
  protected readonly t = inject(I18nService).t;
  protected readonly data = inject<SecretRevealData>(MAT_DIALOG_DATA);
  protected readonly copied = signal<TranslationKey | null>(null);

  protected copy(value: RevealedValue): void {
    void navigator.clipboard
      ?.writeText(value.value)
      .then(() => this.copied.set(value.labelKey))
      .catch(() => this.copied.set(null));
  }
}
