import type { Queue } from 'bullmq';
import type { Database } from '@federacycle/platform-database';
import type { Metrics } from './metrics';

/** Queue depths and outbox lag, read at scrape time; a failed read leaves the gauge unset. */
export function registerPlatformGauges(metrics: Metrics, db: Database, queues: readonly Queue[]): void {
  metrics.gauge('queue_jobs', 'Jobs per queue and state', ['queue', 'state'], async (gauge) => {
    for (const queue of queues) {
      try {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
        for (const [state, count] of Object.entries(counts)) gauge.set({ queue: queue.name, state }, count);
      } catch {
        // Redis unavailable: readiness reports it; the scrape still answers
      }
    }
  });
  metrics.gauge('outbox_lag_seconds', 'Age of the oldest unprocessed outbox row', [], async (gauge) => {
    try {
      const row = await db.platform((tx) => tx.one<{ lag: number }>('select outbox_lag_seconds() as lag'));
      gauge.set(Number(row.lag));
    } catch {
      // database unavailable: readiness reports it
    }
  });
}
