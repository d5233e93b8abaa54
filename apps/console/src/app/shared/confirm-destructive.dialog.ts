import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';

/** The texts of a confirmation, already translated by the caller. */
export interface ConfirmDestructiveData {
  title: string;
  message: string;
  confirm: string;
  cancel: string;
}

/**
 * Dialog: confirms an action that cannot be undone (deleting a zone, revoking a partner client);
 * closes with true when confirmed. Cancel has the initial focus; the action is in the error colour.
 */
@Component({
  selector: 'fc-confirm-destructive',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p>{{ data.message }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close cdkFocusInitial>{{ data.cancel }}</button>
      <button mat-flat-button type="button" class="destructive" data-action="confirm" [mat-dialog-close]="true">
        {{ data.confirm }}
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
export class ConfirmDestructiveDialog {
  protected readonly data = inject<ConfirmDestructiveData>(MAT_DIALOG_DATA);
}
