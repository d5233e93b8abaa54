import type { FieldError } from '@federacycle/contracts';
import { isIsoCountry, isIsoCurrency, normaliseTimeZone } from '../legal-forms/iso-codes';

export { normaliseTimeZone };
import {
  LegalFormId,
  OTHER_LEGAL_FORM_ID,
  findLegalForm,
  registrationKey,
  validateRegistration,
} from '../legal-forms/legal-form-catalogue';

/**
 * Validation of the public "Start a coop" application body (the statutes PDF travels separately
 * and is checked by `inspectStatutes`). Every problem is reported at once as a list of
 * `FieldError` (`field` is the dotted path); nothing is thrown for bad input.
 *
 * Strings are NFC-normalised and trimmed; names have inner whitespace collapsed; control
 * characters are refused. Unknown members are refused (`UNKNOWN_FIELD`) rather than silently
 * dropped, so that a client typo (e.g. `registration` for `registrationNumber`) is visible.
 */

/** Stable codes used in `FieldError.code` by this validator. */
export const APPLICATION_FIELD_CODES = {
  NOT_AN_OBJECT: 'NOT_AN_OBJECT',
  UNKNOWN_FIELD: 'UNKNOWN_FIELD',
  REQUIRED: 'REQUIRED',
  NOT_A_STRING: 'NOT_A_STRING',
  NOT_A_BOOLEAN: 'NOT_A_BOOLEAN',
  TOO_SHORT: 'TOO_SHORT',
  TOO_LONG: 'TOO_LONG',
  INVALID_CHARACTERS: 'INVALID_CHARACTERS',
  UNKNOWN_COUNTRY: 'UNKNOWN_COUNTRY',
  UNKNOWN_TIMEZONE: 'UNKNOWN_TIMEZONE',
  UNKNOWN_CURRENCY: 'UNKNOWN_CURRENCY',
  UNKNOWN_LEGAL_FORM: 'UNKNOWN_LEGAL_FORM',
  UNKNOWN_LOCALE: 'UNKNOWN_LOCALE',
  JUSTIFICATION_REQUIRED: 'JUSTIFICATION_REQUIRED',
  REGISTRATION_FORMAT: 'REGISTRATION_FORMAT',
  REGISTRATION_CHECKSUM: 'REGISTRATION_CHECKSUM',
  DECLARATION_REQUIRED: 'DECLARATION_REQUIRED',
  INVALID_EMAIL: 'INVALID_EMAIL',
} as const;
export type ApplicationFieldCode = (typeof APPLICATION_FIELD_CODES)[keyof typeof APPLICATION_FIELD_CODES];

/** Length bounds (in characters, after trimming). */
export const APPLICATION_LIMITS = {
  name: { min: 2, max: 120 },
  city: { min: 1, max: 100 },
  adminName: { min: 1, max: 120 },
  email: { max: 254 },
  justification: { min: 50, max: 2000 },
  registrationNumber: { max: 120 },
} as const;

/** The body as sent by the client. */
export interface CoopApplicationInput {
  name: string;
  city: string;
  /** ISO 3166-1 alpha-2, any case */
  country: string;
  /** IANA time zone, e.g. Europe/Paris */
  timezone: string;
  /** ISO 4217, any case */
  currency: string;
  legalForm: string;
  /** required (≥ 50 characters) when `legalForm` is `other` */
  legalFormJustification?: string | null;
  registrationNumber: string;
  declarations: {
    /** the people who ride for the coop are its members or employees; must be true */
    workersAreMembersOrEmployees: boolean;
    /** the coop holds the country's social and solidarity economy status; must be true where the form has one */
    socialEconomyStatus?: boolean | null;
  };
  admin: { name: string; email: string };
  /** the applicant's language for the mails (default: the request's Accept-Language, else English) */
  locale?: 'en' | 'fr';
}

/** The application once valid, normalised. */
export interface ValidCoopApplication {
  name: string;
  city: string;
  country: string;
  timezone: string;
  currency: string;
  legalForm: LegalFormId;
  /** `null` unless the form is `other` */
  legalFormJustification: string | null;
  /** normalised registration number */
  registrationNumber: string;
  /** unique key across the federation, see `registrationKey` */
  registrationKey: string;
  declarations: {
    workersAreMembersOrEmployees: true;
    socialEconomyStatus: boolean | null;
  };
  admin: { name: string; email: string };
  /** the language the applicant chose, when they chose one */
  locale?: 'en' | 'fr';
}

export type ApplicationValidation = { ok: true; value: ValidCoopApplication } | { ok: false; errors: FieldError[] };

const TOP_LEVEL = new Set([
  'name',
  'city',
  'country',
  'timezone',
  'currency',
  'legalForm',
  'legalFormJustification',
  'registrationNumber',
  'declarations',
  'admin',
  'locale',
]);
const DECLARATIONS = new Set(['workersAreMembersOrEmployees', 'socialEconomyStatus']);
const ADMIN = new Set(['name', 'email']);

