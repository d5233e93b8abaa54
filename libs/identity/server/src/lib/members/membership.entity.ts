import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { CoopRole } from '@federacycle/contracts';
import { Coop } from '@federacycle/platform-database';
import { User } from '../users/user.entity';

export const COOP_ROLES_CHECK = `roles <@ array['coop_admin', 'dispatcher', 'courier', 'merchant_staff', 'member']::text[]`;

/** A person in a coop, with roles (tenant row: coop_id first in every key, RLS forced). */
@Entity({ name: 'memberships' })
@Index('memberships_user', ['userId'])
@Check('memberships_roles_check', `cardinality(roles) >= 1 and ${COOP_ROLES_CHECK}`)
@Check('memberships_status_check', `status in ('active', 'disabled')`)
export class Membership {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'memberships_coop_id_fkey' })
  coop?: Coop;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'memberships_user_id_fkey' })
  user?: User;

  @Column({ type: 'text', array: true })
  roles!: CoopRole[];

  @Column({ type: 'text', default: 'active' })
  status!: 'active' | 'disabled';

  /** the merchants a merchant_staff member acts for */
  @Column({ name: 'merchant_ids', type: 'uuid', array: true, default: () => "'{}'" })
  merchantIds!: string[];

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
