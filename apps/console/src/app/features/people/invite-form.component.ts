import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  effect,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { COOP_ROLES, CoopRole, type CreateInvitationRequest, type FieldError } from '@federacycle/contracts';
import { applyFieldErrors, fieldErrorText } from '../../core/api/form-errors';
import { I18nService } from '../../core/i18n/i18n.service';
import { roleKey } from '../../shared/role-labels';

export type InviteForm = FormGroup<{
  email: FormControl<string>;
  roles: FormControl<CoopRole[]>;
}>;

export function createInviteForm(): InviteForm {
  return new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    roles: new FormControl<CoopRole[]>([CoopRole.MEMBER], { nonNullable: true, validators: [Validators.required] }),
  });
}

/** Presentational: email + roles; emits the request, shows the server's field errors. */
@Component({
  selector: 'fc-invite-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatInputModule, MatSelectModule, MatButtonModule],
  template: `
    <form class="invite" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-form-field class="email">
        <mat-label>{{ t('form.email') }}</mat-label>
        <input matInput type="email" formControlName="email" autocomplete="off" required />
        <mat-error>{{ errorOf('email') }}</mat-error>
      </mat-form-field>
      <mat-form-field class="roles">
        <mat-label>{{ t('form.roles') }}</mat-label>
        <mat-select formControlName="roles" multiple required>
          <!-- our own trigger text, so it follows the language switch -->
          <mat-select-trigger>{{ selectedRolesText() }}</mat-select-trigger>
          @for (role of roles; track role) {
            <mat-option [value]="role">{{ t(roleKey(role)) }}</mat-option>
          }
        </mat-select>
        <mat-error>{{
          form.controls.roles.hasError('required') ? t('people.atLeastOneRole') : errorOf('roles')
        }}</mat-error>
      </mat-form-field>
      <button mat-flat-button type="submit" class="submit" [disabled]="busy()">{{ t('people.inviteSubmit') }}</button>
    </form>
  `,
  styles: `
    .invite {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: flex-start;
    }
    .email {
      flex: 2 1 240px;
    }
    .roles {
      flex: 1 1 200px;
    }
    .submit {
      margin-top: 8px;
    }
  `,
})
export class InviteFormComponent {
  protected readonly t = inject(I18nService).t;
  protected readonly roles = COOP_ROLES;
  protected readonly roleKey = roleKey;
  protected readonly form = createInviteForm();
  private readonly formDirective = viewChild.required(FormGroupDirective);
  private readonly changeDetector = inject(ChangeDetectorRef);

  readonly busy = input(false);
  readonly fieldErrors = input<readonly FieldError[]>([]);
  readonly invite = output<CreateInvitationRequest>();

  constructor() {
    effect(() => applyFieldErrors(this.form, this.fieldErrors()));
  }

  /** Called by the container once the invitation is created. */
  reset(): void {
    // resetForm also clears the "submitted" state, so no error shows on the empty form
    this.formDirective().resetForm();
    this.changeDetector.markForCheck();
  }

  protected selectedRolesText(): string {
    return this.form.controls.roles.value.map((role) => this.t(roleKey(role))).join(', ');
  }

  protected errorOf(name: 'email' | 'roles'): string {
    return fieldErrorText(this.t, this.form.controls[name]);
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { email, roles } = this.form.getRawValue();
    this.invite.emit({ email: email.trim(), roles });
  }
}
