import { isIsoCountry } from './iso-codes';

/**
 * Per-country catalogue of cooperative legal forms and registration-number rules.
 *
 * Only the countries in {@link SUPPORTED_COUNTRIES} have a catalogue; a coop from any other
 * ISO 3166-1 country may apply with the form `other`, which requires a written justification
 * (checked in `application-input.ts`), and its registration number is only checked against a
 * permissive generic pattern.
 */

/** Countries with a catalogue of cooperative legal forms and a specific registration rule. */
export const SUPPORTED_COUNTRIES = ['FR', 'ES', 'DE', 'BE', 'GB', 'IT', 'US'] as const;
export type SupportedCountry = (typeof SUPPORTED_COUNTRIES)[number];

/** Identifier of the catch-all form, allowed in every country, that requires a justification. */
export const OTHER_LEGAL_FORM_ID = 'other';

export const LEGAL_FORM_IDS = [
  'fr_scop_sa',
  'fr_scop_sarl',
  'fr_scop_sas',
  'fr_scic_sa',
  'fr_scic_sarl',
  'fr_scic_sas',
  'fr_cae',
  'es_cooperativa_trabajo_asociado',
  'de_eg',
  'be_sc_agreee',
  'gb_fca_cooperative_society',
  'it_societa_cooperativa',
  'it_cooperativa_sociale',
  'us_worker_cooperative',
  OTHER_LEGAL_FORM_ID,
] as const;
export type LegalFormId = (typeof LEGAL_FORM_IDS)[number];

export interface LegalForm {
  id: LegalFormId;
  /** the country the form belongs to; `null` for `other`, allowed everywhere */
  country: SupportedCountry | null;
  labels: { en: string; fr: string };
  /**
   * True when the country has a social and solidarity economy status that this form can hold
   * (France: ESS, loi n° 2014-856; Spain: Ley 5/2011 de Economía Social; Belgium: agrément
   * "entreprise sociale"; Italy: impresa sociale / Terzo settore, D.lgs. 112/2017). When true the
   * application must declare that status.
   */
  socialEconomyDeclarationApplicable: boolean;
  /** True for `other`: the applicant must explain in writing why the entity is a cooperative. */
  requiresJustification: boolean;
}

function form(
  id: LegalFormId,
  country: SupportedCountry | null,
  en: string,
  fr: string,
  socialEconomyDeclarationApplicable: boolean,
): LegalForm {
  return {
    id,
    country,
    labels: { en, fr },
    socialEconomyDeclarationApplicable,
    requiresJustification: id === OTHER_LEGAL_FORM_ID,
  };
}

/** The catch-all form; see {@link OTHER_LEGAL_FORM_ID}. */
export const OTHER_LEGAL_FORM: LegalForm = form(
  OTHER_LEGAL_FORM_ID,
  null,
  'Other cooperative form (justification required)',
  'Autre forme coopérative (justification requise)',
  false,
);

