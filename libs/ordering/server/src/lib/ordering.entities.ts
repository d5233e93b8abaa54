import { PartnerClient } from './partners/partner-client.entity';
import { WebhookAttempt, WebhookDelivery, WebhookSubscription } from './webhooks/webhook.entities';

/** ordering's tables, one entity each (registered by the module; composed by tools and tests). */
export const ORDERING_ENTITIES = [PartnerClient, WebhookSubscription, WebhookDelivery, WebhookAttempt];
