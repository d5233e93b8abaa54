import {
  LEGAL_FORM_CATALOGUE,
  OTHER_LEGAL_FORM_ID,
  REGISTRATION_RULES,
  SUPPORTED_COUNTRIES,
  US_EIN_PREFIXES,
  findLegalForm,
  isSupportedCountry,
  legalFormsFor,
  luhnValid,
  registrationKey,
  spanishCifControl,
  validateRegistration,
} from './legal-form-catalogue';
import { ISO_3166_ALPHA2, ISO_4217_CURRENCIES } from './iso-codes';

describe('ISO lists', () => {
  it('holds the 249 ISO 3166-1 alpha-2 codes', () => {
    expect(ISO_3166_ALPHA2.size).toBe(249);
    expect(ISO_3166_ALPHA2.has('FR')).toBe(true);
    expect(ISO_3166_ALPHA2.has('XX')).toBe(false);
    expect(ISO_3166_ALPHA2.has('EU')).toBe(false);
  });
  it('holds current currencies only', () => {
    expect(ISO_4217_CURRENCIES.has('EUR')).toBe(true);
    expect(ISO_4217_CURRENCIES.has('FRF')).toBe(false);
    expect(ISO_4217_CURRENCIES.has('XAU')).toBe(false);
  });
});

describe('legal form catalogue', () => {
  it('has at least the required forms per country', () => {
    const ids = (c: keyof typeof LEGAL_FORM_CATALOGUE) => LEGAL_FORM_CATALOGUE[c].map((f) => f.id);
    expect(ids('FR')).toEqual(
      expect.arrayContaining([
        'fr_scop_sa',
        'fr_scop_sarl',
        'fr_scop_sas',
        'fr_scic_sa',
        'fr_scic_sarl',
        'fr_scic_sas',
        'fr_cae',
      ]),
    );
    expect(ids('ES')).toEqual(['es_cooperativa_trabajo_asociado']);
    expect(ids('DE')).toEqual(['de_eg']);
    expect(ids('BE')).toEqual(['be_sc_agreee']);
    expect(ids('GB')).toEqual(['gb_fca_cooperative_society']);
    expect(ids('IT')).toEqual(['it_societa_cooperativa', 'it_cooperativa_sociale']);
    expect(ids('US')).toEqual(['us_worker_cooperative']);
  });

  it.each(SUPPORTED_COUNTRIES)(
    '%s: every form belongs to the country, has en+fr labels, needs no justification',
    (country) => {
      for (const f of LEGAL_FORM_CATALOGUE[country]) {
        expect(f.country).toBe(country);
        expect(f.labels.en.length).toBeGreaterThan(0);
        expect(f.labels.fr.length).toBeGreaterThan(0);
        expect(f.requiresJustification).toBe(false);
      }
      expect(REGISTRATION_RULES[country].example.length).toBeGreaterThan(0);
    },
  );

  it.each(SUPPORTED_COUNTRIES)('%s: the documented example number is valid', (country) => {
    expect(validateRegistration(country, REGISTRATION_RULES[country].example).ok).toBe(true);
  });

  it('form ids are unique', () => {
    const all = SUPPORTED_COUNTRIES.flatMap((c) => LEGAL_FORM_CATALOGUE[c].map((f) => f.id));
    expect(new Set(all).size).toBe(all.length);
  });

  it('offers the catalogue plus other for supported countries', () => {
    const fr = legalFormsFor('FR').map((f) => f.id);
    expect(fr).toContain('fr_scop_sarl');
    expect(fr[fr.length - 1]).toBe(OTHER_LEGAL_FORM_ID);
  });

  it('offers only other for other ISO countries, nothing for unknown codes', () => {
    expect(legalFormsFor('PT').map((f) => f.id)).toEqual([OTHER_LEGAL_FORM_ID]);
    expect(legalFormsFor('XX')).toEqual([]);
    expect(legalFormsFor('fr')).toEqual([]);
  });

  it('other requires a justification', () => {
    expect(findLegalForm('NL', 'other')?.requiresJustification).toBe(true);
  });

  it('finds a form only in its own country', () => {
    expect(findLegalForm('FR', 'fr_scic_sas')?.labels.fr).toBe('SCIC SAS');
    expect(findLegalForm('ES', 'fr_scic_sas')).toBeUndefined();
    expect(findLegalForm('FR', 'de_eg')).toBeUndefined();
    expect(findLegalForm('FR', 'nonsense')).toBeUndefined();
  });

  it('declares the social-economy status where the country has one', () => {
    expect(findLegalForm('FR', 'fr_scop_sa')?.socialEconomyDeclarationApplicable).toBe(true);
    expect(findLegalForm('ES', 'es_cooperativa_trabajo_asociado')?.socialEconomyDeclarationApplicable).toBe(true);
    expect(findLegalForm('DE', 'de_eg')?.socialEconomyDeclarationApplicable).toBe(false);
    expect(findLegalForm('US', 'us_worker_cooperative')?.socialEconomyDeclarationApplicable).toBe(false);
  });

  it('recognises supported countries (upper case only)', () => {
    expect(isSupportedCountry('IT')).toBe(true);
    expect(isSupportedCountry('it')).toBe(false);
    expect(isSupportedCountry('PT')).toBe(false);
  });
});

