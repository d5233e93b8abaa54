import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Coop } from './coop.entity';

/** What happened in a coop, appended by the `audit.record` job (tenant row, never updated). */
@Entity({ name: 'audit_events' })
@Index('audit_events_source', ['coopId', 'sourceId'], { unique: true })
export class AuditEvent {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'audit_events_coop_id_fkey' })
  coop?: Coop;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** the outbox row that announced it: one audit row per event at most */
  @Column({ name: 'source_id', type: 'uuid', nullable: true })
  sourceId!: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'text', nullable: true })
  subjectId!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  /** the event's details (a JSON object) */
  data!: object;

  @Column({ name: 'request_id', type: 'text' })
  requestId!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
