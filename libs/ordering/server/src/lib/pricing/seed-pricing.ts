import type { CreatePricingRuleSetRequest } from '@federacycle/contracts';
import { ServiceAreaService, ZonesService } from '@federacycle/geo-server';
import { Coop, TenantContext, type Database } from '@federacycle/platform-database';
import { PricingRuleSet } from './pricing-rule-set.entity';
import { PricingService } from './pricing.service';

/**
 * Lyon's demo rule set: it prices the whole city (its 15 km service area). Prices include VAT
 * (20 %), summed: a base price, the distance by bands, stops beyond a pickup and a dropoff, the
 * Presqu’île's pedestrian centre, a cargo bike, and percentage surcharges for heavy loads and
 * evenings or Sundays. Every price rule asks `distance_km <= 15`: beyond the city no rule prices a
 * delivery, and the quote says so (PRICE_NO_RULE) rather than pricing only its extras.
 */
export const LYON_RULE_SET: CreatePricingRuleSetRequest = {
  name: 'Lyon city',
  strategy: 'sum_of_matches',
  scope: 'per_delivery',
  vatRateBp: 2000,
  pricesIncludeVat: true,
  rules: [
    { label: 'Base price', condition: 'distance_km <= 15', priceKind: 'fixed', amountMinor: 450 },
    {
      label: 'Distance',
      condition: '',
      priceKind: 'per_km',
      kmRanges: [
        { fromKm: 0, toKm: 2, perKmMinor: 0 },
        { fromKm: 2, toKm: 8, perKmMinor: 90 },
        { fromKm: 8, toKm: 15, perKmMinor: 120 },
      ],
    },
    {
      label: 'Extra stops',
      condition: 'distance_km <= 15 && stops > 2',
      priceKind: 'per_stop',
      amountMinor: 250,
      includedStops: 2,
    },
    {
      label: 'Presqu’île centre',
      condition: 'distance_km <= 15 && in_zone("any", "Presqu’île")',
      priceKind: 'fixed',
      amountMinor: 100,
    },
    {
      label: 'Cargo bike',
      condition: 'distance_km <= 15 && vehicle == "cargo_bike"',
      priceKind: 'fixed',
      amountMinor: 300,
    },
    { label: 'Heavy load', condition: 'weight_kg > 15', priceKind: 'percentage', percentBp: 2500 },
    {
      label: 'Evening or Sunday',
      condition: 'hour >= 20 || weekday == "sun"',
      priceKind: 'percentage',
      percentBp: 1500,
    },
  ],
};

/**
 * Gives Lyon its default rule set, through the same checks as the API (expressions compiled, zone
 * names among Lyon's: run after the geo seed). Idempotent: a coop with any rule set is left alone.
 */
export async function seedPricing(db: Database): Promise<{ ruleSetsCreated: number }> {
  const coop = await db.platform(({ manager }) =>
    manager.findOne(Coop, { where: { slug: 'lyon' }, select: { id: true } }),
  );
  if (!coop) return { ruleSetsCreated: 0 };
  const exists = await db.forCoop(coop.id, ({ manager }) =>
    manager.exists(PricingRuleSet, { where: { coopId: coop.id } }),
  );
  if (exists) return { ruleSetsCreated: 0 };
  const pricing = new PricingService(db, new ZonesService(db, new ServiceAreaService(db)));
  // the service writes its audit row: the seed acts as no one, in the coop
  const context = { coopId: coop.id, actorId: null, requestId: TenantContext.newRequestId() };
  await TenantContext.run(context, () => pricing.create(coop.id, LYON_RULE_SET));
  return { ruleSetsCreated: 1 };
}
