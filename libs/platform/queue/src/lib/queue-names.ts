import { defineJob } from './jobs';

/**
 * The platform's own queues and jobs. Domains declare theirs next to their code (for example
 * federation's `compliance.jobs.ts`) with `defineJob`; nothing domain-specific lives here.
 */
export const PlatformQueue = {
  /** jobs relayed from the transactional outbox that the platform handles (audit trail) */
  EVENTS: 'events',
  /** periodic platform jobs (the outbox relay) */
  MAINTENANCE: 'maintenance',
} as const;

export interface AuditRecordPayload {
  action: string;
  subjectType: string;
  subjectId: string | null;
  data: Record<string, unknown>;
}

/** record an audit event written to the outbox by a domain change */
export const AUDIT_RECORD_JOB = defineJob<AuditRecordPayload>(PlatformQueue.EVENTS, 'audit.record');

/** relay pending outbox rows to their queues (a scheduler runs it once cluster-wide) */
export const OUTBOX_RELAY_JOB = defineJob<Record<string, never>>(PlatformQueue.MAINTENANCE, 'outbox.relay');
