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
import type { CoopRole } from '@federacycle/contracts';
import { Coop } from '@federacycle/platform-database';
import { COOP_ROLES_CHECK } from '../members/membership.entity';
import { User } from '../users/user.entity';

/** A single-use link into a coop (tenant row); the token is stored as its SHA-256 only. */
@Entity({ name: 'invitations' })
@Unique('invitations_coop_id_token_hash_key', ['coopId', 'tokenHash'])
@Index('invitations_token', ['tokenHash'])
@Index('invitations_pending', ['coopId', 'createdAt'], { where: 'accepted_at is null and revoked_at is null' })
/** one pending invitation per email per coop (migration 0012) */
@Index('invitations_pending_email', ['coopId', 'email'], {
  unique: true,
  where: 'accepted_at is null and revoked_at is null',
})
@Check('invitations_email_check', 'email = lower(email) and length(email) between 3 and 254')
@Check('invitations_roles_check', `cardinality(roles) >= 1 and ${COOP_ROLES_CHECK}`)
@Check('invitations_token_hash_check', `token_hash ~ '^[0-9a-f]{64}$'`)
export class Invitation {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'invitations_coop_id_fkey' })
  coop?: Coop;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text', array: true })
  roles!: CoopRole[];

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Column({ name: 'invited_by', type: 'uuid', nullable: true })
  invitedBy!: string | null;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'invited_by', foreignKeyConstraintName: 'invitations_invited_by_fkey' })
  inviter?: User;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: 'accepted_by', type: 'uuid', nullable: true })
  acceptedBy!: string | null;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'accepted_by', foreignKeyConstraintName: 'invitations_accepted_by_fkey' })
  accepter?: User;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
