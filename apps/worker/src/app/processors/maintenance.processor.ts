import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { Database } from '@federacycle/platform-database';
import { JobName, OutboxRelay, QueueName, type RelayResult } from '@federacycle/platform-queue';

/** How often the relay looks for due outbox rows; BullMQ's scheduler runs it once cluster-wide. */
export const OUTBOX_RELAY_EVERY_MS = 1000;

/** Platform-wide periodic work: the outbox relay (and, later, cron fan-outs per coop). */
@Processor(QueueName.MAINTENANCE, { concurrency: 1 })
export class MaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly relay: OutboxRelay;

  constructor(
    db: Database,
    @InjectQueue(QueueName.MAINTENANCE) private readonly maintenance: Queue,
    @InjectQueue(QueueName.EVENTS) events: Queue,
  ) {
    super();
    this.relay = new OutboxRelay(db, new Map([[QueueName.EVENTS, events]]));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.maintenance.upsertJobScheduler(
      JobName.OUTBOX_RELAY,
      { every: OUTBOX_RELAY_EVERY_MS },
      {
        name: JobName.OUTBOX_RELAY,
        data: { coopId: null, actorId: null, requestId: 'scheduler', outboxId: null, payload: {} },
        opts: { removeOnComplete: true, removeOnFail: 100 },
      },
    );
  }

  async process(job: Job): Promise<RelayResult> {
    if (job.name !== JobName.OUTBOX_RELAY)
      throw new Error(`no handler for job ${job.name} on ${QueueName.MAINTENANCE}`);
    return this.relay.relayOnce();
  }
}
