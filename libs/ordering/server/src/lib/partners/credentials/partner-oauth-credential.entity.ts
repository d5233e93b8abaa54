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

/**
 * OAuth2 client credentials of a partner client (migration 0061): the public client key and the
 * SHA-256 of the secret. A rotation adds a row with the same key and revokes the previous one.
 */
@Entity({ name: 'partner_oauth_credentials' })
@Index('partner_oauth_credentials_live_client', ['coopId', 'clientId'], { unique: true, where: 'revoked_at is null' })
@Index('partner_oauth_credentials_lookup', ['clientKey'])
@ForeignKey(() => PartnerClient, ['coopId', 'clientId'], ['coopId', 'id'], {
  name: 'partner_oauth_credentials_coop_id_client_id_fkey',
})
@Check('partner_oauth_credentials_client_key_check', "client_key ~ '^fco_[A-Za-z0-9_-]{22}$'")
@Check('partner_oauth_credentials_secret_hash_check', "secret_hash ~ '^[0-9a-f]{64}$'")
export class PartnerOAuthCredential {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'partner_oauth_credentials_coop_id_fkey' })
  coop?: Coop;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId!: string;

  @Column({ name: 'client_key', type: 'text' })
  clientKey!: string;

  @Column({ name: 'secret_hash', type: 'text' })
  secretHash!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
