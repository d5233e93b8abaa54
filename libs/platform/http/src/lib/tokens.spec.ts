import { hashToken, newToken, normalizeEmail } from './tokens';

describe('secrets', () => {
  it('makes 32-byte base64url tokens, never twice the same', () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(newToken()).not.toBe(a);
  });

  it('stores SHA-256 hex of a token, deterministic', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashToken('abc')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('normalises emails', () => {
    expect(normalizeEmail('  Ana@Lyon.Demo ')).toBe('ana@lyon.demo');
  });
});
