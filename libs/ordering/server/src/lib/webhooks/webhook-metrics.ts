import { Inject, Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { Metrics } from '@federacycle/platform-observability';

/** How a call ended: 2xx, another status, no answer (timeout, refused, TLS), or a target the guard refused. */
export type WebhookSendOutcome = 'succeeded' | 'http_error' | 'network_error' | 'target_refused';

/** Webhook calls in the process's Prometheus registry: by outcome, and their duration. */
@Injectable()
export class WebhookMetrics {
  readonly sends: Counter<'outcome' | 'kind'>;
  readonly duration: Histogram<'outcome'>;

  constructor(@Inject(Metrics) metrics: Metrics) {
    const registers = [metrics.registry];
    this.sends = new Counter({
      name: 'webhook_sends_total',
      help: 'Webhook calls by outcome (succeeded, http_error, network_error, target_refused) and kind (scheduled, replay)',
      labelNames: ['outcome', 'kind'],
      registers,
    });
    this.duration = new Histogram({
      name: 'webhook_send_duration_seconds',
      help: 'Duration of a webhook call, from connecting to the end of the answer (or the error)',
      labelNames: ['outcome'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
  }
}
