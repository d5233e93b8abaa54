import { CoopcycleId, PartnerDelivery, PartnerQuote } from './partner-deliveries/partner-delivery.entity';
import { PartnerClient } from './partners/partner-client.entity';
import { PricingRuleSet } from './pricing/pricing-rule-set.entity';
import { PricingRule } from './pricing/pricing-rule.entity';

/** ordering's tables, one entity each (registered by the module; composed by tools and tests). */
export const ORDERING_ENTITIES = [
  // partner clients (migration 0058)
  PartnerClient,
  // pricing (migration 0059)
  PricingRuleSet,
  PricingRule,
  // partner deliveries, quotes and CoopCycle's integer ids (migration 0064)
  PartnerQuote,
  PartnerDelivery,
  CoopcycleId,
];
