import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Coop } from '@federacycle/platform-database';

/** A coop's public storefront (tenant row, one per coop); publishing it needs the licence. */
@Entity({ name: 'coop_storefronts' })
export class CoopStorefront {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'coop_storefronts_coop_id_fkey' })
  coop?: Coop;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
