import {
  FormControl,
  FormGroup,
  Validators,
  type AbstractControl,
  type ValidationErrors,
  type ValidatorFn,
} from '@angular/forms';
import type { CoopApplicationRequest, CountryView, FieldError, LegalFormView } from '@federacycle/contracts';

/** Client-side limits (a convenience: the server decides). */
export const STATUTES_MAX_BYTES = 10 * 1024 * 1024;
export const JUSTIFICATION_MIN = 50;

export const CURRENCIES: readonly string[] = ['EUR', 'CHF', 'GBP', 'CAD', 'USD', 'SEK', 'DKK', 'NOK', 'PLN', 'CZK'];
const DEFAULTS: Readonly<Record<string, { timezone: string; currency: string }>> = {
  FR: { timezone: 'Europe/Paris', currency: 'EUR' },
  BE: { timezone: 'Europe/Brussels', currency: 'EUR' },
  DE: { timezone: 'Europe/Berlin', currency: 'EUR' },
  ES: { timezone: 'Europe/Madrid', currency: 'EUR' },
  IT: { timezone: 'Europe/Rome', currency: 'EUR' },
  NL: { timezone: 'Europe/Amsterdam', currency: 'EUR' },
  LU: { timezone: 'Europe/Luxembourg', currency: 'EUR' },
  PT: { timezone: 'Europe/Lisbon', currency: 'EUR' },
  CH: { timezone: 'Europe/Zurich', currency: 'CHF' },
  GB: { timezone: 'Europe/London', currency: 'GBP' },
  CA: { timezone: 'America/Montreal', currency: 'CAD' },
  US: { timezone: 'America/New_York', currency: 'USD' },
};

/** Time zone and currency suggested for a country, when known. */
export function countryDefaults(code: string): { timezone: string; currency: string } | null {
  return DEFAULTS[code] ?? null;
}

export type CoopStep = FormGroup<{
  name: FormControl<string>;
  city: FormControl<string>;
  country: FormControl<string>;
  timezone: FormControl<string>;
  currency: FormControl<string>;
}>;
export type LegalStep = FormGroup<{
  legalForm: FormControl<string>;
  legalFormJustification: FormControl<string>;
  registrationNumber: FormControl<string>;
  statutes: FormControl<File | null>;
}>;
export type DeclarationsStep = FormGroup<{
  workersAreMembersOrEmployees: FormControl<boolean>;
  socialEconomyStatus: FormControl<boolean>;
  adminName: FormControl<string>;
  adminEmail: FormControl<string>;
}>;
export type ApplicationForm = FormGroup<{ coop: CoopStep; legal: LegalStep; declarations: DeclarationsStep }>;

const TIMEZONE_PATTERN = /^(?:[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+|UTC)$/;

/** The PDF statutes: present, a PDF (type or extension), not empty, not too large. */
export const statutesValidator: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const file = control.value as File | null;
  if (!file) return { required: true };
  const isPdf = file.type === 'application/pdf' || (file.type === '' && /\.pdf$/i.test(file.name));
  if (!isPdf) return { statutesType: true };
  if (file.size === 0) return { statutesEmpty: true };
  if (file.size > STATUTES_MAX_BYTES) return { statutesSize: { max: STATUTES_MAX_BYTES } };
  return null;
};

/** Letters become A and digits 9, separators are dropped: "123 456 789" and "123456789" share a shape. */
export function registrationShape(value: string): string {
  return value
    .replace(/[\s.\-/]/g, '')
    .toUpperCase()
    .replace(/[0-9]/g, '9')
    .replace(/[A-Z]/g, 'A');
}

/** The number must have the shape of the catalogue's example (a convenience check only). */
export function registrationValidator(example: string): ValidatorFn {
  const expected = registrationShape(example);
  return (control) => {
    const value = (control.value as string).trim();
    if (!value || !expected) return null;
    return registrationShape(value) === expected ? null : { registrationFormat: { example } };
  };
}

const text = (validators: ValidatorFn[] = [Validators.required, Validators.maxLength(120)]): FormControl<string> =>
  new FormControl('', { nonNullable: true, validators });

export function createApplicationForm(): ApplicationForm {
  return new FormGroup({
    coop: new FormGroup({
      name: text(),
      city: text(),
      country: text([Validators.required]),
      timezone: new FormControl('', {
        nonNullable: true,
        validators: [Validators.required, Validators.pattern(TIMEZONE_PATTERN)],
      }),
      currency: text([Validators.required, Validators.pattern(/^[A-Z]{3}$/)]),
    }),
    legal: new FormGroup({
      legalForm: text([Validators.required]),
      legalFormJustification: text([]),
      registrationNumber: text([Validators.required, Validators.maxLength(40)]),
      statutes: new FormControl<File | null>(null, { validators: [statutesValidator] }),
    }),
    declarations: new FormGroup({
      workersAreMembersOrEmployees: new FormControl(false, {
        nonNullable: true,
        validators: [Validators.requiredTrue],
      }),
      socialEconomyStatus: new FormControl(false, { nonNullable: true }),
      adminName: text(),
      adminEmail: text([Validators.required, Validators.email, Validators.maxLength(254)]),
    }),
  });
}

