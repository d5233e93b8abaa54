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
import { Delivery } from '@federacycle/dispatch-server';
import { Coop } from '@federacycle/platform-database';
import { PartnerClient } from '../partners/partner-client.entity';

/** A price given to a partner before it creates the delivery (migration 0064). */
@Entity({ name: 'partner_quotes' })
@Index('partner_quotes_delivery_key', ['coopId', 'deliveryId'], { unique: true, where: 'delivery_id is not null' })
@Index('partner_quotes_client', ['coopId', 'clientId', 'createdAt'])
@ForeignKey(() => PartnerClient, ['coopId', 'clientId'], ['coopId', 'id'], { name: 'partner_quotes_client_fkey' })
@ForeignKey(() => Delivery, ['coopId', 'deliveryId'], ['coopId', 'id'], { name: 'partner_quotes_delivery_fkey' })
@Check('partner_quotes_request_check', `jsonb_typeof(request) = 'object'`)
@Check('partner_quotes_amount_minor_check', 'amount_minor >= 0')
@Check('partner_quotes_currency_check', `currency ~ '^[A-Z]{3}$'`)
@Check('partner_quotes_breakdown_check', `jsonb_typeof(breakdown) = 'object'`)
export class PartnerQuote {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'partner_quotes_coop_id_fkey' })
  coop?: Coop;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId!: string;

  @Column({ type: 'jsonb' })
  request!: object;

  @Column({ name: 'amount_minor', type: 'bigint' })
  amountMinor!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ type: 'jsonb' })
  breakdown!: object;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'delivery_id', type: 'uuid', nullable: true })
  deliveryId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

/** Which partner client owns a delivery, at what price, test or not (migration 0064). */
@Entity({ name: 'partner_deliveries' })
@Index('partner_deliveries_client', ['coopId', 'clientId', 'createdAt', 'deliveryId'])
@Index('partner_deliveries_test', ['coopId', 'createdAt'], { where: 'test' })
@ForeignKey(() => Delivery, ['coopId', 'deliveryId'], ['coopId', 'id'], { name: 'partner_deliveries_delivery_fkey' })
@ForeignKey(() => PartnerClient, ['coopId', 'clientId'], ['coopId', 'id'], { name: 'partner_deliveries_client_fkey' })
@ForeignKey(() => PartnerQuote, ['coopId', 'quoteId'], ['coopId', 'id'], { name: 'partner_deliveries_quote_fkey' })
@Check('partner_deliveries_amount_minor_check', 'amount_minor >= 0')
@Check('partner_deliveries_currency_check', `currency ~ '^[A-Z]{3}$'`)
@Check('partner_deliveries_breakdown_check', `jsonb_typeof(breakdown) = 'object'`)
@Check('partner_deliveries_price_check', '(amount_minor is null) = (currency is null)')
export class PartnerDelivery {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryColumn({ name: 'delivery_id', type: 'uuid' })
  deliveryId!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'partner_deliveries_coop_id_fkey' })
  coop?: Coop;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId!: string;

  @Column({ name: 'quote_id', type: 'uuid', nullable: true })
  quoteId!: string | null;

  @Column({ name: 'amount_minor', type: 'bigint', nullable: true })
  amountMinor!: string | null;

  @Column({ type: 'char', length: 3, nullable: true })
  currency!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  breakdown!: object | null;

  @Column({ type: 'boolean', default: false })
  test!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

/** CoopCycle's integer ids of a coop's deliveries and tasks (migration 0064). */
@Entity({ name: 'coopcycle_ids' })
@Index('coopcycle_ids_ref_key', ['coopId', 'kind', 'refId'], { unique: true })
@Check('coopcycle_ids_kind_check', `kind in ('delivery', 'task')`)
@Check('coopcycle_ids_number_check', 'number >= 1')
export class CoopcycleId {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'coopcycle_ids_coop_id_fkey' })
  coop?: Coop;

  @PrimaryColumn({ type: 'text' })
  kind!: 'delivery' | 'task';

  @PrimaryColumn({ type: 'bigint' })
  number!: string;

  @Column({ name: 'ref_id', type: 'uuid' })
  refId!: string;
}
