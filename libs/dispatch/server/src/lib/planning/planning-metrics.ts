import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import { Metrics } from '@federacycle/platform-observability';

/** What kind of run: the fast insertion after a change, or the background improvement. */
export type PlanRunKind = 'fast' | 'improve';
/** How a run ended: it assigned or moved work (auto), stored a proposal (suggest), changed nothing, or failed. */
export type PlanRunOutcome = 'applied' | 'proposed' | 'unchanged' | 'manual' | 'failed';

/**
 * Dispatch's planning metrics, in the process's Prometheus registry (prom-client, the platform's
 * library): runs by mode, kind and outcome; run duration; plan quality of each coop's last run
 * (unassigned and late tasks); assignment latency (a delivery's creation → all its tasks assigned,
 * by the worker in auto mode or a dispatcher accepting a proposal).
 */
@Injectable()
export class PlanningMetrics {
  readonly runs: Counter<'mode' | 'kind' | 'outcome'>;
  readonly duration: Histogram<'mode' | 'kind'>;
  readonly unassigned: Gauge<'coop'>;
  readonly late: Gauge<'coop'>;
  readonly assignmentLatency: Histogram<'source'>;

  constructor(@Inject(Metrics) metrics: Metrics) {
    const registers = [metrics.registry];
    this.runs = new Counter({
      name: 'dispatch_planning_runs_total',
      help: 'Planning runs by coop dispatch mode (as run), kind (fast, improve) and outcome',
      labelNames: ['mode', 'kind', 'outcome'],
      registers,
    });
    this.duration = new Histogram({
      name: 'dispatch_planning_run_duration_seconds',
      help: 'Duration of a planning run (lock, read, solve, apply)',
      labelNames: ['mode', 'kind'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
      registers,
    });
    this.unassigned = new Gauge({
      name: 'dispatch_plan_unassigned_tasks',
      help: 'Open tasks the last plan of the coop could not place',
      labelNames: ['coop'],
      registers,
    });
    this.late = new Gauge({
      name: 'dispatch_plan_late_tasks',
      help: 'Tasks the last plan of the coop serves after their window closes',
      labelNames: ['coop'],
      registers,
    });
    this.assignmentLatency = new Histogram({
      name: 'dispatch_assignment_latency_seconds',
      help: 'From a delivery created to all its tasks assigned',
      labelNames: ['source'],
      buckets: [0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600],
      registers,
    });
  }
}
