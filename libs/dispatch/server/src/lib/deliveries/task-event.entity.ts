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
import type { EventSource, TaskEventData, TaskEventType, TaskState } from '@federacycle/contracts';
import { Coop } from '@federacycle/platform-database';
import { Delivery } from './delivery.entity';
import { DeliveryTask } from './delivery-task.entity';

/** One change of a task: who (actor), when, what (type, states, data), from where (request, source). */
@Entity({ name: 'task_events' })
@Index('task_events_task', ['coopId', 'taskId', 'at'])
@Index('task_events_delivery', ['coopId', 'deliveryId', 'at'])
@ForeignKey(() => DeliveryTask, ['coopId', 'taskId'], ['coopId', 'id'], {
  name: 'task_events_task_fkey',
  onDelete: 'CASCADE',
})
@ForeignKey(() => Delivery, ['coopId', 'deliveryId'], ['coopId', 'id'], {
  name: 'task_events_delivery_fkey',
  onDelete: 'CASCADE',
})
@Check(
  'task_events_type_check',
  `type in ('created', 'assigned', 'unassigned', 'reassigned', 'reordered', 'started', 'done', 'failed', 'cancelled', 'rescheduled')`,
)
@Check('task_events_source_check', `source in ('console', 'courier_app', 'partner_api', 'storefront', 'worker')`)
@Check('task_events_data_check', `jsonb_typeof(data) = 'object'`)
export class TaskEvent {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'task_events_coop_id_fkey' })
  coop?: Coop;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @Column({ name: 'delivery_id', type: 'uuid' })
  deliveryId!: string;

  @Column({ type: 'text' })
  type!: TaskEventType;

  @Column({ name: 'from_state', type: 'text', nullable: true })
  fromState!: TaskState | null;

  @Column({ name: 'to_state', type: 'text', nullable: true })
  toState!: TaskState | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'request_id', type: 'text' })
  requestId!: string;

  @Column({ type: 'text' })
  source!: EventSource;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data!: TaskEventData;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  at!: Date;
}
