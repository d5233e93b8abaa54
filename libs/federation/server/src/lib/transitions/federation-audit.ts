import { User } from '@federacycle/identity-server';
import { OutboxEntry, TenantContext, type Tx } from '@federacycle/platform-database';
import { AUDIT_RECORD_JOB, type AuditRecordPayload } from '@federacycle/platform-queue';
import { FederationTransition, type TransitionSubject } from './federation-transition.entity';

/** One line of the federation audit trail (platform table `federation_transitions`). */
export interface TransitionEntry {
  subjectType: TransitionSubject;
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
  const actor = actorId
    ? await tx.manager.findOne(User, { where: { id: actorId }, select: { id: true, email: true } })
    : null;
  await tx.manager.insert(FederationTransition, {
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    event: entry.event,
    fromState: entry.from,
    toState: entry.to,
    reason: entry.reason,
    actorId,
    actorEmail: actor?.email ?? null,
    at: entry.at,
  });
}

/**
 * Announces a federation decision in the coop's own audit trail (outbox → audit.record), from any
 * transaction: it is switched to the coop (RLS of the outbox row) and back to where it was.
 * Unlike `writeOutbox` it needs no work context (the compliance check runs it from tools too).
 */
export async function auditForCoop(tx: Tx, coopId: string, payload: AuditRecordPayload): Promise<void> {
  const context = TenantContext.current();
  const previous = tx.coopId;
  if (previous !== coopId) await tx.switchCoop(coopId);
  await tx.manager.insert(OutboxEntry, {
    coopId,
    queue: AUDIT_RECORD_JOB.queue,
    jobName: AUDIT_RECORD_JOB.name,
    payload,
    actorId: context?.actorId ?? null,
    requestId: context?.requestId ?? 'none',
  });
  if (previous !== coopId) await tx.switchCoop(previous);
}
