import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Metrics } from '@federacycle/platform-observability';
import { JobProcessor, handle, type EnvelopeOf, type JobHandler } from '@federacycle/platform-queue';
import { CLOCK, utcDay, type Clock } from '../shared/clock';
import {
  COMPLIANCE_CHECK_COOP_JOB,
  COMPLIANCE_FAN_OUT_JOB,
  COMPLIANCE_FAN_OUT_PATTERN,
  COMPLIANCE_QUEUE,
  complianceJobId,
} from './compliance.jobs';
import { ComplianceService, type ComplianceCheckResult } from './compliance.service';

/**
 * The federation's daily worker-ownership check: a scheduler fans out one job per coop
 * (`compliance.check-coop`, jobId `compliance:<coopId>:<yyyy-mm-dd>`), each run in the coop's
 * context by ComplianceService.checkCoop (idempotent: a second run the same day changes nothing).
 */
@Processor(COMPLIANCE_QUEUE, { concurrency: 4 })
export class ComplianceProcessor extends JobProcessor implements OnApplicationBootstrap {
  constructor(
    @Inject(ComplianceService) private readonly compliance: ComplianceService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(Metrics) metrics: Metrics,
    @InjectQueue(COMPLIANCE_QUEUE) private readonly queue: Queue,
  ) {
    super(metrics);
  }

  protected handlers(): readonly JobHandler[] {
    return [
      handle(COMPLIANCE_FAN_OUT_JOB, (envelope) => this.fanOut(envelope), 'none'),
      handle(COMPLIANCE_CHECK_COOP_JOB, (envelope) => this.check(envelope)),
    ];
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      COMPLIANCE_FAN_OUT_JOB.name,
      { pattern: COMPLIANCE_FAN_OUT_PATTERN },
      {
        name: COMPLIANCE_FAN_OUT_JOB.name,
        data: {
          coopId: null,
          actorId: null,
          requestId: 'scheduler',
          outboxId: null,
          payload: {},
        } satisfies EnvelopeOf<typeof COMPLIANCE_FAN_OUT_JOB>,
        opts: { removeOnComplete: 100, removeOnFail: 100 },
      },
    );
  }

  /** One job per coop for today; a second fan-out the same day adds nothing (same job ids). */
  async fanOut(envelope: EnvelopeOf<typeof COMPLIANCE_FAN_OUT_JOB>): Promise<{ day: string; coops: number }> {
    const day = utcDay(this.clock.now());
    const coops = await this.compliance.coopsToCheck();
    await this.queue.addBulk(
      coops.map((coopId) => ({
        name: COMPLIANCE_CHECK_COOP_JOB.name,
        data: {
          coopId,
          actorId: null,
          requestId: envelope.requestId ?? `compliance-${day}`,
          outboxId: null,
          payload: { day },
        } satisfies EnvelopeOf<typeof COMPLIANCE_CHECK_COOP_JOB>,
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

  private async check(envelope: EnvelopeOf<typeof COMPLIANCE_CHECK_COOP_JOB>): Promise<ComplianceCheckResult | null> {
    if (envelope.coopId === null) throw new Error('compliance.check-coop needs the coop in its envelope');
    return this.compliance.checkCoop(envelope.coopId);
  }
}
