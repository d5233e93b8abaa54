import { FormControl, FormGroup, Validators, type ValidationErrors, type ValidatorFn } from '@angular/forms';

/** The API's minimum (AcceptInvitationRequest / ResetPasswordRequest). */
export const MIN_PASSWORD_LENGTH = 10;

/** Group validator: `passwordsDiffer` when password and confirmation differ. */
export const passwordsMatchValidator: ValidatorFn = (group): ValidationErrors | null => {
  const password = group.get('password')?.value as string | undefined;
  const confirm = group.get('confirm')?.value as string | undefined;
  return confirm && password !== confirm ? { passwordsDiffer: true } : null;
};

export type NewPasswordForm = FormGroup<{
  password: FormControl<string>;
  confirm: FormControl<string>;
}>;

/** The password + confirmation controls, to compose into a form with the match validator. */
export function newPasswordControls(): { password: FormControl<string>; confirm: FormControl<string> } {
  return {
    password: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH), Validators.maxLength(200)],
    }),
    confirm: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  };
}

export function createNewPasswordForm(): NewPasswordForm {
  return new FormGroup(newPasswordControls(), { validators: passwordsMatchValidator });
}
