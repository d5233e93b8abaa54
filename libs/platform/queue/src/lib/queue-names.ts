/**
 * Every queue and job of the platform, with its payload type, in one place
 * (producers and processors both import from here; a typo is a compile error).
 */
export const QueueName = {
  /** jobs relayed from the transactional outbox */
  EVENTS: 'events',
  /** periodic platform jobs (outbox sweep, compliance fan-out) */
  MAINTENANCE: 'maintenance',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  /** record an audit event written to the outbox by a domain change */
  AUDIT_RECORD: 'audit.record',
  /** relay pending outbox rows to their queues */
  OUTBOX_RELAY: 'outbox.relay',
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
}

/** Which queue each job goes to. */
export const JOB_QUEUE: { readonly [J in JobName]: QueueName } = {
  [JobName.AUDIT_RECORD]: QueueName.EVENTS,
  [JobName.OUTBOX_RELAY]: QueueName.MAINTENANCE,
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
