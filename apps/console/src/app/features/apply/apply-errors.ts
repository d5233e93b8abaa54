import type { AbstractControl } from '@angular/forms';
import type { ErrorCode } from '@federacycle/contracts';
import type { TranslationKey } from '../../core/i18n/en';
import type { TranslationParams } from '../../core/i18n/i18n.service';
import { FEDERATION_MESSAGE_KEYS } from '../../core/api/federation-api';
import { fieldErrorText } from '../../core/api/form-errors';
import { STATUTES_MAX_BYTES } from './application-form';

type Translate = (key: TranslationKey, params?: TranslationParams) => string;

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
  const serverKey =
    typeof errors['server'] === 'string' ? FEDERATION_MESSAGE_KEYS[errors['server'] as ErrorCode] : undefined;
  if (serverKey && !errors['required']) return t(serverKey);
  return fieldErrorText(t, control);
}
