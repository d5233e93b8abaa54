import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Coop } from '@federacycle/platform-database';
import { User } from '../users/user.entity';

/**
 * One refresh token (platform row); rotation chains the rows of one family. Not a coop's row:
 * a person switches coops within a session, hence selectedCoopId.
 */
@Entity({ name: 'sessions' })
@Unique('sessions_refresh_hash_key', ['refreshHash'])
@Index('sessions_family', ['familyId'])
@Index('sessions_user', ['userId'], { where: 'revoked_at is null' })
@Check('sessions_refresh_hash_check', `refresh_hash ~ '^[0-9a-f]{64}$'`)
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'sessions_user_id_fkey' })
  user?: User;

  @Column({ name: 'selected_coop_id', type: 'uuid', nullable: true })
  selectedCoopId!: string | null;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'selected_coop_id', foreignKeyConstraintName: 'sessions_selected_coop_id_fkey' })
  selectedCoop?: Coop;

  @Column({ name: 'refresh_hash', type: 'text' })
  refreshHash!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'replaced_by', type: 'uuid', nullable: true })
  replacedBy!: string | null;

  @ManyToOne(() => Session)
  @JoinColumn({ name: 'replaced_by', foreignKeyConstraintName: 'sessions_replaced_by_fkey' })
  replacement?: Session;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
