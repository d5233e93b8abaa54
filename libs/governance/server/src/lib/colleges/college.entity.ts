import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Coop } from '@federacycle/platform-database';
import { User } from '@federacycle/identity-server';
import { numericTransformer } from '../proposals/proposal.entity';

/** A voting college of a coop (e.g. workers, users, supporters of a French SCIC) and its weight. */
@Entity({ name: 'voting_colleges' })
@Unique('voting_colleges_coop_id_name_key', ['coopId', 'name'])
@Check('voting_colleges_name_check', 'length(name) between 1 and 80')
@Check('voting_colleges_weight_check', 'weight > 0 and weight <= 100')
export class VotingCollege {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'voting_colleges_coop_id_fkey' })
  coop?: Coop;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'numeric', precision: 6, scale: 3, transformer: numericTransformer })
  weight!: number;
}

/** The college a member votes in (at most one). */
@Entity({ name: 'college_members' })
export class CollegeMember {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'college_members_coop_id_fkey' })
  coop?: Coop;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'college_members_user_id_fkey' })
  user?: User;

  @Column({ name: 'college_id', type: 'uuid' })
  collegeId!: string;

  @ManyToOne(() => VotingCollege)
  @JoinColumn([
    {
      name: 'coop_id',
      referencedColumnName: 'coopId',
      foreignKeyConstraintName: 'college_members_coop_id_college_id_fkey',
    },
    {
      name: 'college_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'college_members_coop_id_college_id_fkey',
    },
  ])
  college?: VotingCollege;
}
