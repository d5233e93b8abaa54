import type { AbstractControl } from '@angular/forms';
import type { TranslationKey } from '../../core/i18n/en';
import type { TranslationParams } from '../../core/i18n/i18n.service';
import { fieldErrorText } from '../../core/api/form-errors';
import { STATUTES_MAX_BYTES } from './application-form';

type Translate = (key: TranslationKey, params?: TranslationParams) => string;

const SERVER_CODE_KEYS: Partial<Record<string, TranslationKey>> = {
  DUPLICATE_REGISTRATION: 'error.DUPLICATE_REGISTRATION',
  REGISTRATION_FORMAT: 'error.REGISTRATION_FORMAT',
  REGISTRATION_CHECKSUM: 'error.REGISTRATION_CHECKSUM',
  UNKNOWN_COUNTRY: 'error.UNKNOWN_COUNTRY',
  UNKNOWN_LEGAL_FORM: 'error.UNKNOWN_LEGAL_FORM',
  STATUTES_EMPTY: 'error.STATUTES_EMPTY',
  STATUTES_TOO_LARGE: 'error.STATUTES_TOO_LARGE',
  STATUTES_NOT_PDF: 'error.STATUTES_NOT_PDF',
  PAYLOAD_TOO_LARGE: 'error.STATUTES_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'error.STATUTES_NOT_PDF',
};

/** The translated first error of an application-form control ('' when valid). */
export function applyErrorText(t: Translate, control: AbstractControl | null): string {
  const errors = control?.errors;
  if (!errors) return '';
  // Validators.requiredTrue reports `required` on an unticked checkbox
  if (errors['required'] && typeof control?.value === 'boolean') return t('apply.mustDeclare');
  if (errors['statutesType']) return t('error.STATUTES_NOT_PDF');
  if (errors['statutesEmpty']) return t('error.STATUTES_EMPTY');
  if (errors['statutesSize'])
    return t('apply.statutesTooLarge', { max: Math.round(STATUTES_MAX_BYTES / (1024 * 1024)) });
  if (errors['registrationFormat']) {
    return t('apply.registrationFormat', { example: (errors['registrationFormat'] as { example: string }).example });
  }
  if (errors['required'] && control?.value === null) return t('apply.statutesRequired');
  const serverKey = typeof errors['server'] === 'string' ? SERVER_CODE_KEYS[errors['server']] : undefined;
  if (serverKey && !errors['required']) return t(serverKey);
  return fieldErrorText(t, control);
}