/** Cooperative legal forms per supported country (`other` is added by {@link legalFormsFor}). */
export const LEGAL_FORM_CATALOGUE: Readonly<Record<SupportedCountry, readonly LegalForm[]>> = {
  FR: [
    form('fr_scop_sa', 'FR', 'Workers’ cooperative (SCOP), public limited company (SA)', 'SCOP SA', true),
    form('fr_scop_sarl', 'FR', 'Workers’ cooperative (SCOP), private limited company (SARL)', 'SCOP SARL', true),
    form('fr_scop_sas', 'FR', 'Workers’ cooperative (SCOP), simplified joint-stock company (SAS)', 'SCOP SAS', true),
    form('fr_scic_sa', 'FR', 'Multi-stakeholder cooperative (SCIC), public limited company (SA)', 'SCIC SA', true),
    form(
      'fr_scic_sarl',
      'FR',
      'Multi-stakeholder cooperative (SCIC), private limited company (SARL)',
      'SCIC SARL',
      true,
    ),
    form(
      'fr_scic_sas',
      'FR',
      'Multi-stakeholder cooperative (SCIC), simplified joint-stock company (SAS)',
      'SCIC SAS',
      true,
    ),
    form('fr_cae', 'FR', 'Business and employment cooperative (CAE)', 'Coopérative d’activité et d’emploi (CAE)', true),
  ],
  ES: [
    form(
      'es_cooperativa_trabajo_asociado',
      'ES',
      'Worker cooperative (cooperativa de trabajo asociado)',
      'Coopérative de travail associé (cooperativa de trabajo asociado)',
      true,
    ),
  ],
  DE: [
    form(
      'de_eg',
      'DE',
      'Registered cooperative (eingetragene Genossenschaft, eG)',
      'Coopérative enregistrée (eingetragene Genossenschaft, eG)',
      false,
    ),
  ],
  BE: [
    form(
      'be_sc_agreee',
      'BE',
      'Accredited cooperative company (SC agréée / CV erkend)',
      'Société coopérative agréée (SC agréée)',
      true,
    ),
  ],
  GB: [
    form(
      'gb_fca_cooperative_society',
      'GB',
      'Co-operative society registered with the FCA',
      'Société coopérative enregistrée auprès de la FCA',
      false,
    ),
  ],
  IT: [
    form(
      'it_societa_cooperativa',
      'IT',
      'Cooperative company (società cooperativa)',
      'Société coopérative (società cooperativa)',
      true,
    ),
    form(
      'it_cooperativa_sociale',
      'IT',
      'Social cooperative (cooperativa sociale)',
      'Coopérative sociale (cooperativa sociale)',
      true,
    ),
  ],
  US: [
    form(
      'us_worker_cooperative',
      'US',
      'Worker cooperative',
      'Coopérative de travailleurs (worker cooperative)',
      false,
    ),
  ],
};

/** True when `country` has its own catalogue (upper-case ISO 3166-1 alpha-2 expected). */
export function isSupportedCountry(country: string): country is SupportedCountry {
  return (SUPPORTED_COUNTRIES as readonly string[]).includes(country);
}

/**
 * The legal forms a coop of `country` may choose: the country's catalogue plus `other`.
 * Any other ISO country gets only `other`; an unknown code gets an empty list.
 */
export function legalFormsFor(country: string): readonly LegalForm[] {
  if (isSupportedCountry(country)) {
    return [...LEGAL_FORM_CATALOGUE[country], OTHER_LEGAL_FORM];
  }
  return isIsoCountry(country) ? [OTHER_LEGAL_FORM] : [];
}

/** The legal form `formId` if it may be chosen in `country`, else `undefined`. */
export function findLegalForm(country: string, formId: string): LegalForm | undefined {
  return legalFormsFor(country).find((f) => f.id === formId);
}

// ---------------------------------------------------------------------------------------------
// Registration numbers
// ---------------------------------------------------------------------------------------------

export type RegistrationErrorCode = 'REGISTRATION_FORMAT' | 'REGISTRATION_CHECKSUM' | 'UNKNOWN_COUNTRY';

export type RegistrationValidation =
  | { ok: true; normalised: string }
  | { ok: false; code: RegistrationErrorCode; message: string };

/** Human description of each country's accepted format, for form hints and documentation. */
export const REGISTRATION_RULES: Readonly<
  Record<SupportedCountry | 'other', { name: string; format: string; example: string }>
