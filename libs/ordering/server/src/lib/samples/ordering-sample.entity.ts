import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Coop } from '@federacycle/platform-database';

/** A sample tenant row of ordering (rename or replace): coop_id first in every key, RLS forced. */
@Entity({ name: 'ordering_samples' })
@Check('ordering_samples_label_check', 'length(label) between 1 and 120')
export class OrderingSample {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'ordering_samples_coop_id_fkey' })
  coop?: Coop;

  @Column({ type: 'text' })
  label!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
