import { AuditEvent, type Database } from '@federacycle/platform-database';
import { claimOutboxRow } from './outbox';
import type { EnvelopeOf } from './jobs';
import type { AUDIT_RECORD_JOB } from './queue-names';

/**
 * The processor of `audit.record`: appends the audit event announced by an outbox row.
 * Claim and insert share one transaction, so a job delivered twice records once.
 * Returns whether this run recorded the event.
 */
export async function recordAuditEvent(db: Database, envelope: EnvelopeOf<typeof AUDIT_RECORD_JOB>): Promise<boolean> {
  const { coopId, outboxId, payload } = envelope;
  if (coopId === null || outboxId === null) throw new Error('audit.record needs a coop and an outbox row');
  return db.forCoop(coopId, async (tx) => {
    if (!(await claimOutboxRow(tx, coopId, outboxId))) return false;
    await tx.manager.insert(AuditEvent, {
      coopId,
      sourceId: outboxId,
      actorId: envelope.actorId,
      action: payload.action,
      subjectType: payload.subjectType,
      subjectId: payload.subjectId,
      data: payload.data,
      requestId: envelope.requestId,
    });
    return true;
  });
}
