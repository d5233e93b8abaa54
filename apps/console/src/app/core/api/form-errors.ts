import type { AbstractControl, FormGroup, ValidationErrors } from '@angular/forms';
import type { FieldError } from '@federacycle/contracts';
import type { TranslationKey } from '../i18n/en';
import type { TranslationParams } from '../i18n/i18n.service';

/**
 * Puts the server's field errors on the matching controls (`roles.0` → `roles`), as a
 * `server` error holding the stable code, so they show next to the field. Returns the
 * field errors that matched no control.
 */
export function applyFieldErrors(form: FormGroup, errors: readonly FieldError[]): FieldError[] {
  const unmatched: FieldError[] = [];
  for (const error of errors) {
    const control = form.get(error.field.split('.')[0]);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: error.code });
      control.markAsTouched();
    } else {
      unmatched.push(error);
    }
  }
  return unmatched;
}

/** Maps a server field-error code (class-validator names) to a translated message key. */
function serverCodeKey(code: unknown): TranslationKey {
  switch (code) {
    case 'isEmail':
      return 'form.invalidEmail';
    case 'isNotEmpty':
    case 'isDefined':
      return 'form.required';
    case 'weakPassword':
    case 'WEAK_PASSWORD':
      return 'error.WEAK_PASSWORD';
    case 'isUnique':
    case 'unique':
    case 'alreadyExists':
    case 'CONFLICT':
      return 'form.taken';
    case 'matches':
    case 'isUuid':
    case 'isISO31661Alpha2':
    case 'isISO4217CurrencyCode':
    case 'isTimeZone':
      return 'form.invalidFormat';
    default:
      return 'form.invalidValue';
  }
}

/** The first error of a control as a translation key, in a stable priority order. */
export function controlErrorMessage(
  control: AbstractControl | null,
): { key: TranslationKey; params?: TranslationParams } | null {
  const errors: ValidationErrors | null = control?.errors ?? null;
  if (!errors) return null;
  if (errors['required']) return { key: 'form.required' };
  if (errors['email']) return { key: 'form.invalidEmail' };
  if (errors['minlength']) {
    return {
      key: 'form.minLength',
      params: { min: (errors['minlength'] as { requiredLength: number }).requiredLength },
    };
  }
  if (errors['maxlength']) {
    return {
      key: 'form.maxLength',
      params: { max: (errors['maxlength'] as { requiredLength: number }).requiredLength },
    };
  }
  if (errors['pattern']) return { key: 'form.invalidFormat' };
  if (errors['server']) return { key: serverCodeKey(errors['server']) };
  return { key: 'form.invalidFormat' };
}

/** Translated text of a control's first error, or '' (for `<mat-error>`). */
export function fieldErrorText(
  t: (key: TranslationKey, params?: TranslationParams) => string,
  control: AbstractControl | null,
): string {
  const message = controlErrorMessage(control);
  return message ? t(message.key, message.params) : '';
}
