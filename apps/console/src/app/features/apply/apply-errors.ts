import type { AbstractControl } from '@angular/forms';
import type { ErrorCode } from '@federacycle/contracts';
import type { TranslationKey } from '../../core/i18n/en';
import type { TranslationParams } from '../../core/i18n/i18n.service';
import { ERROR_MESSAGE_KEYS, type ProblemOverrides } from '../../core/api/api-error';
import { fieldErrorText } from '../../core/api/form-errors';
import { STATUTES_MAX_BYTES } from './application-form';

type Translate = (key: TranslationKey, params?: TranslationParams) => string;

/** On the application form, an upload refused for its size or type is about the statutes. */
export const APPLY_OVERRIDES: ProblemOverrides = {
  PAYLOAD_TOO_LARGE: 'error.STATUTES_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'error.STATUTES_NOT_PDF',
};

/** The onboarding codes the server puts on a field; other field codes use the generic field messages. */
const FIELD_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'DUPLICATE_REGISTRATION',
  'REGISTRATION_FORMAT',
  'REGISTRATION_CHECKSUM',
  'UNKNOWN_COUNTRY',
  'UNKNOWN_LEGAL_FORM',
  'STATUTES_EMPTY',
  'STATUTES_TOO_LARGE',
  'STATUTES_NOT_PDF',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'REASON_REQUIRED',
  'SANDBOX_TEST_ORDER_LIMIT',
]);

function isFieldCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && FIELD_CODES.has(code);
}

function serverCodeKey(code: unknown): TranslationKey | undefined {
  if (!isFieldCode(code)) return undefined;
  return APPLY_OVERRIDES[code] ?? ERROR_MESSAGE_KEYS[code];
}

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
  const serverKey = serverCodeKey(errors['server']);
  if (serverKey && !errors['required']) return t(serverKey);
  return fieldErrorText(t, control);
}
