import type { Tx } from '@federacycle/platform-database';
import { TenantContext } from '@federacycle/platform-database';
import { JOB_QUEUE, JobName, type AuditRecordPayload } from '@federacycle/platform-queue';

/** One line of the federation audit trail (platform table `federation_transitions`). */
export interface TransitionEntry {
  subjectType: 'application' | 'coop' | 'licence';
  subjectId: string;
  event: string;
  from: string;
  to: string;
  reason: string | null;
  at: Date;
}

/** Writes a transition with the acting person of the current context (null for jobs and the public). */
export async function recordTransition(tx: Tx, entry: TransitionEntry): Promise<void> {
  const actorId = TenantContext.current()?.actorId ?? null;
  await tx.execute(
    `insert into federation_transitions (subject_type, subject_id, event, from_state, to_state, reason, actor_id, actor_email, at)
     values ($1, $2, $3, $4, $5, $6, $7, (select email from users where id = $7), $8)`,
    [entry.subjectType, entry.subjectId, entry.event, entry.from, entry.to, entry.reason, actorId, entry.at],
  );
}

/**
 * Announces a federation decision in the coop's own audit trail (outbox → audit.record), from a
 * platform transaction: the transaction switches to the coop (RLS of the outbox row) and back.
 */
export async function auditForCoop(tx: Tx, coopId: string, payload: AuditRecordPayload): Promise<void> {
  const context = TenantContext.current();
  await tx.query("select set_config('app.coop_id', $1, true)", [coopId]);
  await tx.execute(
    `insert into outbox (coop_id, queue, job_name, payload, actor_id, request_id) values ($1, $2, $3, $4, $5, $6)`,
    [
      coopId,
      JOB_QUEUE[JobName.AUDIT_RECORD],
      JobName.AUDIT_RECORD,
      JSON.stringify(payload),
      context?.actorId ?? null,
      context?.requestId ?? 'none',
    ],
  );
  await tx.query("select set_config('app.coop_id', $1, true)", [context?.coopId ?? '']);
}
