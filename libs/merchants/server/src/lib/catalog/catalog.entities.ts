import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { Allergen, SelectionKind } from '@federacycle/contracts';
import { Coop } from '@federacycle/platform-database';
import { Merchant } from '../merchants/merchant.entity';

/**
 * A merchant's menu (tenant rows: coop_id first in every key, RLS forced). Each row carries its
 * merchant_id and each foreign key includes it, so the database keeps a menu inside its merchant.
 */
@Entity({ name: 'menu_categories' })
@Unique('menu_categories_merchant_key', ['coopId', 'merchantId', 'id'])
@Unique('menu_categories_name_key', ['coopId', 'merchantId', 'name'])
@Check('menu_categories_name_check', 'length(btrim(name)) between 1 and 80')
@Check('menu_categories_position_check', 'position >= 0')
export class MenuCategory {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'menu_categories_coop_id_fkey' })
  coop?: Coop;

  @Column({ name: 'merchant_id', type: 'uuid' })
  merchantId!: string;

  @ManyToOne(() => Merchant)
  @JoinColumn([
    { name: 'coop_id', referencedColumnName: 'coopId', foreignKeyConstraintName: 'menu_categories_merchant_fkey' },
    { name: 'merchant_id', referencedColumnName: 'id', foreignKeyConstraintName: 'menu_categories_merchant_fkey' },
  ])
  merchant?: Merchant;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'integer', default: 0 })
  position!: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

@Entity({ name: 'products' })
@Unique('products_merchant_key', ['coopId', 'merchantId', 'id'])
@Unique('products_name_key', ['coopId', 'categoryId', 'name'])
@Check('products_name_check', 'length(btrim(name)) between 1 and 120')
@Check('products_description_check', 'length(description) <= 1000')
@Check('products_price_amount_check', 'price_amount between 0 and 100000000')
@Check('products_vat_rate_check', 'vat_rate between 0 and 10000')
@Check(
  'products_allergens_check',
  `allergens <@ array['gluten', 'crustaceans', 'eggs', 'fish', 'peanuts', 'soybeans', 'milk', 'nuts', 'celery', 'mustard', 'sesame', 'sulphites', 'lupin', 'molluscs']::text[]`,
)
@Check('products_position_check', 'position >= 0')
export class Product {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'products_coop_id_fkey' })
  coop?: Coop;

  @Column({ name: 'merchant_id', type: 'uuid' })
  merchantId!: string;

  @Column({ name: 'category_id', type: 'uuid' })
  categoryId!: string;

  @ManyToOne(() => MenuCategory, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'coop_id', referencedColumnName: 'coopId', foreignKeyConstraintName: 'products_category_fkey' },
    { name: 'merchant_id', referencedColumnName: 'merchantId', foreignKeyConstraintName: 'products_category_fkey' },
    { name: 'category_id', referencedColumnName: 'id', foreignKeyConstraintName: 'products_category_fkey' },
  ])
  category?: MenuCategory;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'price_amount', type: 'integer' })
  priceAmount!: number;

  /** basis points (550 = 5.5 %), from VAT_RATES_BY_COUNTRY of the merchant's country */
  @Column({ name: 'vat_rate', type: 'integer' })
  vatRate!: number;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  allergens!: Allergen[];

  @Column({ name: 'image_file_id', type: 'uuid', nullable: true })
  imageFileId!: string | null;

  @Column({ type: 'boolean', default: true })
  available!: boolean;

  @Column({ type: 'integer', default: 0 })
  position!: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

@Entity({ name: 'option_groups' })
@Unique('option_groups_merchant_key', ['coopId', 'merchantId', 'id'])
@Index('option_groups_product', ['coopId', 'productId'])
@Check('option_groups_name_check', 'length(btrim(name)) between 1 and 80')
@Check('option_groups_bounds_check', `min_select <= max_select and (selection = 'multiple' or max_select = 1)`)
@Check('option_groups_selection_check', `selection in ('single', 'multiple')`)
@Check('option_groups_min_select_check', 'min_select between 0 and 50')
@Check('option_groups_max_select_check', 'max_select between 1 and 50')
@Check('option_groups_position_check', 'position >= 0')
export class OptionGroup {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'option_groups_coop_id_fkey' })
  coop?: Coop;

  @Column({ name: 'merchant_id', type: 'uuid' })
  merchantId!: string;

  @Column({ name: 'product_id', type: 'uuid' })
  productId!: string;

  @ManyToOne(() => Product, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'coop_id', referencedColumnName: 'coopId', foreignKeyConstraintName: 'option_groups_product_fkey' },
    { name: 'merchant_id', referencedColumnName: 'merchantId', foreignKeyConstraintName: 'option_groups_product_fkey' },
    { name: 'product_id', referencedColumnName: 'id', foreignKeyConstraintName: 'option_groups_product_fkey' },
  ])
  product?: Product;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  selection!: SelectionKind;

  @Column({ name: 'min_select', type: 'integer', default: 0 })
  minSelect!: number;

  @Column({ name: 'max_select', type: 'integer', default: 1 })
  maxSelect!: number;

  @Column({ type: 'integer', default: 0 })
  position!: number;
}

@Entity({ name: 'menu_options' })
@Index('menu_options_group', ['coopId', 'groupId'])
@Check('menu_options_name_check', 'length(btrim(name)) between 1 and 80')
@Check('menu_options_price_delta_check', 'price_delta between -10000000 and 10000000')
@Check('menu_options_position_check', 'position >= 0')
export class MenuOption {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'menu_options_coop_id_fkey' })
  coop?: Coop;

  @Column({ name: 'merchant_id', type: 'uuid' })
  merchantId!: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @ManyToOne(() => OptionGroup, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'coop_id', referencedColumnName: 'coopId', foreignKeyConstraintName: 'menu_options_group_fkey' },
    { name: 'merchant_id', referencedColumnName: 'merchantId', foreignKeyConstraintName: 'menu_options_group_fkey' },
    { name: 'group_id', referencedColumnName: 'id', foreignKeyConstraintName: 'menu_options_group_fkey' },
  ])
  group?: OptionGroup;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'price_delta', type: 'integer', default: 0 })
  priceDelta!: number;

  @Column({ type: 'boolean', default: true })
  available!: boolean;

  @Column({ type: 'integer', default: 0 })
  position!: number;
}
