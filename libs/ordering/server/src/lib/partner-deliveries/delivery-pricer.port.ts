import type { PriceBreakdown, PricingInput } from '@federacycle/contracts';
import type { Tx } from '@federacycle/platform-database';

/**
 * What the partner API asks of pricing: the price of a delivery in the caller's transaction
 * (pricing's `PricingService.priceIn`, bound to DELIVERY_PRICER by OrderingModule). A port rather
 * than the service itself, so the partner API's use cases are tested against any real pricer and
 * read nothing else of pricing.
 */
export interface DeliveryPricer {
  /** throws ApiException 422 PRICE_NO_RULE when no rule prices the delivery */
  priceIn(tx: Tx, coopId: string, input: PricingInput, opts?: { ruleSetId?: string }): Promise<PriceBreakdown>;
}

export const DELIVERY_PRICER = Symbol('ordering.delivery-pricer');
