import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Coop } from '@federacycle/platform-database';
import { LicenceSigningKey } from './licence-signing-key.entity';

/** A licence (platform row about a coop): id = the JWS jti, the compact JWS itself in `token`. */
@Entity({ name: 'licences' })
@Index('licences_coop', ['licensedCoopId', 'issuedAt'])
@Check('licences_token_check', 'length(token) <= 8192')
@Check('licences_revocation_reason_check', 'revocation_reason is null or length(revocation_reason) <= 2000')
@Check('licences_check', 'expires_at > issued_at')
export class Licence {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'licensed_coop_id', type: 'uuid' })
  licensedCoopId!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'licensed_coop_id', foreignKeyConstraintName: 'licences_licensed_coop_id_fkey' })
  licensedCoop?: Coop;

  @Column({ type: 'text' })
  kid!: string;

  @ManyToOne(() => LicenceSigningKey)
  @JoinColumn({ name: 'kid', foreignKeyConstraintName: 'licences_kid_fkey' })
  key?: LicenceSigningKey;

  @Column({ type: 'text' })
  token!: string;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'revocation_reason', type: 'text', nullable: true })
  revocationReason!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
