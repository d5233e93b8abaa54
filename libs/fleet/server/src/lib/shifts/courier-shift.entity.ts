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
import { Zone } from '@federacycle/geo-server';
import { Coop } from '@federacycle/platform-database';
import { Courier } from '../couriers/courier.entity';

/**
 * A planned shift of one courier. Shifts of one courier never overlap: the service inserts under a
 * lock of the courier row with a checked `not exists` (see ShiftsService). The optional zone is
 * geo's (`(coop_id, zone_id)` references `zones`, migration 0022).
 */
@Entity({ name: 'courier_shifts' })
@Index('courier_shifts_window', ['coopId', 'startsAt'])
@Index('courier_shifts_courier', ['coopId', 'courierId', 'startsAt'])
@ForeignKey(() => Courier, ['coopId', 'courierId'], ['coopId', 'id'], {
  name: 'courier_shifts_courier_fkey',
  onDelete: 'CASCADE',
})
@ForeignKey(() => Zone, ['coopId', 'zoneId'], ['coopId', 'id'], {
  name: 'courier_shifts_zone_fkey',
  onDelete: 'SET NULL',
})
@Check('courier_shifts_note_check', 'length(note) <= 200')
@Check('courier_shifts_order_check', 'ends_at > starts_at')
@Check('courier_shifts_length_check', `ends_at - starts_at <= interval '16 hours'`)
export class CourierShift {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'courier_shifts_coop_id_fkey' })
  coop?: Coop;

  @Column({ name: 'courier_id', type: 'uuid' })
  courierId!: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ name: 'zone_id', type: 'uuid', nullable: true })
  zoneId!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
