import { CoopApplicationInput, normaliseTimeZone, validateApplication } from './application-input';

const valid = (): CoopApplicationInput => ({
  name: '  Rayon   Vert ',
  city: 'Lyon',
  country: 'fr',
  timezone: 'Europe/Paris',
  currency: 'eur',
  legalForm: 'fr_scop_sarl',
  registrationNumber: '732 829 320',
  declarations: {
    workersAreMembersOrEmployees: true,
    socialEconomyStatus: true,
  },
  admin: { name: 'Camille Martin', email: 'Camille.Martin@Example.org' },
});

type Patch = Record<string, unknown>;
const withPatch = (patch: Patch): unknown => ({ ...valid(), ...patch });
const errorsOf = (payload: unknown) => {
  const result = validateApplication(payload);
  return result.ok ? [] : result.errors;
};
const codesOf = (payload: unknown) => errorsOf(payload).map((e) => `${e.field}:${e.code}`);

describe('validateApplication', () => {
  it('accepts and normalises a valid French application', () => {
    expect(validateApplication(valid())).toEqual({
      ok: true,
      value: {
        name: 'Rayon Vert',
        city: 'Lyon',
        country: 'FR',
        timezone: 'Europe/Paris',
        currency: 'EUR',
        legalForm: 'fr_scop_sarl',
        legalFormJustification: null,
        registrationNumber: '732829320',
        registrationKey: 'FR:732829320',
        declarations: {
          workersAreMembersOrEmployees: true,
          socialEconomyStatus: true,
        },
        admin: { name: 'Camille Martin', email: 'camille.martin@example.org' },
      },
    });
  });

  it('accepts a German eG without the social-economy declaration', () => {
    const result = validateApplication(
      withPatch({
        country: 'DE',
        timezone: 'Europe/Berlin',
        legalForm: 'de_eg',
        registrationNumber: 'GnR 1234',
        declarations: { workersAreMembersOrEmployees: true },
      }),
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        legalForm: 'de_eg',
        declarations: { socialEconomyStatus: null },
      },
    });
  });

  it('accepts another country with the form other and a justification', () => {
    const justification = 'We are a Portuguese cooperativa de trabalho registered under the Código Cooperativo.';
    const result = validateApplication(
      withPatch({
        country: 'PT',
        timezone: 'Europe/Lisbon',
        legalForm: 'other',
        legalFormJustification: `  ${justification}\n`,
        registrationNumber: '501442600',
        declarations: { workersAreMembersOrEmployees: true },
      }),
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        country: 'PT',
        legalForm: 'other',
        legalFormJustification: justification,
      },
    });
  });

  it.each<[string, unknown, string[]]>([
    ['null body', null, [':NOT_AN_OBJECT']],
    ['array body', [], [':NOT_AN_OBJECT']],
    ['string body', 'coop', [':NOT_AN_OBJECT']],
    ['empty name', withPatch({ name: '   ' }), ['name:REQUIRED']],
    ['missing name', withPatch({ name: undefined }), ['name:REQUIRED']],
    ['one-letter name', withPatch({ name: 'A' }), ['name:TOO_SHORT']],
    ['oversized name', withPatch({ name: 'x'.repeat(121) }), ['name:TOO_LONG']],
    ['huge name', withPatch({ name: 'x'.repeat(100_000) }), ['name:TOO_LONG']],
    ['numeric name', withPatch({ name: 42 }), ['name:NOT_A_STRING']],
    ['name with control char', withPatch({ name: 'Rayon\u0000Vert' }), ['name:INVALID_CHARACTERS']],
    ['name with bidi override', withPatch({ name: 'Rayon \u202eVert' }), ['name:INVALID_CHARACTERS']],
    ['city empty', withPatch({ city: '' }), ['city:REQUIRED']],
    ['city too long', withPatch({ city: 'L'.repeat(101) }), ['city:TOO_LONG']],
    ['unknown country', withPatch({ country: 'XX' }), ['country:UNKNOWN_COUNTRY']],
    ['country name instead of code', withPatch({ country: 'France' }), ['country:UNKNOWN_COUNTRY']],
    ['alpha-3 country', withPatch({ country: 'FRA' }), ['country:UNKNOWN_COUNTRY']],
    ['unknown timezone', withPatch({ timezone: 'Europe/Atlantis' }), ['timezone:UNKNOWN_TIMEZONE']],
    ['offset timezone', withPatch({ timezone: '+01:00' }), ['timezone:UNKNOWN_TIMEZONE']],
    ['unknown currency', withPatch({ currency: 'EURO' }), ['currency:UNKNOWN_CURRENCY']],
    ['withdrawn currency', withPatch({ currency: 'FRF' }), ['currency:UNKNOWN_CURRENCY']],
    ['legal form of another country', withPatch({ legalForm: 'de_eg' }), ['legalForm:UNKNOWN_LEGAL_FORM']],
    ['made-up legal form', withPatch({ legalForm: 'sarl' }), ['legalForm:UNKNOWN_LEGAL_FORM']],
    ['missing legal form', withPatch({ legalForm: undefined }), ['legalForm:REQUIRED']],
    [
      'other without justification',
      withPatch({ legalForm: 'other' }),
      ['legalFormJustification:JUSTIFICATION_REQUIRED'],
    ],
    [
      'other with short justification',
      withPatch({
        legalForm: 'other',
        legalFormJustification: 'We are a coop, trust us.',
      }),
      ['legalFormJustification:TOO_SHORT'],
    ],
    [
      'other with huge justification',
      withPatch({
        legalForm: 'other',
        legalFormJustification: 'j'.repeat(2001),
      }),
      ['legalFormJustification:TOO_LONG'],
    ],
    [
      'other with non-string justification',
      withPatch({ legalForm: 'other', legalFormJustification: 12 }),
      ['legalFormJustification:NOT_A_STRING'],
    ],
    [
      'bad SIREN checksum',
      withPatch({ registrationNumber: '732829321' }),
      ['registrationNumber:REGISTRATION_CHECKSUM'],
    ],
    ['bad SIREN format', withPatch({ registrationNumber: '7328' }), ['registrationNumber:REGISTRATION_FORMAT']],
    ['missing registration', withPatch({ registrationNumber: '' }), ['registrationNumber:REQUIRED']],
    ['oversized registration', withPatch({ registrationNumber: '1'.repeat(121) }), ['registrationNumber:TOO_LONG']],
    ['missing declarations', withPatch({ declarations: undefined }), ['declarations:REQUIRED']],
    ['declarations not an object', withPatch({ declarations: true }), ['declarations:NOT_AN_OBJECT']],
    [
      'workers declaration false',
      withPatch({
        declarations: {
          workersAreMembersOrEmployees: false,
          socialEconomyStatus: true,
        },
      }),
      ['declarations.workersAreMembersOrEmployees:DECLARATION_REQUIRED'],
    ],
    [
      'workers declaration "true"',
      withPatch({
        declarations: {
          workersAreMembersOrEmployees: 'true',
          socialEconomyStatus: true,
        },
      }),
      ['declarations.workersAreMembersOrEmployees:NOT_A_BOOLEAN'],
    ],
    [
      'ESS declaration missing in France',
      withPatch({ declarations: { workersAreMembersOrEmployees: true } }),
      ['declarations.socialEconomyStatus:DECLARATION_REQUIRED'],
    ],
    [
      'ESS declaration false in France',
      withPatch({
        declarations: {
          workersAreMembersOrEmployees: true,
          socialEconomyStatus: false,
        },
      }),
      ['declarations.socialEconomyStatus:DECLARATION_REQUIRED'],
    ],
    ['missing admin', withPatch({ admin: undefined }), ['admin:REQUIRED']],
    ['admin not an object', withPatch({ admin: 'camille@example.org' }), ['admin:NOT_AN_OBJECT']],
    ['admin name empty', withPatch({ admin: { name: '', email: 'a@example.org' } }), ['admin.name:REQUIRED']],
    ['admin name multi-line', withPatch({ admin: { name: 'Camille\nMartin', email: 'a@example.org' } }), []],
    [
      'email without at',
      withPatch({ admin: { name: 'C', email: 'camille.example.org' } }),
      ['admin.email:INVALID_EMAIL'],
    ],
    [
      'email without tld',
      withPatch({ admin: { name: 'C', email: 'camille@localhost' } }),
      ['admin.email:INVALID_EMAIL'],
    ],
    [
      'email with space',
      withPatch({ admin: { name: 'C', email: 'camille martin@example.org' } }),
      ['admin.email:INVALID_EMAIL'],
    ],
    [
      'email with double dot',
      withPatch({ admin: { name: 'C', email: 'camille..martin@example.org' } }),
      ['admin.email:INVALID_EMAIL'],
    ],
    [
      'email with two ats',
      withPatch({ admin: { name: 'C', email: 'a@b@example.org' } }),
      ['admin.email:INVALID_EMAIL'],
    ],
    [
      'email local part too long',
      withPatch({
        admin: { name: 'C', email: `${'a'.repeat(65)}@example.org` },
      }),
      ['admin.email:INVALID_EMAIL'],
    ],
    [
      'email too long',
      withPatch({ admin: { name: 'C', email: `a@${'b'.repeat(250)}.org` } }),
      ['admin.email:TOO_LONG'],
    ],
    [
      'email header injection',
      withPatch({
        admin: { name: 'C', email: 'a@example.org\r\nBcc: x@evil.org' },
      }),
      ['admin.email:INVALID_CHARACTERS'],
    ],
    ['unknown top-level field', withPatch({ registration: '732829320' }), ['registration:UNKNOWN_FIELD']],
    [
      'unknown nested fields',
      withPatch({
        admin: { name: 'C', email: 'c@example.org', role: 'federation_admin' },
      }),
      ['admin.role:UNKNOWN_FIELD'],
    ],
  ])('%s', (_name, payload, expected) => {
    const errors = errorsOf(payload);
    expect(errors.map((e) => `${e.field}:${e.code}`)).toEqual(expected);
    for (const e of errors) expect(e.message.length).toBeGreaterThan(5);
  });

  it('reports every problem at once', () => {
    expect(
      codesOf({
        name: '',
        city: 'Lyon',
        country: 'FR',
        timezone: 'Mars/Olympus',
        currency: 'XYZ',
        legalForm: 'fr_scop_sa',
        registrationNumber: '123456789',
        declarations: { workersAreMembersOrEmployees: false },
        admin: { name: 'C', email: 'nope' },
      }),
    ).toEqual([
      'name:REQUIRED',
      'timezone:UNKNOWN_TIMEZONE',
      'currency:UNKNOWN_CURRENCY',
      'registrationNumber:REGISTRATION_CHECKSUM',
      'declarations.workersAreMembersOrEmployees:DECLARATION_REQUIRED',
      'declarations.socialEconomyStatus:DECLARATION_REQUIRED',
      'admin.email:INVALID_EMAIL',
    ]);
  });

  it('skips form and registration checks when the country is unknown', () => {
    expect(codesOf(withPatch({ country: 'ZZ', registrationNumber: 'whatever' }))).toEqual(['country:UNKNOWN_COUNTRY']);
  });

  it('the admin name check is separate from the multi-line check (newlines are collapsed in names)', () => {
    const result = validateApplication(withPatch({ admin: { name: 'Camille\nMartin', email: 'a@example.org' } }));
    expect(result).toMatchObject({
      ok: true,
      value: { admin: { name: 'Camille Martin' } },
    });
  });

  it('counts characters, not UTF-16 units, and normalises to NFC', () => {
    const result = validateApplication(withPatch({ name: 'Vélo'.normalize('NFD'), city: '🚲' }));
    expect(result).toMatchObject({
      ok: true,
      value: { name: 'Vélo'.normalize('NFC'), city: '🚲' },
    });
  });

  it('does not trust prototype tricks', () => {
    const payload = JSON.parse('{"__proto__": {"name": "x"}}') as unknown;
    expect(codesOf(payload)).toContain('__proto__:UNKNOWN_FIELD');
  });
});

describe('normaliseTimeZone', () => {
  it('accepts IANA names and UTC, refuses the rest', () => {
    expect(normaliseTimeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(normaliseTimeZone('UTC')).toBe('UTC');
    expect(normaliseTimeZone('America/New_York')).toBe('America/New_York');
    expect(normaliseTimeZone('europe/paris')).not.toBeNull(); // ICU resolves case-insensitively
    expect(normaliseTimeZone('Europe/Atlantis')).toBeNull();
    expect(normaliseTimeZone('')).toBeNull();
    expect(normaliseTimeZone('Europe/Paris; DROP TABLE')).toBeNull();
  });

  it('accepts both spellings of Kyiv', () => {
    expect(normaliseTimeZone('Europe/Kyiv')).not.toBeNull();
    expect(normaliseTimeZone('Europe/Kiev')).not.toBeNull();
  });
});
