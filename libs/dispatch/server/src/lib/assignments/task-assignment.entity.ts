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
import { Courier } from '@federacycle/fleet-server';
import { Coop } from '@federacycle/platform-database';
import { DeliveryTask } from '../deliveries/delivery-task.entity';

/** The index that keeps at most one active assignment per task. */
export const ONE_ACTIVE_ASSIGNMENT_INDEX = 'task_assignments_one_active';

/** Who holds a task (ended_at null while they do); the history of holders stays. */
@Entity({ name: 'task_assignments' })
@Index(ONE_ACTIVE_ASSIGNMENT_INDEX, ['coopId', 'taskId'], { unique: true, where: 'ended_at is null' })
@Index('task_assignments_courier', ['coopId', 'courierId', 'position'], { where: 'ended_at is null' })
@ForeignKey(() => DeliveryTask, ['coopId', 'taskId'], ['coopId', 'id'], {
  name: 'task_assignments_task_fkey',
  onDelete: 'CASCADE',
})
@ForeignKey(() => Courier, ['coopId', 'courierId'], ['coopId', 'id'], { name: 'task_assignments_courier_fkey' })
@Check('task_assignments_position_check', 'position >= 0')
@Check('task_assignments_order_check', 'ended_at is null or ended_at >= assigned_at')
export class TaskAssignment {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'task_assignments_coop_id_fkey' })
  coop?: Coop;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @Column({ name: 'courier_id', type: 'uuid' })
  courierId!: string;

  @Column({ type: 'integer', default: 0 })
  position!: number;

  @Column({ type: 'boolean', default: false })
  pinned!: boolean;

  @Column({ name: 'assigned_by', type: 'uuid', nullable: true })
  assignedBy!: string | null;

  @Column({ name: 'assigned_at', type: 'timestamptz', default: () => 'now()' })
  assignedAt!: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;
}
