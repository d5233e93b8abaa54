import type { BallotChoice, CollegeTally, ProposalOutcome, ProposalTally } from '@federacycle/contracts';
import type { StoredLink } from './ballot-chain';

export interface TallyVoter {
  userId: string;
  collegeId: string | null;
  collegeName: string | null;
  collegeWeight: number;
}

/** percent with two decimals (what quorum and threshold are compared with) */
const percent = (part: number, whole: number) => Math.round((part / whole) * 10000) / 100;

/** The vote of each voter as it counts: their last `vote` row (cast by them or their holder). */
export function countedChoices(links: readonly StoredLink[]): Map<string, BallotChoice> {
  const choices = new Map<string, BallotChoice>();
  for (const link of [...links].sort((a, b) => a.seq - b.seq)) {
    if (link.kind === 'vote' && link.choice) choices.set(link.voterId, link.choice);
  }
  return choices;
}

/**
 * The tally of a proposal: one member, one vote (the last counts), only the voters of the
 * snapshot. Participation = voters who voted (yes, no or abstain) / voters; quorum reached when
 * participation ≥ quorum. Each college's yes share = yes / (yes + no); the result is the weighted
 * sum of the colleges' shares over the colleges where someone voted yes or no (a coop without
 * colleges is one college of weight 1). Passed when the quorum is reached and the result ≥ the
 * threshold (compared in percent with two decimals, so two votes out of three meet "two thirds").
 */
export function tallyOf(
  voters: readonly TallyVoter[],
  links: readonly StoredLink[],
  quorumPercent: number,
  thresholdPercent: number,
  chainHead: string,
): ProposalTally {
  const choices = countedChoices(links);
  const colleges = new Map<string, CollegeTally>();
  let yes = 0;
  let no = 0;
  let abstain = 0;
  for (const voter of voters) {
    const key = voter.collegeId ?? '';
    let college = colleges.get(key);
    if (!college) {
      college = {
        collegeId: voter.collegeId,
        name: voter.collegeName,
        weight: voter.collegeWeight,
        voters: 0,
        yes: 0,
        no: 0,
        abstain: 0,
        yesPercent: null,
      };
      colleges.set(key, college);
    }
    college.voters += 1;
    const choice = choices.get(voter.userId);
    if (choice === 'yes') {
      college.yes += 1;
      yes += 1;
    } else if (choice === 'no') {
      college.no += 1;
      no += 1;
    } else if (choice === 'abstain') {
      college.abstain += 1;
      abstain += 1;
    }
  }
  let weighted = 0;
  let weights = 0;
  for (const college of colleges.values()) {
    const decided = college.yes + college.no;
    if (decided === 0) continue;
    college.yesPercent = percent(college.yes, decided);
    weighted += college.weight * (college.yes / decided);
    weights += college.weight;
  }
  const voted = yes + no + abstain;
  const participationPercent = voters.length === 0 ? 0 : percent(voted, voters.length);
  const quorumReached = voters.length > 0 && participationPercent >= quorumPercent;
  const yesPercent = weights === 0 ? null : Math.round((weighted / weights) * 10000) / 100;
  let outcome: ProposalOutcome;
  if (!quorumReached) outcome = 'no_quorum';
  else outcome = yesPercent !== null && yes > 0 && yesPercent >= thresholdPercent ? 'passed' : 'rejected';
  return {
    voters: voters.length,
    voted,
    yes,
    no,
    abstain,
    participationPercent,
    yesPercent,
    colleges: [...colleges.values()].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '')),
    quorumReached,
    outcome,
    chainHead,
    ballots: links.length,
  };
}

/** Who holds whose vote now: grantor → holder, from the proxy and proxy_revoked links in order. */
export function activeProxies(links: readonly StoredLink[]): Map<string, string> {
  const proxies = new Map<string, string>();
  for (const link of [...links].sort((a, b) => a.seq - b.seq)) {
    if (link.kind === 'proxy' && link.holderId) proxies.set(link.voterId, link.holderId);
    else if (link.kind === 'proxy_revoked') proxies.delete(link.voterId);
  }
  return proxies;
}
