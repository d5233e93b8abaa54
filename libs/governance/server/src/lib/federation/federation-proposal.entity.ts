import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type {
  BallotChoice,
  ProposalOutcome,
  ProposalStatus,
  ProposalTally,
  SettingKey,
  SettingValue,
} from '@federacycle/contracts';
import { Coop } from '@federacycle/platform-database';
import { Membership, User } from '@federacycle/identity-server';
import { numericTransformer } from '../proposals/proposal.entity';

/** A member a coop names to vote for it on federation proposals (tenant row). */
@Entity({ name: 'coop_delegates' })
export class CoopDelegate {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'coop_delegates_coop_id_fkey' })
  coop?: Coop;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'coop_delegates_user_id_fkey' })
  user?: User;

  @ManyToOne(() => Membership)
  @JoinColumn([
    {
      name: 'coop_id',
      referencedColumnName: 'coopId',
      foreignKeyConstraintName: 'coop_delegates_coop_id_user_id_fkey',
    },
    {
      name: 'user_id',
      referencedColumnName: 'userId',
      foreignKeyConstraintName: 'coop_delegates_coop_id_user_id_fkey',
    },
  ])
  membership?: Membership;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

export interface FederationChange {
  key: SettingKey;
  to: SettingValue;
  /** the value it replaced, recorded at enactment */
  from?: SettingValue;
}

/** A proposal to change the federation's settings (platform row). */
@Entity({ name: 'federation_proposals' })
@Check('federation_proposals_check', `closes_at >= opens_at + interval '1 hour'`)
@Check('federation_proposals_title_check', 'length(title) between 3 and 160')
@Check('federation_proposals_rationale_check', 'length(rationale) between 1 and 20000')
@Check('federation_proposals_changes_check', `jsonb_typeof(changes) = 'array'`)
@Check(
  'federation_proposals_status_check',
  `status in ('draft', 'scheduled', 'open', 'closed', 'enacted', 'withdrawn')`,
)
@Check('federation_proposals_outcome_check', `outcome in ('passed', 'rejected', 'no_quorum')`)
@Check('federation_proposals_quorum_percent_check', 'quorum_percent between 0 and 100')
@Check('federation_proposals_threshold_percent_check', 'threshold_percent between 0 and 100')
@Check('federation_proposals_ballot_count_check', 'ballot_count >= 0')
export class FederationProposal {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'federation_proposals_author_id_fkey' })
  author?: User;

  @Column({ name: 'author_coop_id', type: 'uuid', nullable: true })
  authorCoopId!: string | null;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'author_coop_id', foreignKeyConstraintName: 'federation_proposals_author_coop_id_fkey' })
  authorCoop?: Coop;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  rationale!: string;

  @Column({ type: 'jsonb' })
  changes!: FederationChange[];

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

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'enacted_at', type: 'timestamptz', nullable: true })
  enactedAt!: Date | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  /** when the delegates of the coops that had not voted were reminded (24 h before the close) */
  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt!: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  tally!: ProposalTally | null;

  @Column({ name: 'ballot_count', type: 'integer', default: 0 })
  ballotCount!: number;

  @Column({ name: 'chain_head', type: 'text', default: '' })
  chainHead!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

/** An active coop when voting opened: it has one vote (platform row). */
@Entity({ name: 'federation_proposal_voters' })
export class FederationProposalVoter {
  @PrimaryColumn({ name: 'proposal_id', type: 'uuid' })
  proposalId!: string;

  @ManyToOne(() => FederationProposal)
  @JoinColumn({ name: 'proposal_id', foreignKeyConstraintName: 'federation_proposal_voters_proposal_id_fkey' })
  proposal?: FederationProposal;

  @PrimaryColumn({ name: 'voting_coop_id', type: 'uuid' })
  votingCoopId!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'voting_coop_id', foreignKeyConstraintName: 'federation_proposal_voters_voting_coop_id_fkey' })
  votingCoop?: Coop;
}

/** One link of a federation proposal's chain: a coop's vote cast by its delegate (append-only). */
@Entity({ name: 'federation_ballots' })
@Check('federation_ballots_seq_check', 'seq >= 1')
@Check('federation_ballots_choice_check', `choice in ('yes', 'no', 'abstain')`)
@Check('federation_ballots_prev_hash_check', `prev_hash ~ '^[0-9a-f]{64}$'`)
@Check('federation_ballots_hash_check', `hash ~ '^[0-9a-f]{64}$'`)
export class FederationBallot {
  @PrimaryColumn({ name: 'proposal_id', type: 'uuid' })
  proposalId!: string;

  @ManyToOne(() => FederationProposal)
  @JoinColumn({ name: 'proposal_id', foreignKeyConstraintName: 'federation_ballots_proposal_id_fkey' })
  proposal?: FederationProposal;

  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @Column({ name: 'voting_coop_id', type: 'uuid' })
  votingCoopId!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'voting_coop_id', foreignKeyConstraintName: 'federation_ballots_voting_coop_id_fkey' })
  votingCoop?: Coop;

  @Column({ name: 'cast_by', type: 'uuid' })
  castBy!: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'cast_by', foreignKeyConstraintName: 'federation_ballots_cast_by_fkey' })
  caster?: User;

  @Column({ type: 'text' })
  choice!: BallotChoice;

  @Column({ name: 'cast_at', type: 'timestamptz' })
  castAt!: Date;

  @Column({ name: 'prev_hash', type: 'text' })
  prevHash!: string;

  @Column({ type: 'text' })
  hash!: string;
}

/** A comment in a federation proposal's discussion (platform row; the author's coop, if any). */
@Entity({ name: 'federation_proposal_comments' })
@Index('federation_proposal_comments_by_proposal', ['proposalId', 'createdAt'])
@Check('federation_proposal_comments_body_check', 'length(body) between 1 and 4000')
export class FederationProposalComment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'proposal_id', type: 'uuid' })
  proposalId!: string;

  @ManyToOne(() => FederationProposal)
  @JoinColumn({ name: 'proposal_id', foreignKeyConstraintName: 'federation_proposal_comments_proposal_id_fkey' })
  proposal?: FederationProposal;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'federation_proposal_comments_author_id_fkey' })
  author?: User;

  @Column({ name: 'author_coop_id', type: 'uuid', nullable: true })
  authorCoopId!: string | null;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'author_coop_id', foreignKeyConstraintName: 'federation_proposal_comments_author_coop_id_fkey' })
  authorCoop?: Coop;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

export const FEDERATION_GOVERNANCE_ENTITIES = [
  CoopDelegate,
  FederationProposal,
  FederationProposalVoter,
  FederationBallot,
  FederationProposalComment,
];
