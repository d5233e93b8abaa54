import { Check, Column, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ProofKind } from '@federacycle/contracts';
import { Courier } from '@federacycle/fleet-server';
import { Coop } from '@federacycle/platform-database';
import { DeliveryTask } from '../deliveries/delivery-task.entity';

/**
 * A proof a courier collected on a task (a photo, a drawn signature): the id chosen on the
 * device, the file kept by the object store (`file_id`). Migration 0052.
 */
@Entity({ name: 'task_proofs' })
@Index('task_proofs_task', ['coopId', 'taskId', 'kind'])
@ForeignKey(() => DeliveryTask, ['coopId', 'taskId'], ['coopId', 'id'], {
  name: 'task_proofs_task_fkey',
  onDelete: 'CASCADE',
})
@ForeignKey(() => Courier, ['coopId', 'courierId'], ['coopId', 'id'], { name: 'task_proofs_courier_fkey' })
@Check('task_proofs_kind_check', `kind in ('photo', 'signature')`)
@Check('task_proofs_content_type_check', `content_type in ('image/jpeg', 'image/png', 'image/webp')`)
@Check('task_proofs_size_check', 'size between 1 and 5242880')
@Check('task_proofs_sha256_check', `sha256 ~ '^[0-9a-f]{64}$'`)
export class TaskProof {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'task_proofs_coop_id_fkey' })
  coop?: Coop;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @Column({ name: 'courier_id', type: 'uuid' })
  courierId!: string;

  @Column({ type: 'text' })
  kind!: ProofKind;

  @Column({ name: 'file_id', type: 'uuid' })
  fileId!: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType!: string;

  @Column({ type: 'integer' })
  size!: number;

  @Column({ type: 'text' })
  sha256!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
