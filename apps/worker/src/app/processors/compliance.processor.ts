import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import {
  CLOCK,
  ComplianceService,
  utcDay,
  type Clock,
  type ComplianceCheckResult,
} from '@federacycle/federation-server';
import { Metrics } from '@federacycle/platform-observability';
import { JobName, QueueName, runInJobContext, type JobEnvelope } from '@federacycle/platform-queue';

/** Daily at 03:00 (server time zone of the worker; UTC in production). */
export const COMPLIANCE_FAN_OUT_PATTERN = '0 3 * * *';

/** BullMQ job id of a coop's check on a day: the same day's run is enqueued once. */
export function complianceJobId(coopId: string, day: string): string {
  return `compliance:${coopId}:${day}`;
}

/**
 * The federation's daily worker-ownership check: a scheduler fans out one job per coop
 * (`compliance.check-coop`, jobId `compliance:<coopId>:<yyyy-mm-dd>`), each run in the coop's
 * context by ComplianceService.checkCoop (idempotent: a second run the same day changes nothing).
 */
@Processor(QueueName.COMPLIANCE, { concurrency: 4 })
export class ComplianceProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ComplianceProcessor.name);

  constructor(
    @Inject(ComplianceService) private readonly compliance: ComplianceService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(Metrics) private readonly metrics: Metrics,
    @InjectQueue(QueueName.COMPLIANCE) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      JobName.COMPLIANCE_FAN_OUT,
      { pattern: COMPLIANCE_FAN_OUT_PATTERN },
      {
        name: JobName.COMPLIANCE_FAN_OUT,
        data: {
          coopId: null,
          actorId: null,
          requestId: 'scheduler',
          outboxId: null,
          payload: {},
        },
        opts: { removeOnComplete: 100, removeOnFail: 100 },
      },
    );
  }

  async process(job: Job<JobEnvelope>): Promise<unknown> {
    try {
      const result = await this.dispatch(job);
      this.metrics.jobsProcessed.inc({
        queue: QueueName.COMPLIANCE,
        job: job.name,
        outcome: 'done',
      });
      return result;
    } catch (error) {
      this.metrics.jobsProcessed.inc({
        queue: QueueName.COMPLIANCE,
        job: job.name,
        outcome: 'failed',
      });
      this.logger.error(
        {
          err: error instanceof Error ? error.message : String(error),
          job: job.name,
          jobId: job.id,
        },
        'job failed',
      );
      throw error;
    }
  }

  private dispatch(job: Job<JobEnvelope>): Promise<unknown> {
    switch (job.name) {
      case JobName.COMPLIANCE_FAN_OUT:
        return this.fanOut(job as Job<JobEnvelope<typeof JobName.COMPLIANCE_FAN_OUT>>);
      case JobName.COMPLIANCE_CHECK_COOP:
        return runInJobContext(job as Job<JobEnvelope<typeof JobName.COMPLIANCE_CHECK_COOP>>, (envelope) =>
          this.check(envelope),
        );
      default:
        throw new Error(`no handler for job ${job.name} on ${QueueName.COMPLIANCE}`);
    }
  }

  /** One job per coop for today; a second fan-out the same day adds nothing (same job ids). */
  async fanOut(job: Job<JobEnvelope<typeof JobName.COMPLIANCE_FAN_OUT>>): Promise<{ day: string; coops: number }> {
    const day = utcDay(this.clock.now());
    const coops = await this.compliance.coopsToCheck();
    await this.queue.addBulk(
      coops.map((coopId) => ({
        name: JobName.COMPLIANCE_CHECK_COOP,
        data: {
          coopId,
          actorId: null,
          requestId: job.data.requestId ?? `compliance-${day}`,
          outboxId: null,
          payload: { day },
        } satisfies JobEnvelope<typeof JobName.COMPLIANCE_CHECK_COOP>,
        opts: {
          jobId: complianceJobId(coopId, day),
          attempts: 3,
          backoff: { type: 'exponential', delay: 10_000 },
          removeOnComplete: { age: 3 * 86_400 },
          removeOnFail: 1000,
        },
      })),
    );
    return { day, coops: coops.length };
  }

  private async check(
    envelope: JobEnvelope<typeof JobName.COMPLIANCE_CHECK_COOP>,
  ): Promise<ComplianceCheckResult | null> {
    if (envelope.coopId === null) throw new Error('compliance.check-coop needs the coop in its envelope');
    return this.compliance.checkCoop(envelope.coopId);
  }
}
