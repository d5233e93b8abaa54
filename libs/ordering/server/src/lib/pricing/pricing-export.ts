import type { ExportTable } from '@federacycle/platform-database';
import { PricingRuleSet } from './pricing-rule-set.entity';
import { PricingRule } from './pricing-rule.entity';

/** Pricing's tables of a coop's data export (registered in the CoopExportRegistry by OrderingModule). */
export const PRICING_EXPORT_TABLES: readonly ExportTable[] = [
  {
    name: 'pricing_rule_sets',
    columns: [
      'id',
      'name',
      'strategy',
      'scope',
      'currency',
      'vat_rate_bp',
      'prices_include_vat',
      'is_default',
      'archived_at',
      'created_at',
      'updated_at',
    ],
    read: async (manager, coopId) =>
      (await manager.find(PricingRuleSet, { where: { coopId }, order: { createdAt: 'ASC', id: 'ASC' } })).map((s) => ({
        id: s.id,
        name: s.name,
        strategy: s.strategy,
        scope: s.scope,
        currency: s.currency,
        vat_rate_bp: s.vatRateBp,
        prices_include_vat: s.pricesIncludeVat,
        is_default: s.isDefault,
        archived_at: s.archivedAt,
        created_at: s.createdAt,
        updated_at: s.updatedAt,
      })),
  },
  {
    name: 'pricing_rules',
    columns: [
      'id',
      'rule_set_id',
      'position',
      'label',
      'condition',
      'price_kind',
      'amount_minor',
      'percent_bp',
      'km_ranges',
      'package_type',
      'included_stops',
      'formula',
    ],
    read: async (manager, coopId) =>
      (
        await manager.find(PricingRule, { where: { coopId }, order: { ruleSetId: 'ASC', position: 'ASC', id: 'ASC' } })
      ).map((r) => ({
        id: r.id,
        rule_set_id: r.ruleSetId,
        position: r.position,
        label: r.label,
        condition: r.condition,
        price_kind: r.priceKind,
        amount_minor: r.amountMinor,
        percent_bp: r.percentBp,
        km_ranges: r.kmRanges,
        package_type: r.packageType,
        included_stops: r.includedStops,
        formula: r.formula,
      })),
  },
];
