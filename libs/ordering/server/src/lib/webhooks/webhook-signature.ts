import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  COOPCYCLE_SIGNATURE_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  type WebhookFlavour,
} from '@federacycle/contracts';

/**
 * Federacycle's signature: `v1=` and hex(HMAC-SHA256(secret, timestamp + "." + raw body)), the
 * timestamp in Unix seconds sent in X-Federacycle-Timestamp. While a rotated secret overlaps, the
 * header carries one `v1=` per secret, comma-separated (a receiver accepts any that matches).
 */
export function federacycleSignature(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** CoopCycle's signature: base64(HMAC-SHA256(raw body, secret)). */
export function coopCycleSignature(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

/** The signing headers of one call: the current secret, and the previous one while it overlaps. */
export function signatureHeaders(
  flavour: WebhookFlavour,
  secrets: readonly string[],
  timestamp: number,
  body: string,
): Record<string, string> {
  const headers: Record<string, string> = {
    [WEBHOOK_TIMESTAMP_HEADER]: String(timestamp),
    [WEBHOOK_SIGNATURE_HEADER]: secrets.map((s) => `v1=${federacycleSignature(s, timestamp, body)}`).join(','),
  };
  if (flavour === 'coopcycle' && secrets[0] !== undefined) {
    headers[COOPCYCLE_SIGNATURE_HEADER] = coopCycleSignature(secrets[0], body);
  }
  return headers;
}

/**
 * The receiver's check (the docs' sample, and the tests' receiver): some `v1=` matches and the
 * timestamp is within `toleranceSeconds` of now.
 */
export function verifyFederacycleSignature(
  secret: string,
  header: string,
  timestamp: string,
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const ts = Number(timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowSeconds - ts) > toleranceSeconds) return false;
  const expected = Buffer.from(federacycleSignature(secret, ts, body), 'hex');
  return header.split(',').some((part) => {
    const [scheme, value] = part.trim().split('=', 2);
    if (scheme !== 'v1' || !value || !/^[0-9a-f]{64}$/.test(value)) return false;
    return timingSafeEqual(expected, Buffer.from(value, 'hex'));
  });
}
