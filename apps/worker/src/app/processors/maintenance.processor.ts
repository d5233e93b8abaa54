import { InjectQueue, Processor, getQueueToken } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { Database } from '@federacycle/platform-database';
import { Metrics } from '@federacycle/platform-observability';
import {
  JobProcessor,
  OUTBOX_RELAY_JOB,
  OutboxRelay,
  PlatformQueue,
  handle,
  type JobHandler,
} from '@federacycle/platform-queue';

/**
 * How often the relay looks for due outbox rows; BullMQ's scheduler runs it once cluster-wide.
 * Every change's follow-up work waits for it (a new delivery's planning run among them), so it is
 * short: one indexed query when nothing is due.
 */
export const OUTBOX_RELAY_EVERY_MS = 200;

function registeredQueue(moduleRef: ModuleRef, name: string): Queue | undefined {
  try {
    return moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  } catch {
    return undefined; // no module registered it: the relay reports the row and leaves it pending
  }
}

/**
 * Platform-wide periodic work: the outbox relay. It enqueues each row on the queue the row names;
 * the queues are registered by the modules that own them (platform and domains), found by name.
 */
@Processor(PlatformQueue.MAINTENANCE, { concurrency: 1 })
export class MaintenanceProcessor extends JobProcessor implements OnApplicationBootstrap {
  private readonly relay: OutboxRelay;

  constructor(
    db: Database,
    metrics: Metrics,
    moduleRef: ModuleRef,
    @InjectQueue(PlatformQueue.MAINTENANCE) private readonly maintenance: Queue,
  ) {
    super(metrics);
    const queues = new Map<string, Queue | undefined>();
    this.relay = new OutboxRelay(db, (name) => {
      if (!queues.has(name)) queues.set(name, registeredQueue(moduleRef, name));
      return queues.get(name);
    });
  }

  protected handlers(): readonly JobHandler[] {
    return [handle(OUTBOX_RELAY_JOB, () => this.relay.relayOnce(), 'none')];
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.maintenance.upsertJobScheduler(
      OUTBOX_RELAY_JOB.name,
      { every: OUTBOX_RELAY_EVERY_MS },
      {
        name: OUTBOX_RELAY_JOB.name,
        data: { coopId: null, actorId: null, requestId: 'scheduler', outboxId: null, payload: {} },
        opts: { removeOnComplete: true, removeOnFail: 100 },
      },
    );
  }
}
