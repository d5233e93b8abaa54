import type { Tx } from '@federacycle/platform-database';

/**
 * What the partner API asks of pricing: the price of a delivery in the caller's transaction.
 * The shapes mirror pricing's contracts (`PricingInput`, `PriceBreakdown`); once pricing lands,
 * `PricingService` is bound to DELIVERY_PRICER. Without a binding, deliveries carry no price
 * (never a price of 0) and quotes are refused.
 */
export interface PricingTaskInput {
  type: 'pickup' | 'dropoff';
  lat: number;
  lng: number;
  after?: Date;
  before?: Date;
  timeSlotId?: string;
  weightGrams?: number;
  packages?: Array<{ type: string; quantity: number }>;
}

export interface PricingInput {
  tasks: PricingTaskInput[];
  vehicleType?: string;
  at?: Date;
}

export interface PriceBreakdown {
  /** VAT included */
  amountMinor: number;
  amountExclVatMinor: number;
  vatMinor: number;
  vatRateBp: number;
  currency: string;
  lines: unknown[];
  evaluated?: unknown;
  distanceKm: number;
  ruleSetId: string | null;
}

export interface DeliveryPricer {
  /** throws ApiException 422 PRICE_NO_RULE when no rule prices the delivery */
  priceIn(tx: Tx, coopId: string, input: PricingInput, opts?: { ruleSetId?: string }): Promise<PriceBreakdown>;
}

export const DELIVERY_PRICER = Symbol('ordering.delivery-pricer');
