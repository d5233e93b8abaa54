/**
 * Every queue and job of the platform, with its payload type, in one place
 * (producers and processors both import from here; a typo is a compile error).
 */
export const QueueName = {
  /** jobs relayed from the transactional outbox */
  EVENTS: 'events',
  /** periodic platform jobs (outbox sweep, compliance fan-out) */
  MAINTENANCE: 'maintenance',
  /** federation compliance: the daily worker-ownership check, fanned out per coop */
  COMPLIANCE: 'compliance',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  /** record an audit event written to the outbox by a domain change */
  AUDIT_RECORD: 'audit.record',
  /** relay pending outbox rows to their queues */
  OUTBOX_RELAY: 'outbox.relay',
  /** daily: enqueue one worker-ownership check per coop */
  COMPLIANCE_FAN_OUT: 'compliance.fan-out',
  /** one coop's worker-ownership check (envelope coopId set) */
  COMPLIANCE_CHECK_COOP: 'compliance.check-coop',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

export interface AuditRecordPayload {
  action: string;
  subjectType: string;
  subjectId: string | null;
  data: Record<string, unknown>;
}

/** Payload type of each job name. */
export interface JobPayloads {
  [JobName.AUDIT_RECORD]: AuditRecordPayload;
  [JobName.OUTBOX_RELAY]: Record<string, never>;
  [JobName.COMPLIANCE_FAN_OUT]: Record<string, never>;
  [JobName.COMPLIANCE_CHECK_COOP]: ComplianceCheckPayload;
}

export interface ComplianceCheckPayload {
  /** the day of the run (yyyy-mm-dd, UTC): part of the job id, so a day's run is idempotent */
  day: string;
}

/** Which queue each job goes to. */
export const JOB_QUEUE: { readonly [J in JobName]: QueueName } = {
  [JobName.AUDIT_RECORD]: QueueName.EVENTS,
  [JobName.OUTBOX_RELAY]: QueueName.MAINTENANCE,
  [JobName.COMPLIANCE_FAN_OUT]: QueueName.COMPLIANCE,
  [JobName.COMPLIANCE_CHECK_COOP]: QueueName.COMPLIANCE,
};

/**
 * Every job's data: the tenant, the actor and the request travel with the work, so the
 * processor restores the same context the producer had.
 */
export interface JobEnvelope<J extends JobName = JobName> {
  coopId: string | null;
  actorId: string | null;
  requestId: string;
  /** the outbox row this job came from, when it came from one */
  outboxId: string | null;
  payload: JobPayloads[J];
}
