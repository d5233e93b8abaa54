import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { BBox, ZoneGeometry } from '@federacycle/contracts';
import { Coop } from '@federacycle/platform-database';

/**
 * A coop's delivery zone (tenant row, migration 0021): a GeoJSON Polygon or MultiPolygon in jsonb,
 * validated by the geometry functions before it is stored, with its bbox for quick rejection.
 */
@Entity({ name: 'zones' })
// unique on (coop_id, lower(name)): an expression index TypeORM cannot describe
@Index('zones_name_unique', { synchronize: false })
@Check('zones_name_check', 'length(btrim(name)) between 1 and 80')
@Check('zones_geometry_check', `geometry ->> 'type' in ('Polygon', 'MultiPolygon')`)
@Check('zones_bbox_check', 'cardinality(bbox) = 4')
@Check('zones_colour_check', `colour ~ '^#[0-9a-f]{6}$'`)
export class Zone {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'zones_coop_id_fkey' })
  coop?: Coop;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'jsonb' })
  geometry!: ZoneGeometry;

  @Column({ type: 'double precision', array: true })
  bbox!: BBox;

  @Column({ type: 'text', default: '#3b6ea8' })
  colour!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
