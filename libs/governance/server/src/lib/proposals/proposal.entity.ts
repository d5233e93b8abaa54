import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ProposalOutcome, ProposalStatus, ProposalTally } from '@federacycle/contracts';
import { Coop } from '@federacycle/platform-database';
import { User } from '@federacycle/identity-server';

/** numeric columns arrive from pg as strings: read them as numbers */
export const numericTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** A proposal of a coop: its window, quorum, threshold, state and, once closed, its tally. */
@Entity({ name: 'proposals' })
@Index('proposals_coop_status', ['coopId', 'status', 'closesAt'])
@Check('proposals_check', `closes_at >= opens_at + interval '1 hour'`)
@Check('proposals_check1', `(outcome is null) = (status not in ('closed', 'enacted'))`)
@Check('proposals_title_check', 'length(title) between 3 and 160')
@Check('proposals_rationale_check', 'length(rationale) between 1 and 20000')
@Check('proposals_status_check', `status in ('draft', 'scheduled', 'open', 'closed', 'enacted', 'withdrawn')`)
@Check('proposals_outcome_check', `outcome in ('passed', 'rejected', 'no_quorum')`)
@Check('proposals_quorum_percent_check', 'quorum_percent between 0 and 100')
@Check('proposals_threshold_percent_check', 'threshold_percent between 0 and 100')
@Check('proposals_ballot_count_check', 'ballot_count >= 0')
export class Proposal {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'proposals_coop_id_fkey' })
  coop?: Coop;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'proposals_author_id_fkey' })
  author?: User;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  rationale!: string;

  @Column({ type: 'text', default: 'draft' })
  status!: ProposalStatus;

  @Column({ type: 'text', nullable: true })
  outcome!: ProposalOutcome | null;

  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt!: Date;

  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt!: Date;

  @Column({ name: 'quorum_percent', type: 'numeric', precision: 5, scale: 2, transformer: numericTransformer })
  quorumPercent!: number;

  @Column({ name: 'threshold_percent', type: 'numeric', precision: 5, scale: 2, transformer: numericTransformer })
  thresholdPercent!: number;

  @Column({ name: 'hidden_results', type: 'boolean', default: false })
  hiddenResults!: boolean;

  @Column({ type: 'boolean', default: false })
  statutory!: boolean;

  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt!: Date | null;

  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'enacted_at', type: 'timestamptz', nullable: true })
  enactedAt!: Date | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  tally!: ProposalTally | null;

  @Column({ name: 'ballot_count', type: 'integer', default: 0 })
  ballotCount!: number;

  @Column({ name: 'chain_head', type: 'text', default: '' })
  chainHead!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

/** One setting change a proposal makes. */
@Entity({ name: 'proposal_changes' })
@Check('proposal_changes_key_check', 'length(key) between 1 and 64')
@Check('proposal_changes_position_check', 'position >= 0')
export class ProposalChange {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'proposal_changes_coop_id_fkey' })
  coop?: Coop;

  @PrimaryColumn({ name: 'proposal_id', type: 'uuid' })
  proposalId!: string;

  @ManyToOne(() => Proposal)
  @JoinColumn([
    {
      name: 'coop_id',
      referencedColumnName: 'coopId',
      foreignKeyConstraintName: 'proposal_changes_coop_id_proposal_id_fkey',
    },
    {
      name: 'proposal_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'proposal_changes_coop_id_proposal_id_fkey',
    },
  ])
  proposal?: Proposal;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ name: 'to_value', type: 'jsonb' })
  toValue!: unknown;

  @Column({ name: 'from_value', type: 'jsonb', nullable: true })
  fromValue!: unknown;
}

/** A comment in a proposal's discussion. */
@Entity({ name: 'proposal_comments' })
@Index('proposal_comments_by_proposal', ['coopId', 'proposalId', 'createdAt'])
@Check('proposal_comments_body_check', 'length(body) between 1 and 4000')
export class ProposalComment {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'proposal_comments_coop_id_fkey' })
  coop?: Coop;

  @Column({ name: 'proposal_id', type: 'uuid' })
  proposalId!: string;

  @ManyToOne(() => Proposal)
  @JoinColumn([
    {
      name: 'coop_id',
      referencedColumnName: 'coopId',
      foreignKeyConstraintName: 'proposal_comments_coop_id_proposal_id_fkey',
    },
    {
      name: 'proposal_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'proposal_comments_coop_id_proposal_id_fkey',
    },
  ])
  proposal?: Proposal;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'proposal_comments_author_id_fkey' })
  author?: User;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
