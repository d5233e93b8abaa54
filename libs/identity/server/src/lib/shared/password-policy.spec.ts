import { ApiException } from '@federacycle/platform-http';
import { COMMON_PASSWORDS_TEXT } from './common-passwords';
import { assertPasswordNotCommon, passwordWeakness } from './password-policy';

describe('passwordWeakness', () => {
  it('carries the 10,000 most common passwords, most common first', () => {
    const list = COMMON_PASSWORDS_TEXT.split('\n').filter((l) => l !== '');
    expect(list).toHaveLength(10_000);
    expect(new Set(list).size).toBe(10_000);
    expect(list.slice(0, 5)).toEqual(['password', '123456', '12345678', '1234', 'qwerty']);
  });

  it.each([
    ['1111111111', /repeats/],
    ['aaaaaaaaaaaa', /repeats/],
    ['abcabcabcabc', /repeats/],
    ['passwordpassword', /repeats/],
    ['1234567890', /10,000|run/],
    ['0123456789', /run/],
    ['9876543210', /run/],
    ['abcdefghijkl', /run/],
    ['qwertyuiop', /10,000|run/],
    ['azertyuiop', /run/],
    ['QWERTYUIOP', /10,000|run/],
    ['basketball', /10,000/],
    ['Basketball', /10,000/],
    ['password1234', /digits or symbols around/],
    ['P@ssw0rd2024!', /digits or symbols around/],
    ['!!dragon2024', /digits or symbols around/],
    ['sunshine12345', /digits or symbols around/],
    ['b4sk3tb4ll', /letters written as digits/],
    ['federacycle1', /platform/],
    ['federacycle-demo', /platform/],
    ['Federacycle2026!', /platform/],
  ])('refuses %s', (password, reason) => {
    expect(passwordWeakness(password)).toMatch(reason);
  });

  it('refuses a password built on the person’s email or name', () => {
    const context = { email: 'new.rider@example.org', name: 'Eve Moreau' };
    expect(passwordWeakness('new.rider2024', context)).toMatch(/email address or name/);
    expect(passwordWeakness('eve.rider1234', { email: 'eve.rider@example.org' })).toMatch(/email address or name/);
    expect(passwordWeakness('MOREAU-1985!', context)).toMatch(/email address or name/);
    expect(passwordWeakness('rider of the purple sage', context)).toBeNull();
  });

  it.each([
    'integration-password-42',
    'a-long-password',
    'brand-new-password',
    'long-enough-password',
    'a-long-coop-admin-password',
    'une phrase assez longue',
    'correct horse battery staple',
    'Lyon courier 7 tandem',
    'x7#Kq9!vLp2m',
  ])('accepts %s', (password) => {
    expect(passwordWeakness(password, { email: 'ada@example.coop', name: 'Ada Lovelace' })).toBeNull();
  });

  it('answers 400 PASSWORD_TOO_COMMON with a field error a person can act on', () => {
    const error = (() => {
      try {
        assertPasswordNotCommon('1111111111');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ApiException);
    const api = error as ApiException;
    expect([api.getStatus(), api.code, api.errors?.[0]?.field, api.errors?.[0]?.code]).toEqual([
      400,
      'PASSWORD_TOO_COMMON',
      'password',
      'passwordTooCommon',
    ]);
    expect(api.message).toMatch(/too easy to guess.*choose a phrase/);
    expect(() => assertPasswordNotCommon('correct horse battery staple')).not.toThrow();
  });
});