describe('check-digit helpers', () => {
  it('luhn', () => {
    expect(luhnValid('732829320')).toBe(true);
    expect(luhnValid('732829321')).toBe(false);
    expect(luhnValid('79927398713')).toBe(true); // the textbook example
  });
  it('Spanish CIF control', () => {
    expect(spanishCifControl('2000000')).toEqual({ digit: '6', letter: 'F' });
    expect(spanishCifControl('7523183')).toEqual({ digit: '7', letter: 'G' });
    expect(spanishCifControl('0800000')).toEqual({ digit: '2', letter: 'B' });
  });
  it('EIN prefixes', () => {
    expect(US_EIN_PREFIXES.has('01')).toBe(true);
    expect(US_EIN_PREFIXES.has('98')).toBe(true);
    for (const p of [
      '00',
      '07',
      '08',
      '09',
      '17',
      '18',
      '19',
      '28',
      '29',
      '49',
      '69',
      '70',
      '78',
      '79',
      '89',
      '96',
      '97',
    ]) {
      expect(US_EIN_PREFIXES.has(p)).toBe(false);
    }
    expect(US_EIN_PREFIXES.size).toBe(100 - 17);
  });
});

type Case = [country: string, input: string, expected: string];
type Bad = [country: string, input: string, code: 'REGISTRATION_FORMAT' | 'REGISTRATION_CHECKSUM' | 'UNKNOWN_COUNTRY'];

