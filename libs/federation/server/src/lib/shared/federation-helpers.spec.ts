import { slugify } from '../applications/registration';
import { IDENTITY_EXPORT_TABLES } from '@federacycle/identity-server';
import { toCsv } from '../coops/coop-export.service';
import { DecisionDto } from './decision.dto';
import { applicationInvalid } from './federation-errors';
import { parseDto } from './parse-dto';

/** The decision body's reason, as the ValidationPipe reads it (no body: no reason). */
const reasonOf = (body: unknown) => parseDto(DecisionDto, body ?? {}).reason;

describe('slugify', () => {
  it.each([
    ['Vélo Solidaire Nantes', 'velo-solidaire-nantes'],
    ['  Coursiers -- Lyonnais! ', 'coursiers-lyonnais'],
    ['Ä', 'coop-a'],
    ['日本', 'coop-x'],
    ['x'.repeat(80), 'x'.repeat(34)],
  ])('%j → %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
    expect(slugify(name)).toMatch(/^[a-z0-9][a-z0-9-]{1,40}$/);
  });
});

describe('export CSV', () => {
  it('quotes, escapes and neutralises formulas', () => {
    const csv = toCsv(
      [
        {
          a: 'x,y',
          b: 'say "hi"',
          c: '=cmd()',
          d: null,
          e: ['coop_admin', 'member'],
          f: new Date('2026-01-01T00:00:00Z'),
          g: { k: 1 },
        },
      ],
      ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
    );
    expect(csv).toBe(
      'a,b,c,d,e,f,g\r\n"x,y","say ""hi""",\'=cmd(),,coop_admin;member,2026-01-01T00:00:00.000Z,"{""k"":1}"\r\n',
    );
  });
  it('names the columns of every export table', () => {
    expect(IDENTITY_EXPORT_TABLES.find((t) => t.name === 'memberships')?.columns.slice(0, 4)).toEqual([
      'user_id',
      'email',
      'name',
      'roles',
    ]);
  });
});

describe('errors', () => {
  it('names a single federation field code at the top level, else VALIDATION_FAILED', () => {
    expect(
      applicationInvalid([
        {
          field: 'registrationNumber',
          code: 'REGISTRATION_CHECKSUM',
          message: 'm',
        },
      ]).code,
    ).toBe('REGISTRATION_CHECKSUM');
    expect(
      applicationInvalid([
        { field: 'country', code: 'UNKNOWN_COUNTRY', message: 'm' },
        { field: 'name', code: 'REQUIRED', message: 'm' },
      ]).code,
    ).toBe('VALIDATION_FAILED');
    expect(applicationInvalid([{ field: 'name', code: 'REQUIRED', message: 'm' }]).code).toBe('VALIDATION_FAILED');
  });
  it('reads a decision reason strictly', () => {
    expect(reasonOf(undefined)).toBeUndefined();
    expect(reasonOf({ reason: 'ok' })).toBe('ok');
    expect(() => reasonOf({ reason: 1 })).toThrow();
    expect(() => reasonOf({ why: 'x' })).toThrow();
    expect(() => reasonOf({ reason: 'x'.repeat(2001) })).toThrow();
  });
});
