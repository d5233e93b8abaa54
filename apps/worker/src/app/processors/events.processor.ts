import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { Database } from '@federacycle/platform-database';
import { Metrics } from '@federacycle/platform-observability';
import { JobName, QueueName, recordAuditEvent, runInJobContext, type JobEnvelope } from '@federacycle/platform-queue';

/** Jobs relayed from the outbox: each runs in the coop and request context it was written in. */
@Processor(QueueName.EVENTS, { concurrency: 4 })
export class EventsProcessor extends WorkerHost {
  private readonly logger = new Logger(EventsProcessor.name);

  constructor(
    private readonly db: Database,
    private readonly metrics: Metrics,
  ) {
    super();
  }

  async process(job: Job<JobEnvelope>): Promise<unknown> {
    return runInJobContext(job, async (envelope) => {
      try {
        const result = await this.dispatch(job.name, envelope);
        this.metrics.jobsProcessed.inc({ queue: QueueName.EVENTS, job: job.name, outcome: 'done' });
        return result;
      } catch (error) {
        this.metrics.jobsProcessed.inc({ queue: QueueName.EVENTS, job: job.name, outcome: 'failed' });
        this.logger.error(
          { err: error instanceof Error ? error.message : String(error), job: job.name, jobId: job.id },
          'job failed',
        );
        throw error;
      }
    });
  }

  private dispatch(name: string, envelope: JobEnvelope): Promise<unknown> {
    switch (name) {
      case JobName.AUDIT_RECORD:
        return recordAuditEvent(this.db, envelope as JobEnvelope<typeof JobName.AUDIT_RECORD>);
      default:
        throw new Error(`no handler for job ${name} on ${QueueName.EVENTS}`);
    }
  }
}
