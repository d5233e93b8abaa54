import { Check, Column, Entity, ForeignKey, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Coop } from '@federacycle/platform-database';
import { Courier } from '../couriers/courier.entity';

/** A courier's last known location (one row per courier, upserted); stale after 5 minutes on read. */
@Entity({ name: 'courier_locations' })
@ForeignKey(() => Courier, ['coopId', 'courierId'], ['coopId', 'id'], {
  name: 'courier_locations_courier_fkey',
  onDelete: 'CASCADE',
})
@Check('courier_locations_lat_check', 'lat between -90 and 90')
@Check('courier_locations_lng_check', 'lng between -180 and 180')
@Check('courier_locations_accuracy_m_check', 'accuracy_m >= 0 and accuracy_m <= 100000')
export class CourierLocation {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryColumn({ name: 'courier_id', type: 'uuid' })
  courierId!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'courier_locations_coop_id_fkey' })
  coop?: Coop;

  @Column({ type: 'double precision' })
  lat!: number;

  @Column({ type: 'double precision' })
  lng!: number;

  @Column({ name: 'accuracy_m', type: 'double precision', nullable: true })
  accuracyM!: number | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