// C0/C1 controls except tab/newline/carriage return (allowed in the justification only), and
// bidi overrides that could disguise a name
const CONTROL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const LINE_BREAKS = /[\t\n\r]/;

/**
 * A pragmatic address check (not RFC 5322): dot-atom local part of at most 64 characters,
 * a domain of LDH labels with at least one dot and an alphabetic TLD of 2+ letters.
 */
const EMAIL =
  /^(?=.{1,64}@)[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function validateApplication(payload: unknown): ApplicationValidation {
  const errors: FieldError[] = [];
  const add = (field: string, code: ApplicationFieldCode, message: string) => errors.push({ field, code, message });

  if (!isRecord(payload)) {
    add('', 'NOT_AN_OBJECT', 'The application must be a JSON object.');
    return { ok: false, errors };
  }

  const unknownMembers = (obj: Record<string, unknown>, allowed: ReadonlySet<string>, prefix: string) => {
    for (const key of Object.keys(obj)) {
      if (!allowed.has(key))
        add(`${prefix}${key.slice(0, 60)}`, 'UNKNOWN_FIELD', `Unknown field '${key.slice(0, 60)}'.`);
    }
  };

  /** Reads a required string, normalised; reports and returns undefined on failure. */
  const text = (
    obj: Record<string, unknown>,
    key: string,
    field: string,
    label: string,
    bounds: { min?: number; max: number },
    options: {
      collapse?: boolean;
      multiline?: boolean;
      required?: boolean;
    } = {},
  ): string | undefined => {
    const raw = obj[key];
    if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
      if (options.required !== false) add(field, 'REQUIRED', `${label} is required.`);
      return undefined;
    }
    if (typeof raw !== 'string') {
      add(field, 'NOT_A_STRING', `${label} must be text.`);
      return undefined;
    }
    if (raw.length > bounds.max * 4) {
      add(field, 'TOO_LONG', `${label} must be at most ${bounds.max} characters.`);
      return undefined;
    }
    let value = raw.normalize('NFC').trim();
    if (options.collapse) value = value.replace(/\s+/g, ' ');
    if (CONTROL.test(value) || (!options.multiline && LINE_BREAKS.test(value))) {
      add(field, 'INVALID_CHARACTERS', `${label} contains characters that are not allowed.`);
      return undefined;
    }
    const length = [...value].length;
    if (bounds.min !== undefined && length < bounds.min) {
      add(field, 'TOO_SHORT', `${label} must be at least ${bounds.min} characters.`);
      return undefined;
    }
    if (length > bounds.max) {
      add(field, 'TOO_LONG', `${label} must be at most ${bounds.max} characters.`);
      return undefined;
    }
    return value;
  };

  const mustBeTrue = (obj: Record<string, unknown>, key: string, label: string): boolean => {
    const field = `declarations.${key}`;
    const value = obj[key];
    if (value === undefined || value === null) add(field, 'DECLARATION_REQUIRED', `You must declare that ${label}.`);
    else if (typeof value !== 'boolean') add(field, 'NOT_A_BOOLEAN', 'This declaration must be true or false.');
    else if (!value) add(field, 'DECLARATION_REQUIRED', `Only cooperatives where ${label} can join the federation.`);
    return value === true;
  };

  unknownMembers(payload, TOP_LEVEL, '');
  const localeRaw = payload['locale'];
  let locale: 'en' | 'fr' | undefined;
  if (localeRaw === 'en' || localeRaw === 'fr') locale = localeRaw;
  else if (localeRaw !== undefined && localeRaw !== null)
    add('locale', 'UNKNOWN_LOCALE', "The language must be 'en' or 'fr'.");
  const L = APPLICATION_LIMITS;
  const name = text(payload, 'name', 'name', 'The cooperative’s name', L.name, {
    collapse: true,
  });
  const city = text(payload, 'city', 'city', 'The city', L.city, {
    collapse: true,
  });

  let country: string | undefined;
  const countryRaw = text(payload, 'country', 'country', 'The country', {
    max: 64,
  });
  if (countryRaw !== undefined) {
    if (isIsoCountry(countryRaw.toUpperCase())) country = countryRaw.toUpperCase();
    else add('country', 'UNKNOWN_COUNTRY', 'Unknown country: use an ISO 3166-1 alpha-2 code such as FR.');
  }

  let timezone: string | undefined;
  const timezoneRaw = text(payload, 'timezone', 'timezone', 'The time zone', {
    max: 64,
  });
  if (timezoneRaw !== undefined) {
    timezone = normaliseTimeZone(timezoneRaw) ?? undefined;
    if (timezone === undefined)
      add('timezone', 'UNKNOWN_TIMEZONE', 'Unknown time zone: use an IANA name such as Europe/Paris.');
  }

  let currency: string | undefined;
  const currencyRaw = text(payload, 'currency', 'currency', 'The currency', {
    max: 16,
  });
  if (currencyRaw !== undefined) {
    if (isIsoCurrency(currencyRaw.toUpperCase())) currency = currencyRaw.toUpperCase();
    else add('currency', 'UNKNOWN_CURRENCY', 'Unknown currency: use an ISO 4217 code such as EUR.');
  }

  const legalFormRaw = text(payload, 'legalForm', 'legalForm', 'The legal form', { max: 64 });
  const legalForm =
    country !== undefined && legalFormRaw !== undefined ? findLegalForm(country, legalFormRaw) : undefined;
  if (country !== undefined && legalFormRaw !== undefined && legalForm === undefined) {
    add(
      'legalForm',
      'UNKNOWN_LEGAL_FORM',
      `This legal form is not a cooperative form of ${country}; choose one from the list or 'other'.`,
    );
  }

  let justification: string | null = null;
  if (legalForm?.requiresJustification) {
    const value = text(
      payload,
      'legalFormJustification',
      'legalFormJustification',
      'The justification',
      L.justification,
      {
        multiline: true,
        required: false,
      },
    );
    if (value === undefined && !errors.some((e) => e.field === 'legalFormJustification')) {
      add(
        'legalFormJustification',
        'JUSTIFICATION_REQUIRED',
        `With the legal form 'other', explain in at least ${L.justification.min} characters why your organisation is a cooperative.`,
      );
    }
    justification = value ?? null;
  }

  let registration: string | undefined;
  const registrationRaw = text(
    payload,
    'registrationNumber',
    'registrationNumber',
    'The registration number',
    L.registrationNumber,
  );
  if (country !== undefined && registrationRaw !== undefined) {
    const result = validateRegistration(country, registrationRaw);
    if (result.ok) registration = result.normalised;
    else if (result.code !== 'UNKNOWN_COUNTRY') add('registrationNumber', result.code, result.message);
  }

  let declarations: ValidCoopApplication['declarations'] | undefined;
  const declarationsRaw = payload['declarations'];
  if (!isRecord(declarationsRaw)) {
    add(
      'declarations',
      declarationsRaw === undefined || declarationsRaw === null ? 'REQUIRED' : 'NOT_AN_OBJECT',
      'The declarations are required.',
    );
  } else {
    unknownMembers(declarationsRaw, DECLARATIONS, 'declarations.');
    const workers = mustBeTrue(
      declarationsRaw,
      'workersAreMembersOrEmployees',
      'the couriers are members or employees of the cooperative',
    );
    let social: boolean | null = null;
    if (legalForm?.socialEconomyDeclarationApplicable) {
      social = mustBeTrue(
        declarationsRaw,
        'socialEconomyStatus',
        'the cooperative holds the social and solidarity economy status',
      );
    } else if (
      declarationsRaw['socialEconomyStatus'] !== undefined &&
      declarationsRaw['socialEconomyStatus'] !== null
    ) {
      if (typeof declarationsRaw['socialEconomyStatus'] !== 'boolean') {
        add('declarations.socialEconomyStatus', 'NOT_A_BOOLEAN', 'This declaration must be true or false.');
      } else {
        social = declarationsRaw['socialEconomyStatus'];
      }
    }
    if (workers)
      declarations = {
        workersAreMembersOrEmployees: true,
        socialEconomyStatus: social,
      };
  }

  let admin: ValidCoopApplication['admin'] | undefined;
  const adminRaw = payload['admin'];
  if (!isRecord(adminRaw)) {
    add(
      'admin',
      adminRaw === undefined || adminRaw === null ? 'REQUIRED' : 'NOT_AN_OBJECT',
      'The first administrator’s name and email are required.',
    );
  } else {
    unknownMembers(adminRaw, ADMIN, 'admin.');
    const adminName = text(adminRaw, 'name', 'admin.name', 'The administrator’s name', L.adminName, { collapse: true });
    const emailRaw = text(adminRaw, 'email', 'admin.email', 'The administrator’s email', L.email);
    let email: string | undefined;
    if (emailRaw !== undefined) {
      if (EMAIL.test(emailRaw)) email = emailRaw.toLowerCase();
      else add('admin.email', 'INVALID_EMAIL', 'This email address is not valid.');
    }
    if (adminName !== undefined && email !== undefined) admin = { name: adminName, email };
  }

  if (
    errors.length > 0 ||
    name === undefined ||
    city === undefined ||
    country === undefined ||
    timezone === undefined ||
    currency === undefined ||
    legalForm === undefined ||
    registration === undefined ||
    declarations === undefined ||
    admin === undefined
  ) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      name,
      city,
      country,
      timezone,
      currency,
      legalForm: legalForm.id,
      legalFormJustification: legalForm.id === OTHER_LEGAL_FORM_ID ? justification : null,
      registrationNumber: registration,
      registrationKey: registrationKey(country, registration),
      declarations,
      admin,
      ...(locale ? { locale } : {}),
    },
  };
}