describe('validateRegistration', () => {
  const valid: Case[] = [
    ['FR', '732829320', '732829320'],
    ['FR', '732 829 320', '732829320'],
    ['FR', ' 552\u00a0100\u00a0554 ', '552100554'],
    ['FR', '356000000', '356000000'], // La Poste
    ['fr', '542107651', '542107651'], // country is case-insensitive
    ['ES', 'F20000006', 'F20000006'],
    ['ES', 'F2000000F', 'F2000000F'], // letter form of the control
    ['ES', 'f-75231837', 'F75231837'],
    ['ES', 'F 7523183 G', 'F7523183G'],
    ['ES', 'ESF08000002', 'F08000002'],
    ['DE', 'GnR 1234', 'GnR 1234'],
    ['DE', 'gnr1234', 'GnR 1234'],
    ['DE', 'GnR 0042 b', 'GnR 42 B'],
    ['DE', 'Amtsgericht München GnR 2345', 'Amtsgericht München GnR 2345'],
    ['DE', 'AG Berlin-Charlottenburg, GnR 123 B', 'Amtsgericht Berlin-Charlottenburg GnR 123 B'],
    ['BE', '0403.170.701', '0403170701'],
    ['BE', 'BE 0851 306 345', '0851306345'],
    ['BE', '1000000021', '1000000021'],
    ['BE', '403170701', '0403170701'], // legacy 9 digits
    ['GB', 'IP12345R', 'IP12345R'],
    ['GB', '12345 R', '12345R'],
    ['GB', 'ip2459rs', 'IP2459RS'],
    ['GB', 'RS007654', 'RS007654'],
    ['GB', '31032', '31032'],
    ['IT', '12345678903', '12345678903'],
    ['IT', 'IT 02114780154', '02114780154'],
    ['IT', '00814300554', '00814300554'],
    ['US', '12-3456789', '12-3456789'],
    ['US', '943061841', '94-3061841'],
    ['US', '01-0000001', '01-0000001'],
    ['PT', '  pt 501 442 600 ', 'PT 501 442 600'],
    ['CH', 'CHE-123.456.788', 'CHE-123.456.788'],
  ];
  it.each(valid)('%s %j is valid → %j', (country, input, expected) => {
    expect(validateRegistration(country, input)).toEqual({
      ok: true,
      normalised: expected,
    });
  });

  const invalid: Bad[] = [
    ['XX', '732829320', 'UNKNOWN_COUNTRY'],
    ['FRA', '732829320', 'UNKNOWN_COUNTRY'],
    ['', '732829320', 'UNKNOWN_COUNTRY'],
    ['FR', '', 'REGISTRATION_FORMAT'],
    ['FR', '   ', 'REGISTRATION_FORMAT'],
    ['FR', '73282932', 'REGISTRATION_FORMAT'],
    ['FR', '7328293200', 'REGISTRATION_FORMAT'],
    ['FR', '73282932O', 'REGISTRATION_FORMAT'],
    ['FR', '732-829-320', 'REGISTRATION_FORMAT'],
    ['FR', '732829321', 'REGISTRATION_CHECKSUM'],
    ['FR', '123456789', 'REGISTRATION_CHECKSUM'],
    ['FR', '7'.repeat(121), 'REGISTRATION_FORMAT'],
    ['ES', 'B20000006', 'REGISTRATION_FORMAT'], // not a cooperative (B = SL)
    ['ES', 'F2000000', 'REGISTRATION_FORMAT'],
    ['ES', 'F200000066', 'REGISTRATION_FORMAT'],
    ['ES', 'F2000000K', 'REGISTRATION_FORMAT'],
    ['ES', 'F20000007', 'REGISTRATION_CHECKSUM'],
    ['ES', 'F2000000G', 'REGISTRATION_CHECKSUM'],
    ['DE', '1234', 'REGISTRATION_FORMAT'],
    ['DE', 'HRB 1234', 'REGISTRATION_FORMAT'],
    ['DE', 'GnR 1234567', 'REGISTRATION_FORMAT'],
    ['DE', 'GnR 0', 'REGISTRATION_FORMAT'],
    ['DE', 'GnR 12 AB', 'REGISTRATION_FORMAT'],
    ['BE', '2403170701', 'REGISTRATION_FORMAT'],
    ['BE', '04031707', 'REGISTRATION_FORMAT'],
    ['BE', '0403170702', 'REGISTRATION_CHECKSUM'],
    ['BE', '0851306354', 'REGISTRATION_CHECKSUM'],
    ['GB', 'AB12345', 'REGISTRATION_FORMAT'],
    ['GB', '1234567R', 'REGISTRATION_FORMAT'],
    ['GB', 'RS07654', 'REGISTRATION_FORMAT'],
    ['GB', 'IP0R', 'REGISTRATION_FORMAT'],
    ['IT', '1234567890', 'REGISTRATION_FORMAT'],
    ['IT', '00000000000', 'REGISTRATION_FORMAT'],
    ['IT', '1234567890A', 'REGISTRATION_FORMAT'],
    ['IT', '12345678904', 'REGISTRATION_CHECKSUM'],
    ['US', '12-345678', 'REGISTRATION_FORMAT'],
    ['US', '123-456789', 'REGISTRATION_FORMAT'],
    ['US', '07-3456789', 'REGISTRATION_CHECKSUM'],
    ['US', '00-0000000', 'REGISTRATION_CHECKSUM'],
    ['PT', 'X', 'REGISTRATION_FORMAT'],
    ['PT', 'ABCDEF', 'REGISTRATION_FORMAT'],
    ['PT', '12345<script>', 'REGISTRATION_FORMAT'],
    ['PT', '1'.repeat(41), 'REGISTRATION_FORMAT'],
  ];
  it.each(invalid)('%s %j → %s', (country, input, code) => {
    const result = validateRegistration(country, input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe(code);
      expect(result.message.length).toBeGreaterThan(0);
    }
  });

  it('builds a unique key per country and normalised number', () => {
    expect(registrationKey('fr', '732829320')).toBe('FR:732829320');
    const a = validateRegistration('FR', '732 829 320');
    const b = validateRegistration('FR', '732829320');
    expect(a.ok && b.ok && registrationKey('FR', a.normalised) === registrationKey('FR', b.normalised)).toBe(true);
  });
});
