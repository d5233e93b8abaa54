import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatInputModule } from '@angular/material/input';
import { fieldErrorText } from '../../core/api/form-errors';
import type { TranslationKey } from '../../core/i18n/en';
import { I18nService, type TranslationParams } from '../../core/i18n/i18n.service';

export interface ReasonDialogData {
  titleKey: TranslationKey;
  titleParams?: TranslationParams;
  bodyKey?: TranslationKey;
  confirmKey: TranslationKey;
  /** reject, suspend, reinstate, offboard: a reason is required */
  required: boolean;
  destructive?: boolean;
}

/** Dialog: asks for a reason; closes with it ('' when optional and left blank), or undefined when cancelled. */
@Component({
  selector: 'fc-reason-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatInputModule],
  template: `
    <form [formGroup]="form" (ngSubmit)="confirm()" novalidate>
      <h2 mat-dialog-title>{{ t(data.titleKey, data.titleParams) }}</h2>
      <mat-dialog-content>
        @if (data.bodyKey) {
          <p>{{ t(data.bodyKey) }}</p>
        }
        <mat-form-field class="field">
          <mat-label>{{ t(data.required ? 'decision.reason' : 'decision.reasonOptional') }}</mat-label>
          <textarea matInput [formControl]="reason" rows="4" [required]="data.required" cdkFocusInitial></textarea>
          <mat-error>{{ errorText() }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ t('common.cancel') }}</button>
        <button mat-flat-button type="submit" [class.destructive]="data.destructive">{{ t(data.confirmKey) }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .field {
      width: 100%;
    }
    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class ReasonDialog {
  protected readonly data = inject<ReasonDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ReasonDialog, string>>(MatDialogRef);
  protected readonly t = inject(I18nService).t;
  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: this.data.required
      ? [Validators.required, Validators.minLength(3), Validators.maxLength(1000)]
      : [Validators.maxLength(1000)],
  });
  protected readonly form = new FormGroup({ reason: this.reason });

  protected errorText(): string {
    return fieldErrorText(this.t, this.reason);
  }

  protected confirm(): void {
    if (this.data.required && !this.reason.value.trim()) this.reason.setValue('');
    if (this.reason.invalid) {
      this.reason.markAsTouched();
      return;
    }
    this.ref.close(this.reason.value.trim());
  }
}
