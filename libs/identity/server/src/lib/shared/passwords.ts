import * as argon2 from 'argon2';

/** argon2id with the library's defaults (64 MiB, 3 passes): about 50 ms on a laptop. */
const OPTIONS = { type: argon2.argon2id } as const;

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

let dummyHash: Promise<string> | null = null;

/**
 * Verifies a password. With no hash (unknown email) it still runs one verification
 * against a throw-away hash, so timing does not reveal whether an email is registered.
 */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (hash === null) {
    dummyHash ??= argon2.hash('not-a-real-password-0123456789', OPTIONS);
    await argon2.verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
