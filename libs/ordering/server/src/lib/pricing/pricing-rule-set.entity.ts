import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { PricingScope, PricingStrategy } from '@federacycle/contracts';
import { Coop } from '@federacycle/platform-database';

/** The partial unique index that keeps one default rule set per coop. */
export const ONE_DEFAULT_RULE_SET_INDEX = 'pricing_rule_sets_one_default';

/** A coop's pricing rule set (migration 0059): how its rules combine, its currency and VAT. */
@Entity({ name: 'pricing_rule_sets' })
@Index(ONE_DEFAULT_RULE_SET_INDEX, ['coopId'], { unique: true, where: 'is_default' })
@Check('pricing_rule_sets_name_check', 'length(btrim(name)) between 1 and 80')
@Check('pricing_rule_sets_strategy_check', `strategy in ('first_match', 'sum_of_matches')`)
@Check('pricing_rule_sets_scope_check', `scope in ('per_delivery', 'per_task')`)
@Check('pricing_rule_sets_vat_rate_bp_check', 'vat_rate_bp between 0 and 10000')
@Check('pricing_rule_sets_default_not_archived', 'not (is_default and archived_at is not null)')
export class PricingRuleSet {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'pricing_rule_sets_coop_id_fkey' })
  coop?: Coop;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  strategy!: PricingStrategy;

  @Column({ type: 'text' })
  scope!: PricingScope;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ name: 'vat_rate_bp', type: 'integer' })
  vatRateBp!: number;

  @Column({ name: 'prices_include_vat', type: 'boolean', default: true })
  pricesIncludeVat!: boolean;

  @Column({ name: 'is_default', type: 'boolean', default: false })
  isDefault!: boolean;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
