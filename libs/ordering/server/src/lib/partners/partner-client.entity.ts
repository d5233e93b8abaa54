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
import { Coop } from '@federacycle/platform-database';
import { Merchant } from '@federacycle/merchants-server';
import type { PartnerClientKind, PartnerScope } from '@federacycle/contracts';

/** A shop, site or coop that calls the coop's delivery API (migration 0058). */
@Entity({ name: 'partner_clients' })
@Index('partner_clients_name_key', ['coopId', 'name'], { unique: true, where: 'revoked_at is null' })
@ForeignKey(() => Merchant, ['coopId', 'merchantId'], ['coopId', 'id'], {
  name: 'partner_clients_coop_id_merchant_id_fkey',
})
@Check('partner_clients_name_check', 'length(btrim(name)) between 1 and 120')
@Check('partner_clients_kind_check', "kind in ('shop', 'site', 'coop')")
@Check(
  'partner_clients_scopes_check',
  "cardinality(scopes) between 1 and 3 and scopes <@ array['deliveries', 'deliveries:read', 'webhooks']::text[]",
)
@Check('partner_clients_rate_limit_per_minute_check', 'rate_limit_per_minute between 1 and 100000')
export class PartnerClient {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'partner_clients_coop_id_fkey' })
  coop?: Coop;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: PartnerClientKind;

  @Column({ name: 'merchant_id', type: 'uuid', nullable: true })
  merchantId!: string | null;

  @Column({ type: 'text', array: true })
  scopes!: PartnerScope[];

  @Column({ name: 'rate_limit_per_minute', type: 'integer', default: 120 })
  rateLimitPerMinute!: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
