import { Check, Column, Entity, Generated, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Coop } from '@federacycle/platform-database';

export interface ProposedCourier {
  courierId: string;
  taskIds: string[];
}

export interface ProposedDelivery {
  deliveryId: string;
  courierId: string;
  taskIds: string[];
}

/** The optimizer's proposal of a coop in suggest mode: one per coop, replaced by each planning run. */
@Entity({ name: 'plan_proposals' })
@Check('plan_proposals_couriers_check', `jsonb_typeof(couriers) = 'array'`)
@Check('plan_proposals_deliveries_check', `jsonb_typeof(deliveries) = 'array'`)
@Check('plan_proposals_unassigned_check', `jsonb_typeof(unassigned_task_ids) = 'array'`)
@Check('plan_proposals_late_check', 'late_tasks >= 0')
export class PlanProposal {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'plan_proposals_coop_id_fkey' })
  coop?: Coop;

  /** a new id for each plan (the board tells a new proposal from the one it shows) */
  @Column({ type: 'uuid' })
  @Generated('uuid')
  id!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  couriers!: ProposedCourier[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  deliveries!: ProposedDelivery[];

  @Column({ name: 'unassigned_task_ids', type: 'jsonb', default: () => "'[]'" })
  unassignedTaskIds!: string[];

  @Column({ name: 'distance_km', type: 'double precision', default: 0 })
  distanceKm!: number;

  @Column({ name: 'late_tasks', type: 'integer', default: 0 })
  lateTasks!: number;
}