> = {
  FR: {
    name: 'SIREN',
    format: '9 digits, Luhn check digit; spaces allowed',
    example: '732 829 320',
  },
  ES: {
    name: 'NIF (CIF) of a cooperative',
    format: 'letter F, 7 digits, control digit or letter (J, A-I); hyphens and spaces allowed',
    example: 'F20000006',
  },
  DE: {
    name: 'Genossenschaftsregister number',
    format:
      "'GnR' + 1-6 digits, optional one-letter suffix, optionally preceded by the court ('Amtsgericht Berlin GnR 123')",
    example: 'Amtsgericht München GnR 2345',
  },
  BE: {
    name: 'Enterprise number (numéro d’entreprise / ondernemingsnummer)',
    format: '10 digits starting with 0 or 1, mod-97 check; dots, spaces and the BE prefix allowed',
    example: '0403.170.701',
  },
  GB: {
    name: 'FCA Mutuals Public Register number',
    format: "1-6 digits with optional 'IP' prefix and 'R' or 'RS' suffix, or 'RS' + 6 digits",
    example: 'IP12345R',
  },
  IT: {
    name: 'Partita IVA / codice fiscale',
    format: '11 digits, Partita IVA check digit; IT prefix allowed',
    example: '12345678903',
  },
  US: {
    name: 'EIN',
    format: 'NN-NNNNNNN with an IRS-assigned prefix',
    example: '12-3456789',
  },
  other: {
    name: 'National registration number',
    format: '2-40 letters, digits, spaces, dots, slashes or hyphens',
    example: 'CHE-123.456.788',
  },
};

const fail = (code: RegistrationErrorCode, message: string): RegistrationValidation => ({ ok: false, code, message });
const ok = (normalised: string): RegistrationValidation => ({
  ok: true,
  normalised,
});

/**
 * Luhn (mod 10) check over a string of digits: from the right, every second digit is doubled
 * (minus 9 when above 9) and the total must be a multiple of 10. Used by the French SIREN and,
 * equivalently, by the Italian Partita IVA.
 */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Removes spaces (incl. non-breaking), dots and hyphens; upper-cases. */
function compact(value: string): string {
  return value.replace(/[\s.\u00a0-]/g, '').toUpperCase();
}

function validateFrSiren(input: string): RegistrationValidation {
  const v = input.replace(/[\s\u00a0]/g, '');
  if (!/^\d{9}$/.test(v)) return fail('REGISTRATION_FORMAT', 'A SIREN number has 9 digits.');
  if (!luhnValid(v)) return fail('REGISTRATION_CHECKSUM', 'This SIREN number fails its check digit (Luhn).');
  return ok(v);
}

/**
 * Spanish CIF control character, as defined for legal entities (Orden EHA/451/2008):
 * over the 7 digits, the digits in even positions (2nd, 4th, 6th) are summed as they are; those
 * in odd positions (1st, 3rd, 5th, 7th) are doubled and their digits summed; the control digit
 * is (10 - total mod 10) mod 10 and the control letter is "JABCDEFGHI"[control digit].
 */
export function spanishCifControl(sevenDigits: string): {
  digit: string;
  letter: string;
} {
  let sum = 0;
  for (let i = 0; i < 7; i++) {
    const d = sevenDigits.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      const doubled = d * 2;
      sum += Math.floor(doubled / 10) + (doubled % 10);
    } else {
      sum += d;
    }
  }
  const control = (10 - (sum % 10)) % 10;
  return { digit: String(control), letter: 'JABCDEFGHI'[control] };
}

/**
 * Spain, cooperative NIF: 'F' + 7 digits + control character. For entity letter F (cooperatives)
 * the rules allow either the control digit or its letter equivalent (only A, B, E, H must use a
 * digit and K, P, Q, S, N, W a letter), so both are accepted. The normalised form keeps the
 * control character as given, upper-cased, without separators.
 */
function validateEsNif(input: string): RegistrationValidation {
  const v = compact(input).replace(/^ES/, '');
  if (!/^F\d{7}[0-9A-J]$/.test(v)) {
    return fail('REGISTRATION_FORMAT', 'A cooperative NIF is the letter F, 7 digits and a control digit or letter.');
  }
  const { digit, letter } = spanishCifControl(v.slice(1, 8));
  const given = v[8];
  if (given !== digit && given !== letter) {
    return fail('REGISTRATION_CHECKSUM', 'This NIF fails its control character.');
  }
  return ok(v);
}

