import type { Tx } from '@federacycle/platform-database';
import { TenantContext } from '@federacycle/platform-database';
import { JOB_QUEUE, type JobName, type JobPayloads } from './queue-names';

/**
 * Writes a job into the outbox, inside the caller's transaction: the job exists if and
 * only if the change it announces committed. The relay enqueues it with jobId = row id.
 */
export async function writeOutbox<J extends JobName>(tx: Tx, job: J, payload: JobPayloads[J]): Promise<string> {
  const context = TenantContext.require();
  const coopId = TenantContext.coopId();
  const row = await tx.one<{ id: string }>(
    `insert into outbox (coop_id, queue, job_name, payload, actor_id, request_id)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [coopId, JOB_QUEUE[job], job, JSON.stringify(payload), context.actorId, context.requestId],
  );
  return row.id;
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
