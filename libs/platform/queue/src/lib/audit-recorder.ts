import type { Database } from '@federacycle/platform-database';
import { claimOutboxRow } from './outbox';
import type { JobEnvelope, JobName } from './queue-names';

/**
 * The processor of `audit.record`: appends the audit event announced by an outbox row.
 * Claim and insert share one transaction, so a job delivered twice records once.
 * Returns whether this run recorded the event.
 */
export async function recordAuditEvent(
  db: Database,
  envelope: JobEnvelope<typeof JobName.AUDIT_RECORD>,
): Promise<boolean> {
  const { coopId, outboxId, payload } = envelope;
  if (coopId === null || outboxId === null) throw new Error('audit.record needs a coop and an outbox row');
  return db.forCoop(coopId, async (tx) => {
    if (!(await claimOutboxRow(tx, coopId, outboxId))) return false;
    await tx.execute(
      `insert into audit_events (coop_id, source_id, actor_id, action, subject_type, subject_id, data, request_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        coopId,
        outboxId,
        envelope.actorId,
        payload.action,
        payload.subjectType,
        payload.subjectId,
        JSON.stringify(payload.data),
        envelope.requestId,
      ],
    );
    return true;
  });
}
