import { OutboxEntry, TenantContext, type Tx } from '@federacycle/platform-database';
import type { JobDefinition } from './jobs';

/**
 * Writes a job into the outbox, inside the caller's transaction: the job exists if and
 * only if the change it announces committed. The relay enqueues it with jobId = row id.
 */
export async function writeOutbox<P extends object>(tx: Tx, job: JobDefinition<P>, payload: P): Promise<string> {
  const context = TenantContext.require();
  // the transaction's coop (a platform transaction may have switched to the coop it writes for)
  const coopId = tx.coopId;
  if (coopId === null) throw new Error(`the outbox row of ${job.name} needs a transaction acting for a coop`);
  const inserted = await tx.manager.insert(OutboxEntry, {
    coopId,
    queue: job.queue,
    jobName: job.name,
    payload,
    actorId: context.actorId,
    requestId: context.requestId,
  });
  return (inserted.identifiers[0] as Pick<OutboxEntry, 'id'>).id;
}

/**
 * Claims an outbox row for processing: the conditional update touches the row only the
 * first time. A processor does its side effects only when this returns true, in the same
 * transaction, so a job delivered twice changes nothing the second time.
 */
export async function claimOutboxRow(tx: Tx, coopId: string, outboxId: string): Promise<boolean> {
  const touched = await tx.execute(
    'update outbox set processed_at = now() where coop_id = $1 and id = $2 and processed_at is null',
    [coopId, outboxId],
  );
  return touched === 1;
}
