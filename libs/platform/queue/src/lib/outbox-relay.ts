import type { Queue } from 'bullmq';
import type { Database, OutboxEntry } from '@federacycle/platform-database';
import type { JobEnvelope } from './jobs';

/** A due outbox row as `outbox_due()` answers it: the entity's fields, named as the entity names them. */
type DueRow = Pick<OutboxEntry, 'coopId' | 'id' | 'queue' | 'jobName' | 'actorId' | 'requestId' | 'status'> & {
  payload: unknown;
};

/**
 * Finds the BullMQ queue an outbox row names. Queues are registered by the domains that own them
 * (the worker composes them), so the relay looks them up by name rather than knowing a list.
 */
export type QueueLookup = (name: string) => Queue | undefined;

const DUE_SQL = `select coop_id as "coopId", id, queue, job_name as "jobName", payload, actor_id as "actorId",
                        request_id as "requestId", status
                   from outbox_due($1, $2)`;

export interface RelayResult {
  enqueued: number;
  requeued: number;
}

export interface OutboxRelayOptions {
  batchSize?: number;
  /** an enqueued row not processed after this long is enqueued again */
  staleSeconds?: number;
}

/**
 * Moves due outbox rows into BullMQ.
 *
 * Enqueue first, mark second: a crash in between leaves the row pending and the next
 * pass enqueues it again with the same jobId, which BullMQ deduplicates while the job
 * exists; processors are idempotent for the case where it no longer does.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly staleSeconds: number;

  constructor(
    private readonly db: Database,
    private readonly queues: QueueLookup,
    options: OutboxRelayOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 200;
    this.staleSeconds = options.staleSeconds ?? 300;
  }

  async relayOnce(): Promise<RelayResult> {
    const due = await this.db.platform((tx) => tx.query<DueRow>(DUE_SQL, [this.batchSize, this.staleSeconds]));
    const result: RelayResult = { enqueued: 0, requeued: 0 };
    const byCoop = new Map<string, DueRow[]>();
    const byQueue = new Map<Queue, Parameters<Queue['addBulk']>[0]>();
    for (const row of due) {
      const queue = this.queues(row.queue);
      if (!queue) throw new Error(`outbox row ${row.id} names queue ${row.queue}, which no module registered`);
      const envelope: JobEnvelope = {
        coopId: row.coopId,
        actorId: row.actorId,
        requestId: row.requestId,
        outboxId: row.id,
        payload: row.payload,
      };
      if (row.status === 'enqueued') {
        // A stale row: its job may still sit in Redis (failed, or being retried); remove it
        // so the re-add is not silently deduplicated away.
        const existing = await queue.getJob(row.id);
        if (existing && !(await existing.isActive())) await existing.remove();
        result.requeued += 1;
      } else {
        result.enqueued += 1;
      }
      const jobs = byQueue.get(queue) ?? [];
      jobs.push({
        name: row.jobName,
        data: envelope,
        opts: {
          jobId: row.id,
          attempts: 5,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: { age: 3600, count: 10_000 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      });
      byQueue.set(queue, jobs);
      const list = byCoop.get(row.coopId) ?? [];
      list.push(row);
      byCoop.set(row.coopId, list);
    }
    // one round trip per queue (a Redis pipeline), not one per row
    for (const [queue, jobs] of byQueue) await queue.addBulk(jobs);
    for (const [coopId, rows] of byCoop) {
      await this.db.forCoop(coopId, (tx) =>
        tx.execute(
          `update outbox set status = 'enqueued', enqueued_at = now(), attempts = attempts + 1
            where coop_id = $1 and id = any($2::uuid[]) and processed_at is null`,
          [coopId, rows.map((r) => r.id)],
        ),
      );
    }
    return result;
  }
}
