import { WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { EnvelopeOf, JobDefinition, JobEnvelope } from './jobs';
import { runInJobContext } from './tenant-processor';

/**
 * Where outcomes are counted: platform-observability's `Metrics` has this shape (its
 * `jobs_processed_total` counter); named structurally so this library does not import it back.
 */
export interface JobMetrics {
  readonly jobsProcessed: { inc(labels: { queue: string; job: string; outcome: 'done' | 'failed' }): void };
}

/** How a handler runs: in the context (coop, actor, request) its envelope carries, or bare. */
export type HandlerContext = 'envelope' | 'none';

export interface JobHandler {
  readonly job: JobDefinition;
  readonly context: HandlerContext;
  run(envelope: JobEnvelope, job: Job<JobEnvelope>): Promise<unknown>;
}

/** Binds a handler to the job it handles; the envelope is typed from the job's definition. */
export function handle<D extends JobDefinition>(
  job: D,
  run: (envelope: EnvelopeOf<D>, bullJob: Job<EnvelopeOf<D>>) => Promise<unknown>,
  context: HandlerContext = 'envelope',
): JobHandler {
  return { job, context, run: run as JobHandler['run'] };
}

/**
 * The one way a queue's jobs are processed: each domain writes a `@Processor(queue)` subclass that
 * lists its handlers; this class routes by job name, restores the producer's context, counts every
 * outcome in `fc_jobs_processed_total` and logs failures (BullMQ retries them as the job says).
 */
export abstract class JobProcessor extends WorkerHost {
  private readonly logger = new Logger(this.constructor.name);
  private routes: Map<string, JobHandler> | null = null;

  protected constructor(private readonly metrics: JobMetrics) {
    super();
  }

  /** The handlers of this queue's jobs (each job of the queue has exactly one). */
  protected abstract handlers(): readonly JobHandler[];

  private route(name: string): JobHandler | undefined {
    if (!this.routes) {
      this.routes = new Map();
      for (const handler of this.handlers()) {
        if (this.routes.has(handler.job.name)) throw new Error(`two handlers for job ${handler.job.name}`);
        this.routes.set(handler.job.name, handler);
      }
    }
    return this.routes.get(name);
  }

  async process(job: Job<JobEnvelope>): Promise<unknown> {
    const handler = this.route(job.name);
    const queue = handler?.job.queue ?? job.queueName;
    try {
      if (!handler) throw new Error(`no handler for job ${job.name} on ${job.queueName}`);
      const result =
        handler.context === 'envelope'
          ? await runInJobContext(job, (envelope) => handler.run(envelope, job))
          : await handler.run(job.data, job);
      this.metrics.jobsProcessed.inc({ queue, job: job.name, outcome: 'done' });
      return result;
    } catch (error) {
      this.metrics.jobsProcessed.inc({ queue, job: job.name, outcome: 'failed' });
      this.logger.error(
        { err: error instanceof Error ? error.message : String(error), job: job.name, jobId: job.id },
        'job failed',
      );
      throw error;
    }
  }
}
