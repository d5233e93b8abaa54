import { Check, Column, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { CourierActionResult, CourierStep } from '@federacycle/contracts';
import { Courier } from '@federacycle/fleet-server';
import { Coop } from '@federacycle/platform-database';
import { DeliveryTask } from '../deliveries/delivery-task.entity';

/**
 * An action a courier's device synced, by the id the device chose: a retry of the same id is
 * answered with `result` and changes nothing. Migration 0052.
 */
@Entity({ name: 'courier_actions' })
@Index('courier_actions_task', ['coopId', 'taskId'])
@ForeignKey(() => DeliveryTask, ['coopId', 'taskId'], ['coopId', 'id'], {
  name: 'courier_actions_task_fkey',
  onDelete: 'CASCADE',
})
@ForeignKey(() => Courier, ['coopId', 'courierId'], ['coopId', 'id'], { name: 'courier_actions_courier_fkey' })
@Check('courier_actions_step_check', `step in ('start', 'picked_up', 'delivered', 'failed')`)
@Check('courier_actions_body_sha256_check', `body_sha256 ~ '^[0-9a-f]{64}$'`)
@Check('courier_actions_result_check', `jsonb_typeof(result) = 'object'`)
export class CourierAction {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryColumn({ name: 'client_action_id', type: 'uuid' })
  clientActionId!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'courier_actions_coop_id_fkey' })
  coop?: Coop;

  @Column({ name: 'courier_id', type: 'uuid' })
  courierId!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @Column({ type: 'text' })
  step!: CourierStep;

  @Column({ name: 'body_sha256', type: 'text' })
  bodySha256!: string;

  @Column({ type: 'jsonb' })
  result!: CourierActionResult;

  @Column({ name: 'applied_at', type: 'timestamptz', default: () => 'now()' })
  appliedAt!: Date;
}