/**
 * Germany: the Genossenschaftsregister number is 'GnR' followed by the register sheet number
 * (1-6 digits) and sometimes a one-letter suffix; numbers are only unique per register court, so
 * the court ('Amtsgericht <city>' or 'AG <city>') may precede it. There is no check digit.
 * Accepted: /^((Amtsgericht|AG) <Court>,? )?GnR ?\d{1,6}( ?[A-Z])?$/ (case-insensitive on GnR).
 * Normalised: 'GnR 123' or 'Amtsgericht <Court> GnR 123' (single spaces, leading zeros dropped).
 * Note: two coops with the same GnR number at different courts are different; the duplicate
 * check is therefore only as precise as the court information given.
 */
function validateDeGnr(input: string): RegistrationValidation {
  const v = input.trim().replace(/\s+/g, ' ');
  const m = /^(?:(?:Amtsgericht|AG) (\p{Lu}[\p{L} .()/-]{0,58}?),? )?GnR ?(\d{1,6})(?: ?([A-Za-z]))?$/iu.exec(v);
  if (!m) {
    return fail(
      'REGISTRATION_FORMAT',
      "A Genossenschaftsregister number looks like 'GnR 1234', optionally preceded by the court ('Amtsgericht Berlin GnR 1234').",
    );
  }
  const [, court, num, suffix] = m;
  const number = String(Number(num));
  if (number === '0') return fail('REGISTRATION_FORMAT', 'The register number cannot be zero.');
  const core = `GnR ${number}${suffix ? ` ${suffix.toUpperCase()}` : ''}`;
  return ok(court ? `Amtsgericht ${court.trim()} ${core}` : core);
}

/**
 * Belgium: enterprise number, 10 digits starting with 0 or 1 (legacy 9-digit numbers get a
 * leading 0); the last two digits equal 97 - (first eight digits mod 97).
 * Normalised: 10 digits without dots, e.g. 0403170701.
 */
function validateBeEnterprise(input: string): RegistrationValidation {
  let v = compact(input).replace(/^BE/, '');
  if (/^\d{9}$/.test(v)) v = `0${v}`;
  if (!/^[01]\d{9}$/.test(v)) {
    return fail(
      'REGISTRATION_FORMAT',
      'A Belgian enterprise number has 10 digits and starts with 0 or 1 (e.g. 0403.170.701).',
    );
  }
  const expected = 97 - (Number(v.slice(0, 8)) % 97);
  if (expected !== Number(v.slice(8))) {
    return fail('REGISTRATION_CHECKSUM', 'This enterprise number fails its mod-97 check.');
  }
  return ok(v);
}

/**
 * United Kingdom: number on the FCA Mutuals Public Register. Societies registered before 2014
 * carry numbers such as '12345R' or 'IP12345R' ('R' registered, 'RS' registered in Scotland);
 * newer ones carry 'RS' + 6 digits ('RS007654'). There is no check digit.
 * Accepted (after removing spaces, upper-cased): /^(IP)?\d{1,6}(R|RS)?$/ or /^RS\d{6}$/.
 */
function validateGbMutual(input: string): RegistrationValidation {
  const v = compact(input);
  if (!(/^(IP)?\d{1,6}(R|RS)?$/.test(v) || /^RS\d{6}$/.test(v)) || /^(IP)?0+(R|RS)?$/.test(v)) {
    return fail('REGISTRATION_FORMAT', "An FCA mutuals register number looks like 'IP12345R', '12345R' or 'RS007654'.");
  }
  return ok(v);
}

/**
 * Italy: Partita IVA (also the codice fiscale of a company): 11 digits; digits 1-7 are the
 * company serial, 8-10 the tax office, 11 the check digit computed like Luhn: digits in odd
 * positions are summed, those in even positions doubled (minus 9 when above 9), and the check
 * digit is (10 - total mod 10) mod 10. The office code is not checked (its list changes).
 */
function validateItPartitaIva(input: string): RegistrationValidation {
  const v = compact(input).replace(/^IT/, '');
  if (!/^\d{11}$/.test(v) || /^0{11}$/.test(v)) {
    return fail('REGISTRATION_FORMAT', 'A Partita IVA has 11 digits.');
  }
  if (!luhnValid(v)) return fail('REGISTRATION_CHECKSUM', 'This Partita IVA fails its check digit.');
  return ok(v);
}

