import { CoopcycleId, PartnerDelivery, PartnerQuote } from './partner-deliveries/partner-delivery.entity';
import { PartnerClient } from './partners/partner-client.entity';
import { PartnerApiKey } from './partners/credentials/partner-api-key.entity';
import { PartnerOAuthCredential } from './partners/credentials/partner-oauth-credential.entity';
import { PricingRuleSet } from './pricing/pricing-rule-set.entity';
import { PricingRule } from './pricing/pricing-rule.entity';
import { WebhookAttempt, WebhookDelivery, WebhookSubscription } from './webhooks/webhook.entities';

/** ordering's tables, one entity each (registered by the module; composed by tools and tests). */
export const ORDERING_ENTITIES = [
  // partner clients and their credentials (migrations 0058, 0061)
  PartnerClient,
  PartnerApiKey,
  PartnerOAuthCredential,
  // pricing (migration 0059)
  PricingRuleSet,
  PricingRule,
  // webhooks (migrations 0066, 0067)
  WebhookSubscription,
  WebhookDelivery,
  WebhookAttempt,
  // partner deliveries, quotes and CoopCycle's integer ids (migration 0064)
  PartnerQuote,
  PartnerDelivery,
  CoopcycleId,
];