/** A new country: suggest its zone and currency, forget the legal form, check the number's shape. */
export function applyCountry(form: ApplicationForm, country: CountryView | undefined): void {
  const coop = form.controls.coop.controls;
  const defaults = country ? countryDefaults(country.code) : null;
  if (defaults) {
    coop.timezone.setValue(defaults.timezone);
    coop.currency.setValue(defaults.currency);
  }
  const legal = form.controls.legal.controls;
  if (legal.legalForm.value && !country?.legalForms.some((f) => f.id === legal.legalForm.value)) {
    legal.legalForm.setValue('');
  }
  const validators = [Validators.required, Validators.maxLength(40)];
  if (country?.registrationExample) validators.push(registrationValidator(country.registrationExample));
  legal.registrationNumber.setValidators(validators);
  legal.registrationNumber.updateValueAndValidity();
  applyLegalForm(
    form,
    country?.legalForms.find((f) => f.id === legal.legalForm.value),
  );
}

/** The legal form decides whether a justification and the social-economy declaration are required. */
export function applyLegalForm(form: ApplicationForm, legalForm: LegalFormView | undefined): void {
  const justification = form.controls.legal.controls.legalFormJustification;
  justification.setValidators(
    legalForm?.requiresJustification
      ? [Validators.required, Validators.minLength(JUSTIFICATION_MIN), Validators.maxLength(2000)]
      : [],
  );
  justification.updateValueAndValidity();
  const social = form.controls.declarations.controls.socialEconomyStatus;
  social.setValidators(legalForm?.socialEconomyDeclarationApplicable ? [Validators.requiredTrue] : []);
  social.updateValueAndValidity();
}

/** The request body, normalised; optional parts only when the legal form asks for them. */
export function toApplicationRequest(
  form: ApplicationForm,
  legalForm: LegalFormView | undefined,
): CoopApplicationRequest {
  const { coop, legal, declarations } = form.getRawValue();
  const request: CoopApplicationRequest = {
    name: coop.name.trim(),
    city: coop.city.trim(),
    country: coop.country,
    timezone: coop.timezone.trim(),
    currency: coop.currency,
    legalForm: legal.legalForm,
    registrationNumber: legal.registrationNumber.trim(),
    declarations: { workersAreMembersOrEmployees: declarations.workersAreMembersOrEmployees },
    admin: { name: declarations.adminName.trim(), email: declarations.adminEmail.trim() },
  };
  if (legalForm?.requiresJustification) request.legalFormJustification = legal.legalFormJustification.trim();
  if (legalForm?.socialEconomyDeclarationApplicable) {
    request.declarations.socialEconomyStatus = declarations.socialEconomyStatus;
  }
  return request;
}

/** Where each request field lives in the form (server field errors are shown next to it). */
const FIELD_CONTROLS: Readonly<Record<string, [step: keyof ApplicationForm['controls'], control: string]>> = {
  name: ['coop', 'name'],
  city: ['coop', 'city'],
  country: ['coop', 'country'],
  timezone: ['coop', 'timezone'],
  currency: ['coop', 'currency'],
  legalForm: ['legal', 'legalForm'],
  legalFormJustification: ['legal', 'legalFormJustification'],
  registrationNumber: ['legal', 'registrationNumber'],
  statutes: ['legal', 'statutes'],
  'declarations.workersAreMembersOrEmployees': ['declarations', 'workersAreMembersOrEmployees'],
  'declarations.socialEconomyStatus': ['declarations', 'socialEconomyStatus'],
  'admin.name': ['declarations', 'adminName'],
  'admin.email': ['declarations', 'adminEmail'],
};
export const STEP_ORDER: readonly (keyof ApplicationForm['controls'])[] = ['coop', 'legal', 'declarations'];

/** Puts server field errors on their controls; returns the index of the first step with one (or -1). */
export function applyApplicationFieldErrors(form: ApplicationForm, errors: readonly FieldError[]): number {
  let first = -1;
  for (const error of errors) {
    const target = FIELD_CONTROLS[error.field] ?? FIELD_CONTROLS[error.field.split('.')[0]];
    if (!target) continue;
    const step: AbstractControl = form.controls[target[0]];
    const control = step.get(target[1]);
    if (!control) continue;
    control.setErrors({ ...(control.errors ?? {}), server: error.code });
    control.markAsTouched();
    const index = STEP_ORDER.indexOf(target[0]);
    if (first === -1 || index < first) first = index;
  }
  return first;
}

const CODE_FIELDS: Partial<Record<string, [step: keyof ApplicationForm['controls'], control: string]>> = {
  DUPLICATE_REGISTRATION: ['legal', 'registrationNumber'],
  REGISTRATION_FORMAT: ['legal', 'registrationNumber'],
  REGISTRATION_CHECKSUM: ['legal', 'registrationNumber'],
  UNKNOWN_LEGAL_FORM: ['legal', 'legalForm'],
  UNKNOWN_COUNTRY: ['coop', 'country'],
  STATUTES_EMPTY: ['legal', 'statutes'],
  STATUTES_TOO_LARGE: ['legal', 'statutes'],
  STATUTES_NOT_PDF: ['legal', 'statutes'],
  PAYLOAD_TOO_LARGE: ['legal', 'statutes'],
  UNSUPPORTED_MEDIA_TYPE: ['legal', 'statutes'],
};

/** A whole-request code that belongs to one field (e.g. DUPLICATE_REGISTRATION): mark it; returns its step or -1. */
export function applyApplicationCode(form: ApplicationForm, code: string | null): number {
  const target = code ? CODE_FIELDS[code] : undefined;
  if (!target || !code) return -1;
  const step: AbstractControl = form.controls[target[0]];
  const control = step.get(target[1]);
  if (!control) return -1;
  control.setErrors({ ...(control.errors ?? {}), server: code });
  control.markAsTouched();
  return STEP_ORDER.indexOf(target[0]);
}
