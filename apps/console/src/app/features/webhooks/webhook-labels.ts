import type { WebhookEventName, WebhookSubscriptionState } from '@federacycle/contracts';
import type { StatusTone } from '../../shared/status-chip.component';

/** The translation key of an event's label. */
export const eventKey = (event: WebhookEventName) => `webhooks.event.${event}` as const;

export const SUBSCRIPTION_TONES: Record<WebhookSubscriptionState, StatusTone> = {
  active: 'ok',
  failing: 'danger',
  disabled: 'neutral',
};

/** The signature check a receiver runs (Node.js), shown on the page as written in ARCHITECTURE.md. */
export const VERIFY_SNIPPET = `import { createHmac, timingSafeEqual } from 'node:crypto';

// rawBody: the request body exactly as received (bytes, before JSON.parse)
function verify(secret, rawBody, timestamp, signatureHeader) {
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const expected = createHmac('sha256', secret).update(timestamp + '.' + rawBody).digest();
  return signatureHeader.split(',').some((part) => {
    const [scheme, hex] = part.trim().split('=');
    const given = Buffer.from(hex ?? '', 'hex');
    return scheme === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}`;
