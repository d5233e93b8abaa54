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
import { PartnerClient } from '../partner-client.entity';

/** An API key of a partner client (migration 0061): its visible prefix and the SHA-256 of the key. */
@Entity({ name: 'partner_api_keys' })
@Index('partner_api_keys_hash_key', ['coopId', 'keyHash'], { unique: true })
@Index('partner_api_keys_client', ['coopId', 'clientId'])
@Index('partner_api_keys_lookup', ['keyHash'])
@ForeignKey(() => PartnerClient, ['coopId', 'clientId'], ['coopId', 'id'], {
  name: 'partner_api_keys_coop_id_client_id_fkey',
})
@Check('partner_api_keys_prefix_check', "prefix ~ '^fcp_live_[0-9a-f]{8}$'")
@Check('partner_api_keys_key_hash_check', "key_hash ~ '^[0-9a-f]{64}$'")
export class PartnerApiKey {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'partner_api_keys_coop_id_fkey' })
  coop?: Coop;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId!: string;

  @Column({ type: 'text' })
  prefix!: string;

  @Column({ name: 'key_hash', type: 'text' })
  keyHash!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
