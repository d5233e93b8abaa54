/**
 * Delivery events (dispatch's domain events) and the webhook subscriptions that carry them to a
 * coop's or a partner's HTTPS endpoint. Shared by the API and the console.
 */

/**
 * What happened to a delivery, as dispatch announces it (outbox job `dispatch.delivery-event`):
 * created; assigned (a task of it was given to a courier); started (its pickup started);
 * picked_up (its pickups are done); in_transit (a dropoff started); completed, failed, cancelled
 * (its final state).
 */
export const DELIVERY_EVENTS = [
  'delivery.created',
  'delivery.assigned',
  'delivery.started',
  'delivery.picked_up',
  'delivery.in_transit',
  'delivery.completed',
  'delivery.failed',
  'delivery.cancelled',
] as const;
export type DeliveryEventName = (typeof DELIVERY_EVENTS)[number];

/** The events a subscription may name (order events join once the storefront lands). */
export const WEBHOOK_EVENTS = DELIVERY_EVENTS;
export type WebhookEventName = DeliveryEventName;

/**
 * CoopCycle's event names (its `POST /api/webhooks`) and the native event each one stands for;
 * CoopCycle has no created or cancelled delivery event.
 */
export const COOPCYCLE_WEBHOOK_EVENTS = {
  'delivery.assigned': 'delivery.assigned',
  'delivery.started': 'delivery.started',
  'delivery.picked': 'delivery.picked_up',
  'delivery.in_transit': 'delivery.in_transit',
  'delivery.completed': 'delivery.completed',
  'delivery.failed': 'delivery.failed',
} as const satisfies Record<string, DeliveryEventName>;
export type CoopCycleWebhookEvent = keyof typeof COOPCYCLE_WEBHOOK_EVENTS;

export const WEBHOOK_SUBSCRIPTION_STATES = ['active', 'failing', 'disabled'] as const;
export type WebhookSubscriptionState = (typeof WEBHOOK_SUBSCRIPTION_STATES)[number];

/** native: Federacycle's body and signature; coopcycle: CoopCycle's body and its signature header too */
export const WEBHOOK_FLAVOURS = ['native', 'coopcycle'] as const;
export type WebhookFlavour = (typeof WEBHOOK_FLAVOURS)[number];

/** At most this many subscriptions per coop (each partner's included). */
export const MAX_WEBHOOK_SUBSCRIPTIONS_PER_COOP = 50;
export const MAX_WEBHOOK_URL_LENGTH = 2000;

/** The headers of a signed call. */
export const WEBHOOK_TIMESTAMP_HEADER = 'X-Federacycle-Timestamp';
export const WEBHOOK_SIGNATURE_HEADER = 'X-Federacycle-Signature';
export const WEBHOOK_EVENT_HEADER = 'X-Federacycle-Event';
export const WEBHOOK_DELIVERY_HEADER = 'X-Federacycle-Delivery';
export const COOPCYCLE_SIGNATURE_HEADER = 'X-CoopCycle-Signature';

export interface WebhookSubscriptionView {
  id: string;
  /** the partner client that owns it, or null: the coop's own */
  clientId: string | null;
  clientName: string | null;
  url: string;
  events: WebhookEventName[];
  flavour: WebhookFlavour;
  state: WebhookSubscriptionState;
  /** when it started failing (its last delivery ran out of attempts), or null */
  failingSince: string | null;
  /** the secret's first characters, to tell secrets apart */
  secretHint: string;
  /** until when the previous secret still signs too (after a rotation), or null */
  previousSecretUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The answer to a create or a rotation: the secret, shown this once. */
export interface WebhookSubscriptionWithSecret extends WebhookSubscriptionView {
  secret: string;
}

export interface CreateWebhookSubscriptionRequest {
  url: string;
  events: WebhookEventName[];
}

export interface UpdateWebhookSubscriptionRequest {
  url?: string;
  events?: WebhookEventName[];
  /** false disables (nothing is sent); true enables again (and clears failing) */
  enabled?: boolean;
}

export interface RotateWebhookSecretRequest {
  /** how long the previous secret keeps signing too (0: stops at once); at most 24 hours */
  overlapMinutes?: number;
}

export const WEBHOOK_DELIVERY_STATES = ['pending', 'retrying', 'succeeded', 'failed'] as const;
export type WebhookDeliveryState = (typeof WEBHOOK_DELIVERY_STATES)[number];

export interface WebhookAttemptView {
  attempt: number;
  at: string;
  /** the HTTP status the endpoint answered, or null when none came (timeout, refused, DNS) */
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  /** the first characters of the endpoint's answer */
  responseExcerpt: string | null;
  /** true: a replay asked by a person */
  replay: boolean;
}

export interface WebhookDeliveryView {
  id: string;
  event: WebhookEventName;
  deliveryId: string | null;
  state: WebhookDeliveryState;
  attempts: number;
  lastStatusCode: number | null;
  lastDurationMs: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  requestBody: string;
  createdAt: string;
  history: WebhookAttemptView[];
}
