import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Coop } from '@federacycle/platform-database';

/** A coop's worker ownership, computed daily by the compliance job (tenant row, one per coop). */
@Entity({ name: 'coop_compliance' })
@Check('coop_compliance_share_check', 'share is null or (share >= 0 and share <= 1)')
@Check('coop_compliance_active_couriers_check', 'active_couriers >= 0')
@Check('coop_compliance_member_couriers_check', 'member_couriers >= 0')
@Check('coop_compliance_threshold_check', 'threshold > 0 and threshold <= 1')
export class CoopCompliance {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'coop_compliance_coop_id_fkey' })
  coop?: Coop;

  @Column({ type: 'double precision', nullable: true })
  share!: number | null;

  @Column({ name: 'active_couriers', type: 'integer', default: 0 })
  activeCouriers!: number;

  @Column({ name: 'member_couriers', type: 'integer', default: 0 })
  memberCouriers!: number;

  @Column({ type: 'double precision' })
  threshold!: number;

  @Column({ name: 'below_since', type: 'timestamptz', nullable: true })
  belowSince!: Date | null;

  @Column({ name: 'warned_at', type: 'timestamptz', nullable: true })
  warnedAt!: Date | null;

  @Column({ name: 'checked_at', type: 'timestamptz' })
  checkedAt!: Date;
}
