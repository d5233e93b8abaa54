import { defineJob } from '@federacycle/platform-queue';

/** Governance's queue: scheduling, opening, reminding and closing proposals. */
export const GOVERNANCE_QUEUE = 'governance';

/** Every queue governance's worker module registers. */
export const GOVERNANCE_QUEUES: readonly string[] = [GOVERNANCE_QUEUE];

export interface ProposalJobPayload {
  proposalId: string;
}

/** after publishing (outbox): add the proposal's delayed open, remind and close jobs */
export const GOVERNANCE_SCHEDULE_JOB = defineJob<ProposalJobPayload>(GOVERNANCE_QUEUE, 'governance.schedule');
/** at opensAt: snapshot the voters, open, mail them */
export const GOVERNANCE_OPEN_JOB = defineJob<ProposalJobPayload>(GOVERNANCE_QUEUE, 'governance.open');
/** 24 hours before closesAt: mail the voters who have not voted */
export const GOVERNANCE_REMIND_JOB = defineJob<ProposalJobPayload>(GOVERNANCE_QUEUE, 'governance.remind');
/** at closesAt: tally, decide, enact a passed proposal, publish the outcome, mail it */
export const GOVERNANCE_CLOSE_JOB = defineJob<ProposalJobPayload>(GOVERNANCE_QUEUE, 'governance.close');
/** every minute: the net under the delayed jobs (anything due and not done) */
export const GOVERNANCE_SWEEP_JOB = defineJob<Record<string, never>>(GOVERNANCE_QUEUE, 'governance.sweep');
/** every minute; a test stack may sweep more often (GOVERNANCE_SWEEP_EVERY_MS, at least 1 s) */
export function governanceSweepEveryMs(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number.parseInt(env['GOVERNANCE_SWEEP_EVERY_MS'] ?? '', 10);
  return Number.isFinite(configured) && configured >= 1000 ? configured : 60_000;
}

export type ProposalStep = 'open' | 'remind' | 'close';

/** The one BullMQ job id of a proposal's step: adding it again (sweep, retry) adds nothing. */
export function proposalJobId(step: ProposalStep, proposalId: string): string {
  return `governance:${step}:${proposalId}`;
}
