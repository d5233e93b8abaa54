import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Coop } from '@federacycle/platform-database';

/** A coop's time slot: the delivery windows it offers (migration 0063). */
@Entity({ name: 'time_slots' })
@Index('time_slots_name_key', ['coopId', 'name'], { unique: true })
@Check('time_slots_name_check', 'length(btrim(name)) between 1 and 80')
@Check('time_slots_interval_minutes_check', 'interval_minutes between 15 and 1440')
@Check('time_slots_opening_hours_check', 'length(btrim(opening_hours)) between 1 and 500')
@Check('time_slots_prior_notice_minutes_check', 'prior_notice_minutes between 0 and 10080')
@Check('time_slots_capacity_check', 'capacity between 1 and 100000')
@Check('time_slots_horizon_days_check', 'horizon_days between 1 and 60')
export class TimeSlot {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'time_slots_coop_id_fkey' })
  coop?: Coop;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'interval_minutes', type: 'integer' })
  intervalMinutes!: number;

  @Column({ name: 'opening_hours', type: 'text' })
  openingHours!: string;

  @Column({ name: 'prior_notice_minutes', type: 'integer', default: 0 })
  priorNoticeMinutes!: number;

  @Column({ name: 'working_days_only', type: 'boolean', default: false })
  workingDaysOnly!: boolean;

  @Column({ type: 'integer', nullable: true })
  capacity!: number | null;

  @Column({ name: 'horizon_days', type: 'smallint', default: 7 })
  horizonDays!: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
