import type { SettingKey, SettingValue } from './settings-catalogue';

/**
 * Governance: proposals, votes, proxies, colleges. States:
 * draft → scheduled (published, voting not yet open) → open → closed (passed, rejected, no quorum)
 * → enacted (a passed proposal whose changes were written); withdrawn by its author before the
 * first ballot (from draft, scheduled or open).
 */
export const PROPOSAL_STATUSES = ['draft', 'scheduled', 'open', 'closed', 'enacted', 'withdrawn'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export type ProposalOutcome = 'passed' | 'rejected' | 'no_quorum';
export const BALLOT_CHOICES = ['yes', 'no', 'abstain'] as const;
export type BallotChoice = (typeof BALLOT_CHOICES)[number];
export type BallotKind = 'vote' | 'proxy' | 'proxy_revoked';

/** The smallest voting window. */
export const MIN_VOTING_WINDOW_MS = 60 * 60 * 1000;
/** Voters who have not voted are reminded this long before the close. */
export const REMINDER_BEFORE_CLOSE_MS = 24 * 60 * 60 * 1000;

export interface CollegeTally {
  collegeId: string | null;
  name: string | null;
  weight: number;
  voters: number;
  yes: number;
  no: number;
  abstain: number;
  /** yes / (yes + no) in percent, null when nobody voted yes or no */
  yesPercent: number | null;
}

/** The largest total of a coop's college weights: weights are shares of the vote, in percent. */
export const COLLEGE_WEIGHTS_MAX_TOTAL = 100;

/** A voting college of a coop, with the members placed in it. */
export interface CollegeView {
  id: string;
  name: string;
  /** share of the vote, percent (the tally normalises over the colleges where someone voted yes or no) */
  weight: number;
  members: Array<{ userId: string; name: string }>;
}

/** The colleges screen: the coop's colleges and every member who votes, with their college. */
export interface CollegesView {
  colleges: CollegeView[];
  /** members with the member role (the voters of the next proposal), and their college if any */
  members: Array<{ userId: string; name: string; collegeId: string | null }>;
  totalWeight: number;
}

export interface ProposalTally {
  voters: number;
  /** voters whose vote counts (cast by themselves or their proxy holder) */
  voted: number;
  yes: number;
  no: number;
  abstain: number;
  /** voted / voters, percent (2 decimals) */
  participationPercent: number;
  /** the weighted sum of each college's yes share (one college without colleges), percent */
  yesPercent: number | null;
  colleges: CollegeTally[];
  quorumReached: boolean;
  outcome: ProposalOutcome;
  /** the chain head the tally was computed over */
  chainHead: string;
  ballots: number;
}

export interface ProposalChangeView {
  key: SettingKey;
  from: SettingValue;
  to: SettingValue;
}

export interface ProposalSummary {
  id: string;
  title: string;
  status: ProposalStatus;
  outcome: ProposalOutcome | null;
  opensAt: string;
  closesAt: string;
  hiddenResults: boolean;
  voters: number;
  voted: number;
  participationPercent: number | null;
  changes: ProposalChangeView[];
}

export interface ProposalView extends ProposalSummary {
  authorId: string;
  authorName: string;
  rationale: string;
  quorumPercent: number;
  thresholdPercent: number;
  statutory: boolean;
  createdAt: string;
  openedAt: string | null;
  closedAt: string | null;
  enactedAt: string | null;
  chainHead: string;
  ballotCount: number;
  /** null while hidden (before close) */
  tally: ProposalTally | null;
  /** what the caller can do now */
  me: ProposalMe;
}

export interface ProposalMe {
  isVoter: boolean;
  isAuthor: boolean;
  /** the caller's own vote as it counts now (cast by them or their proxy holder) */
  choice: BallotChoice | null;
  /** whom the caller gave their vote to, if anyone */
  proxyTo: string | null;
  /** whose votes the caller holds */
  holds: Array<{ userId: string; name: string; choice: BallotChoice | null }>;
}

export interface BallotReceipt {
  seq: number;
  hash: string;
  chainHead: string;
  castAt: string;
}

export interface ChainVerification {
  ok: boolean;
  ballots: number;
  head: string;
  /** the first link that does not verify (1-based seq as stored, or the position expected) */
  brokenAt: number | null;
  reason: string | null;
}

export interface ProposalCommentView {
  id: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
}
