import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { I18nService } from '../../core/i18n/i18n.service';

export interface ConfirmDeleteData {
  name: string;
}

/** Dialog: confirms deleting a zone; closes with true when confirmed. */
@Component({
  selector: 'fc-confirm-delete-zone',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>{{ t('zones.deleteFor', { name: data.name }) }}</h2>
    <mat-dialog-content>
      <p>{{ t('zones.deleteConfirm', { name: data.name }) }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close cdkFocusInitial>{{ t('zones.cancel') }}</button>
      <button mat-flat-button type="button" class="destructive" [mat-dialog-close]="true">
        {{ t('zones.delete') }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class ConfirmDeleteZoneDialog {
  protected readonly t = inject(I18nService).t;
  protected readonly data = inject<ConfirmDeleteData>(MAT_DIALOG_DATA);
}
