import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { BallotChoice, BallotKind } from '@federacycle/contracts';
import { Coop } from '@federacycle/platform-database';
import { User } from '@federacycle/identity-server';
import { Proposal, numericTransformer } from '../proposals/proposal.entity';

/** A voter of a proposal, fixed when voting opened (with their college and its weight then). */
@Entity({ name: 'proposal_voters' })
@Check('proposal_voters_college_weight_check', 'college_weight > 0')
@Check('proposal_voters_locale_check', `locale in ('en', 'fr')`)
export class ProposalVoter {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'proposal_voters_coop_id_fkey' })
  coop?: Coop;

  @PrimaryColumn({ name: 'proposal_id', type: 'uuid' })
  proposalId!: string;

  @ManyToOne(() => Proposal)
  @JoinColumn([
    {
      name: 'coop_id',
      referencedColumnName: 'coopId',
      foreignKeyConstraintName: 'proposal_voters_coop_id_proposal_id_fkey',
    },
    {
      name: 'proposal_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'proposal_voters_coop_id_proposal_id_fkey',
    },
  ])
  proposal?: Proposal;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'proposal_voters_user_id_fkey' })
  user?: User;

  @Column({ name: 'college_id', type: 'uuid', nullable: true })
  collegeId!: string | null;

  @Column({ name: 'college_name', type: 'text', nullable: true })
  collegeName!: string | null;

  @Column({
    name: 'college_weight',
    type: 'numeric',
    precision: 6,
    scale: 3,
    default: 1,
    transformer: numericTransformer,
  })
  collegeWeight!: number;

  @Column({ type: 'text', default: 'en' })
  locale!: 'en' | 'fr';

  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt!: Date | null;
}

/** One link of a proposal's chain: a vote, a proxy given, or a proxy taken back. Append-only. */
@Entity({ name: 'ballots' })
@Check('ballots_check', `(kind = 'vote') = (choice is not null)`)
@Check('ballots_check1', `(kind = 'proxy') = (holder_id is not null)`)
@Check('ballots_seq_check', 'seq >= 1')
@Check('ballots_kind_check', `kind in ('vote', 'proxy', 'proxy_revoked')`)
@Check('ballots_choice_check', `choice in ('yes', 'no', 'abstain')`)
@Check('ballots_prev_hash_check', `prev_hash ~ '^[0-9a-f]{64}$'`)
@Check('ballots_hash_check', `hash ~ '^[0-9a-f]{64}$'`)
export class Ballot {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'ballots_coop_id_fkey' })
  coop?: Coop;

  @PrimaryColumn({ name: 'proposal_id', type: 'uuid' })
  proposalId!: string;

  @ManyToOne(() => Proposal)
  @JoinColumn([
    { name: 'coop_id', referencedColumnName: 'coopId', foreignKeyConstraintName: 'ballots_coop_id_proposal_id_fkey' },
    { name: 'proposal_id', referencedColumnName: 'id', foreignKeyConstraintName: 'ballots_coop_id_proposal_id_fkey' },
  ])
  proposal?: Proposal;

  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @Column({ type: 'text' })
  kind!: BallotKind;

  @Column({ name: 'voter_id', type: 'uuid' })
  voterId!: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'voter_id', foreignKeyConstraintName: 'ballots_voter_id_fkey' })
  voter?: User;

  @Column({ name: 'cast_by', type: 'uuid' })
  castBy!: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'cast_by', foreignKeyConstraintName: 'ballots_cast_by_fkey' })
  caster?: User;

  @Column({ type: 'text', nullable: true })
  choice!: BallotChoice | null;

  @Column({ name: 'holder_id', type: 'uuid', nullable: true })
  holderId!: string | null;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'holder_id', foreignKeyConstraintName: 'ballots_holder_id_fkey' })
  holder?: User;

  @Column({ name: 'cast_at', type: 'timestamptz' })
  castAt!: Date;

  @Column({ name: 'prev_hash', type: 'text' })
  prevHash!: string;

  @Column({ type: 'text' })
  hash!: string;
}
