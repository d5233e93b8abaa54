import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Webhook secrets. A secret signs every call (HMAC), so the server must be able to read it back:
 * it cannot be hashed like an API key. It is stored encrypted with AES-256-GCM under the server's
 * WEBHOOK_SECRET_KEY (never in the database in clear, never in logs); the person sees it once.
 */
const PREFIX = 'whsec_';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A new secret: `whsec_` and 32 random bytes in base64url. */
export function newWebhookSecret(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

/** What the console shows to tell secrets apart: the prefix and four characters. */
export function secretHint(secret: string): string {
  return `${secret.slice(0, PREFIX.length + 4)}…`;
}

/** IV (12 bytes), tag (16 bytes), then the ciphertext. */
export function encryptSecret(key: Buffer, secret: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Throws when the key is not the one that encrypted it, or the bytes were changed. */
export function decryptSecret(key: Buffer, sealed: Buffer): string {
  const iv = sealed.subarray(0, IV_BYTES);
  const tag = sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}
