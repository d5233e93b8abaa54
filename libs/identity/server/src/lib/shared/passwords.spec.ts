import { hashPassword, verifyPassword } from './passwords';

describe('passwords', () => {
  it('hashes with argon2id and verifies', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$/);
    await expect(verifyPassword(hash, 'correct horse battery')).resolves.toBe(true);
    await expect(verifyPassword(hash, 'wrong horse battery')).resolves.toBe(false);
  });

  it('answers false for an unknown user and for a garbled hash', async () => {
    await expect(verifyPassword(null, 'anything-at-all')).resolves.toBe(false);
    await expect(verifyPassword('not-a-hash', 'anything-at-all')).resolves.toBe(false);
  });
});