/**
 * EIN prefixes assigned by the IRS (campuses and internet/SBA issuance). Prefixes 00, 07-09,
 * 17-19, 28, 29, 49, 69, 70, 78, 79, 89, 96 and 97 are not assigned.
 */
export const US_EIN_PREFIXES: ReadonlySet<string> = new Set(
  [
    [1, 6],
    [10, 16],
    [20, 27],
    [30, 48],
    [50, 68],
    [71, 77],
    [80, 88],
    [90, 95],
    [98, 99],
  ].flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(2, '0'))),
);

/** United States: EIN 'NN-NNNNNNN' (the hyphen is optional on input, always present once normalised). */
function validateUsEin(input: string): RegistrationValidation {
  const v = input.replace(/[\s\u00a0]/g, '');
  if (!/^\d{2}-?\d{7}$/.test(v)) return fail('REGISTRATION_FORMAT', 'An EIN has 9 digits: NN-NNNNNNN.');
  const digits = v.replace('-', '');
  if (!US_EIN_PREFIXES.has(digits.slice(0, 2))) {
    return fail('REGISTRATION_CHECKSUM', `EIN prefix ${digits.slice(0, 2)} is not assigned by the IRS.`);
  }
  return ok(`${digits.slice(0, 2)}-${digits.slice(2)}`);
}

/** Other ISO countries: 2-40 characters among letters, digits, spaces, dots, slashes and hyphens. */
function validateGeneric(input: string): RegistrationValidation {
  const v = input.trim().replace(/\s+/g, ' ').toUpperCase();
  if (!/^[\p{L}\p{N}][\p{L}\p{N} ./-]{0,38}[\p{L}\p{N}]$/u.test(v) || !/\p{N}/u.test(v)) {
    return fail(
      'REGISTRATION_FORMAT',
      'A registration number has 2 to 40 letters, digits, spaces, dots, slashes or hyphens, including at least one digit.',
    );
  }
  return ok(v);
}

const VALIDATORS: Readonly<Record<SupportedCountry, (input: string) => RegistrationValidation>> = {
  FR: validateFrSiren,
  ES: validateEsNif,
  DE: validateDeGnr,
  BE: validateBeEnterprise,
  GB: validateGbMutual,
  IT: validateItPartitaIva,
  US: validateUsEin,
};

/** Longest raw input looked at; anything longer is a format error without further parsing. */
export const MAX_REGISTRATION_INPUT_LENGTH = 120;

/**
 * Validates and normalises a registration number for `country` (ISO 3166-1 alpha-2, case
 * insensitive). Supported countries use their specific rule; other ISO countries a permissive
 * generic pattern; non-ISO codes give `UNKNOWN_COUNTRY`.
 */
export function validateRegistration(country: string, number: string): RegistrationValidation {
  const cc = country.trim().toUpperCase();
  if (!isIsoCountry(cc)) return fail('UNKNOWN_COUNTRY', `Unknown country code '${country.slice(0, 8)}'.`);
  if (number.length === 0 || number.trim().length === 0) {
    return fail('REGISTRATION_FORMAT', 'The registration number is required.');
  }
  if (number.length > MAX_REGISTRATION_INPUT_LENGTH) {
    return fail('REGISTRATION_FORMAT', 'The registration number is too long.');
  }
  return isSupportedCountry(cc) ? VALIDATORS[cc](number.trim()) : validateGeneric(number);
}

/**
 * The key under which a registration is unique across the federation: country + normalised
 * number ('FR:732829320'). Store it with a unique index to refuse a second coop with the same
 * registration (error DUPLICATE_REGISTRATION).
 */
export function registrationKey(country: string, normalised: string): string {
  return `${country.trim().toUpperCase()}:${normalised.toUpperCase()}`;
}
