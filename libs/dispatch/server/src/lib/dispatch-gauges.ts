import { DELIVERY_STATES, EVENT_SOURCES } from '@federacycle/contracts';
import type { Database } from '@federacycle/platform-database';
import type { Metrics } from '@federacycle/platform-observability';

/**
 * Dispatch's figures for Prometheus, read from the database at scrape time (`delivery_counts()`,
 * counts only): the same answer from every API replica, and no per-process counter to sum.
 * - `deliveries_by_state{state}`: every coop's deliveries, by state (a coop label would be
 *   thousands of series: the federation's total);
 * - `deliveries_created{source}`: deliveries ever created, by where they came from (monotonic:
 *   deliveries are never deleted, so `rate()` reads it like a counter).
 */
export function registerDispatchGauges(metrics: Metrics, db: Database): void {
  let pending: Promise<Array<{ state: string; source: string; n: string }>> | null = null;
  // one query serves both gauges of a scrape
  const counts = () => {
    pending ??= db
      .platform((tx) =>
        tx.query<{ state: string; source: string; n: string }>('select state, source, n from delivery_counts()'),
      )
      .finally(() => setTimeout(() => (pending = null), 0));
    return pending;
  };
  metrics.gauge('deliveries_by_state', 'Deliveries of every coop, by state', ['state'], async (gauge) => {
    try {
      const rows = await counts();
      for (const state of DELIVERY_STATES) {
        gauge.set(
          { state },
          rows.filter((r) => r.state === state).reduce((sum, r) => sum + Number(r.n), 0),
        );
      }
    } catch {
      // database unavailable: readiness reports it
    }
  });
  metrics.gauge('deliveries_created', 'Deliveries ever created, by source (monotonic)', ['source'], async (gauge) => {
    try {
      const rows = await counts();
      for (const source of EVENT_SOURCES) {
        gauge.set(
          { source },
          rows.filter((r) => r.source === source).reduce((sum, r) => sum + Number(r.n), 0),
        );
      }
    } catch {
      // database unavailable: readiness reports it
    }
  });
}
