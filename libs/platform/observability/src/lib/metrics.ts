import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One Prometheus registry per process, with the platform's metrics. */
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly jobsProcessed: Counter<'queue' | 'job' | 'outcome'>;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by route template',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.jobsProcessed = new Counter({
      name: 'jobs_processed_total',
      help: 'Jobs processed by the worker',
      labelNames: ['queue', 'job', 'outcome'],
      registers: [this.registry],
    });
  }

  /** A gauge computed at scrape time (queue depths, outbox lag). */
  gauge(name: string, help: string, labelNames: string[], collect: (gauge: Gauge<string>) => Promise<void>): void {
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        await collect(this as Gauge<string>);
      },
    });
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
