import { CollegeMember, VotingCollege } from './colleges/college.entity';
import { FEDERATION_GOVERNANCE_ENTITIES } from './federation/federation-proposal.entity';
import { Proposal, ProposalChange, ProposalComment } from './proposals/proposal.entity';
import { Ballot, ProposalVoter } from './voting/ballot.entity';

/** The governance domain's tables, one entity each. */
export const GOVERNANCE_ENTITIES = [
  Proposal,
  ProposalChange,
  ProposalComment,
  VotingCollege,
  CollegeMember,
  ProposalVoter,
  Ballot,
  ...FEDERATION_GOVERNANCE_ENTITIES,
];
