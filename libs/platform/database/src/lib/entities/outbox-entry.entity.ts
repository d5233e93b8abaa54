import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Coop } from './coop.entity';

/**
 * A job announced by a change, written in the change's transaction (tenant row). The relay
 * reads due rows across coops only through `outbox_due()` (SECURITY DEFINER).
 */
@Entity({ name: 'outbox' })
@Check('outbox_status_check', `status in ('pending', 'enqueued')`)
@Index('outbox_due', ['createdAt'], { where: 'processed_at is null' })
export class OutboxEntry {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @ManyToOne(() => Coop, { createForeignKeyConstraints: true })
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'outbox_coop_id_fkey' })
  coop?: Coop;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  queue!: string;

  @Column({ name: 'job_name', type: 'text' })
  jobName!: string;

  @Column({ type: 'jsonb' })
  payload!: object;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'request_id', type: 'text' })
  requestId!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: 'pending' | 'enqueued';

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt!: Date;

  @Column({ name: 'enqueued_at', type: 'timestamptz', nullable: true })
  enqueuedAt!: Date | null;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt!: Date | null;
}
