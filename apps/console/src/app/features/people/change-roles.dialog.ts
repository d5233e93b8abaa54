import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { COOP_ROLES, type CoopRole, type MemberView } from '@federacycle/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { roleKey } from '../../shared/role-labels';

export interface ChangeRolesDialogData {
  member: MemberView;
}

/** Dialog: choose a member's roles; closes with the new roles, or undefined when cancelled. */
@Component({
  selector: 'fc-change-roles-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, MatCheckboxModule],
  template: `
    <h2 mat-dialog-title>{{ t('people.changeRolesFor', { name: data.member.name }) }}</h2>
    <mat-dialog-content>
      <fieldset class="roles">
        <legend class="fc-visually-hidden">{{ t('form.roles') }}</legend>
        @for (role of roles; track role) {
          <mat-checkbox [checked]="has(role)" (change)="toggle(role, $event.checked)">{{
            t(roleKey(role))
          }}</mat-checkbox>
        }
      </fieldset>
      @if (selected.invalid) {
        <p class="error" role="alert">{{ t('people.atLeastOneRole') }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ t('common.cancel') }}</button>
      <button mat-flat-button type="button" [disabled]="selected.invalid" (click)="save()">
        {{ t('common.save') }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .roles {
      display: flex;
      flex-direction: column;
      border: 0;
      margin: 0;
      padding: 0;
    }
    .error {
      color: var(--mat-sys-error);
      margin: 8px 0 0;
    }
  `,
})
export class ChangeRolesDialog {
  protected readonly data = inject<ChangeRolesDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<ChangeRolesDialog, CoopRole[]>>(MatDialogRef);
  protected readonly t = inject(I18nService).t;
  protected readonly roles = COOP_ROLES;
  protected readonly roleKey = roleKey;
  protected readonly selected = new FormControl<CoopRole[]>([...this.data.member.roles], {
    nonNullable: true,
    validators: [Validators.required],
  });

  protected has(role: CoopRole): boolean {
    return this.selected.value.includes(role);
  }

  protected toggle(role: CoopRole, checked: boolean): void {
    const others = this.selected.value.filter((r) => r !== role);
    // keep the canonical order of COOP_ROLES
    const next = checked ? COOP_ROLES.filter((r) => r === role || others.includes(r)) : others;
    this.selected.setValue(next);
  }

  protected save(): void {
    if (this.selected.valid) this.dialogRef.close(this.selected.value);
  }
}
