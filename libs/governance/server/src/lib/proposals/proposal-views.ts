import type {
  BallotChoice,
  CoopSettingValues,
  ProposalChangeView,
  ProposalMe,
  ProposalSummary,
  ProposalTally,
  ProposalView,
  SettingKey,
  SettingValue,
} from '@federacycle/contracts';
import type { Proposal, ProposalChange } from './proposal.entity';

/** Results are visible after close, or during the vote when the proposal does not hide them. */
export function resultsVisible(proposal: Pick<Proposal, 'status' | 'hiddenResults'>): boolean {
  if (proposal.status === 'closed' || proposal.status === 'enacted') return true;
  return proposal.status === 'open' && !proposal.hiddenResults;
}

/** "from → to": before enactment "from" is the current value; after, the value it replaced. */
export function changeViews(changes: readonly ProposalChange[], current: CoopSettingValues): ProposalChangeView[] {
  return [...changes]
    .sort((a, b) => a.position - b.position)
    .map((c) => ({
      key: c.key as SettingKey,
      from: (c.fromValue ?? current[c.key as keyof CoopSettingValues]) as SettingValue,
      to: c.toValue as SettingValue,
    }));
}

export interface Participation {
  voters: number;
  voted: number;
}

export function summaryOf(
  proposal: Proposal,
  changes: ProposalChangeView[],
  participation: Participation,
): ProposalSummary {
  return {
    id: proposal.id,
    title: proposal.title,
    status: proposal.status,
    outcome: proposal.outcome,
    opensAt: proposal.opensAt.toISOString(),
    closesAt: proposal.closesAt.toISOString(),
    hiddenResults: proposal.hiddenResults,
    voters: participation.voters,
    voted: participation.voted,
    participationPercent:
      participation.voters === 0 ? null : Math.round((participation.voted / participation.voters) * 10000) / 100,
    changes,
  };
}

export function viewOf(
  proposal: Proposal,
  changes: ProposalChangeView[],
  participation: Participation,
  authorName: string,
  tally: ProposalTally | null,
  me: ProposalMe,
): ProposalView {
  return {
    ...summaryOf(proposal, changes, participation),
    authorId: proposal.authorId,
    authorName,
    rationale: proposal.rationale,
    quorumPercent: proposal.quorumPercent,
    thresholdPercent: proposal.thresholdPercent,
    statutory: proposal.statutory,
    createdAt: proposal.createdAt.toISOString(),
    openedAt: proposal.openedAt?.toISOString() ?? null,
    closedAt: proposal.closedAt?.toISOString() ?? null,
    enactedAt: proposal.enactedAt?.toISOString() ?? null,
    chainHead: proposal.chainHead,
    ballotCount: proposal.ballotCount,
    tally: resultsVisible(proposal) ? tally : null,
    me,
  };
}

export type { BallotChoice };
