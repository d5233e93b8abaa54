import {
  Check,
  Column,
  Entity,
  ForeignKey,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { PerKmRange, PriceKind } from '@federacycle/contracts';
import { Coop } from '@federacycle/platform-database';
import { PricingRuleSet } from './pricing-rule-set.entity';

/** One rule of a rule set, in order (migration 0059): a condition and how it prices. */
@Entity({ name: 'pricing_rules' })
@Index('pricing_rules_rule_set', ['coopId', 'ruleSetId', 'position'])
@ForeignKey(() => PricingRuleSet, ['coopId', 'ruleSetId'], ['coopId', 'id'], {
  name: 'pricing_rules_rule_set_fkey',
  onDelete: 'CASCADE',
})
@Check('pricing_rules_position_check', 'position >= 0')
@Check('pricing_rules_label_check', 'length(btrim(label)) between 1 and 80')
@Check('pricing_rules_condition_check', 'length(condition) <= 500')
@Check(
  'pricing_rules_price_kind_check',
  `price_kind in ('fixed', 'per_km', 'per_package', 'per_stop', 'percentage', 'formula')`,
)
@Check('pricing_rules_amount_minor_check', 'amount_minor between 0 and 100000000')
@Check('pricing_rules_percent_bp_check', 'percent_bp between -10000 and 100000')
@Check('pricing_rules_package_type_check', 'length(package_type) between 1 and 40')
@Check('pricing_rules_included_stops_check', 'included_stops between 0 and 100')
@Check('pricing_rules_formula_check', 'length(formula) between 1 and 500')
@Check(
  'pricing_rules_kind_fields',
  `(price_kind in ('fixed', 'per_package', 'per_stop') and amount_minor is not null)
    or (price_kind = 'percentage' and percent_bp is not null)
    or (price_kind = 'per_km' and jsonb_typeof(km_ranges) = 'array')
    or (price_kind = 'formula' and formula is not null)`,
)
export class PricingRule {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'pricing_rules_coop_id_fkey' })
  coop?: Coop;

  @Column({ name: 'rule_set_id', type: 'uuid' })
  ruleSetId!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  label!: string;

  @Column({ type: 'text', default: '' })
  condition!: string;

  @Column({ name: 'price_kind', type: 'text' })
  priceKind!: PriceKind;

  @Column({ name: 'amount_minor', type: 'integer', nullable: true })
  amountMinor!: number | null;

  @Column({ name: 'percent_bp', type: 'integer', nullable: true })
  percentBp!: number | null;

  @Column({ name: 'km_ranges', type: 'jsonb', nullable: true })
  kmRanges!: PerKmRange[] | null;

  @Column({ name: 'package_type', type: 'text', nullable: true })
  packageType!: string | null;

  @Column({ name: 'included_stops', type: 'integer', nullable: true })
  includedStops!: number | null;

  @Column({ type: 'text', nullable: true })
  formula!: string | null;
}
