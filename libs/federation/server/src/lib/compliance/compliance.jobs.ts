import { defineJob } from '@federacycle/platform-queue';

/** Federation's compliance queue: the daily worker-ownership check, fanned out per coop. */
export const COMPLIANCE_QUEUE = 'compliance';

/** Every queue federation's worker module registers. */
export const FEDERATION_QUEUES: readonly string[] = [COMPLIANCE_QUEUE];

export interface ComplianceCheckPayload {
  /** the day of the run (yyyy-mm-dd, UTC): part of the job id, so a day's run is idempotent */
  day: string;
}

/** daily: enqueue one worker-ownership check per coop */
export const COMPLIANCE_FAN_OUT_JOB = defineJob<Record<string, never>>(COMPLIANCE_QUEUE, 'compliance.fan-out');

/** one coop's worker-ownership check (envelope coopId set) */
export const COMPLIANCE_CHECK_COOP_JOB = defineJob<ComplianceCheckPayload>(COMPLIANCE_QUEUE, 'compliance.check-coop');

/** Daily at 03:00 (server time zone of the worker; UTC in production). */
export const COMPLIANCE_FAN_OUT_PATTERN = '0 3 * * *';

/** BullMQ job id of a coop's check on a day: the same day's run is enqueued once. */
export function complianceJobId(coopId: string, day: string): string {
  return `compliance:${coopId}:${day}`;
}
