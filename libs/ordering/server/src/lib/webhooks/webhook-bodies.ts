import {
  COOPCYCLE_WEBHOOK_EVENTS,
  type CoopCycleWebhookEvent,
  type DeliveryEventName,
  type WebhookFlavour,
} from '@federacycle/contracts';

/** What a delivery event's body says. */
export interface DeliveryEventFacts {
  /** the domain event's id (its outbox row): the same for every subscription, so receivers can deduplicate */
  eventId: string;
  event: DeliveryEventName;
  at: string;
  deliveryId: string;
  reference: string | null;
  courierId: string | null;
  /** CoopCycle's integer id of the delivery (`coopcycle_ids`), for the coopcycle flavour's IRI */
  coopcycleNumber?: number;
}

const COOPCYCLE_NAME_OF = new Map<DeliveryEventName, string>(
  Object.entries(COOPCYCLE_WEBHOOK_EVENTS).map(([coopcycle, native]) => [native, coopcycle]),
);

/** The CoopCycle name of a native event, or null when CoopCycle has none (created, cancelled). */
export function coopCycleEventName(event: DeliveryEventName): string | null {
  return COOPCYCLE_NAME_OF.get(event) ?? null;
}

/**
 * The exact body of a call. Native:
 * `{"id","type","createdAt","data":{"deliveryId","reference","courierId"}}`; CoopCycle's:
 * `{"data":{"object":"/api/deliveries/<number>","event":"delivery.completed"}}` (the delivery's
 * integer id on CoopCycle's surface).
 */
export function webhookBody(flavour: WebhookFlavour, facts: DeliveryEventFacts): string {
  if (flavour === 'coopcycle') {
    return JSON.stringify({
      data: {
        object: `/api/deliveries/${facts.coopcycleNumber ?? facts.deliveryId}`,
        event: coopCycleEventName(facts.event) ?? facts.event,
      },
    });
  }
  return JSON.stringify({
    id: facts.eventId,
    type: facts.event,
    createdAt: facts.at,
    data: { deliveryId: facts.deliveryId, reference: facts.reference, courierId: facts.courierId },
  });
}

/**
 * The native event a CoopCycle subscription names (`POST {base}/api/webhooks {"url","event"}`),
 * or null when CoopCycle's API has no such event (the caller answers 400 naming `event`).
 */
export function nativeOfCoopCycleEvent(name: string): DeliveryEventName | null {
  return Object.prototype.hasOwnProperty.call(COOPCYCLE_WEBHOOK_EVENTS, name)
    ? COOPCYCLE_WEBHOOK_EVENTS[name as CoopCycleWebhookEvent]
    : null;
}
