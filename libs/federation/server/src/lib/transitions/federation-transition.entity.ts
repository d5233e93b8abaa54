import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@federacycle/identity-server';

export type TransitionSubject = 'application' | 'coop' | 'licence';

/** One line of the federation's audit trail: an application, coop or licence transition (platform row). */
@Entity({ name: 'federation_transitions' })
@Index('federation_transitions_subject', ['subjectType', 'subjectId', 'at'])
@Check('federation_transitions_subject_type_check', `subject_type in ('application', 'coop', 'licence')`)
@Check('federation_transitions_event_check', 'length(event) between 1 and 64')
@Check('federation_transitions_reason_check', 'reason is null or length(reason) <= 2000')
export class FederationTransition {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType!: TransitionSubject;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  @Column({ type: 'text' })
  event!: string;

  @Column({ name: 'from_state', type: 'text' })
  fromState!: string;

  @Column({ name: 'to_state', type: 'text' })
  toState!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'federation_transitions_actor_id_fkey' })
  actor?: User;

  @Column({ name: 'actor_email', type: 'text', nullable: true })
  actorEmail!: string | null;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  at!: Date;
}
