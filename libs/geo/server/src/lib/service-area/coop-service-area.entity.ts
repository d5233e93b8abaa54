import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Coop } from '@federacycle/platform-database';

/** The area a coop serves (tenant row, one per coop, migration 0021): a centre and a radius. */
@Entity({ name: 'coop_service_areas' })
@Check('coop_service_areas_centre_lat_check', 'centre_lat between -90 and 90')
@Check('coop_service_areas_centre_lng_check', 'centre_lng between -180 and 180')
@Check('coop_service_areas_radius_m_check', 'radius_m between 1000 and 200000')
export class CoopServiceArea {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'coop_service_areas_coop_id_fkey' })
  coop?: Coop;

  @Column({ name: 'centre_lat', type: 'double precision' })
  centreLat!: number;

  @Column({ name: 'centre_lng', type: 'double precision' })
  centreLng!: number;

  @Column({ name: 'radius_m', type: 'integer', default: 30000 })
  radiusM!: number;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
