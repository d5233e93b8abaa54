import { Processor } from '@nestjs/bullmq';
import { Database } from '@federacycle/platform-database';
import { Metrics } from '@federacycle/platform-observability';
import {
  AUDIT_RECORD_JOB,
  JobProcessor,
  PlatformQueue,
  handle,
  recordAuditEvent,
  type JobHandler,
} from '@federacycle/platform-queue';

/** The platform's outbox jobs: each runs in the coop and request context it was written in. */
@Processor(PlatformQueue.EVENTS, { concurrency: 4 })
export class EventsProcessor extends JobProcessor {
  constructor(
    private readonly db: Database,
    metrics: Metrics,
  ) {
    super(metrics);
  }

  protected handlers(): readonly JobHandler[] {
    return [handle(AUDIT_RECORD_JOB, (envelope) => recordAuditEvent(this.db, envelope))];
  }
}
