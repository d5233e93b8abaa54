import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { DISPATCH_QUEUES, DispatchWorkerModule } from '@federacycle/dispatch-server';
import { FEDERATION_QUEUES, FederationWorkerModule } from '@federacycle/federation-server';
import { FleetCourierRosterModule } from '@federacycle/fleet-server';
import { GOVERNANCE_QUEUES, GovernanceWorkerModule } from '@federacycle/governance-server';
import { ORDERING_QUEUES, OrderingWorkerModule } from '@federacycle/ordering-server';
import { ConfigModule, type AppConfig } from '@federacycle/platform-config';
import { DatabaseModule } from '@federacycle/platform-database';
import { Metrics, MetricsModule } from '@federacycle/platform-observability';
import { PlatformQueue, RedisModule, createRedis } from '@federacycle/platform-queue';
import { EventsProcessor } from './processors/events.processor';
import { MaintenanceProcessor } from './processors/maintenance.processor';

/** Every queue the worker serves: the platform's and each composed domain's (gauges watch them all). */
export const WORKER_QUEUES: readonly string[] = [
  ...Object.values(PlatformQueue),
  ...FEDERATION_QUEUES,
  ...DISPATCH_QUEUES,
  ...GOVERNANCE_QUEUES,
  ...ORDERING_QUEUES,
];

/**
 * The worker: BullMQ processors in a Nest application context (no HTTP server of Nest's).
 * The platform's own queues (outbox relay, audit events) are here; each domain's worker module
 * registers its queues and processors, and the worker composes them.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, metrics: Metrics): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        MetricsModule.forRoot(metrics),
        DatabaseModule,
        RedisModule,
        BullModule.forRoot({ connection: createRedis(config.redisUrl), prefix: config.queuePrefix }),
        BullModule.registerQueue(...Object.values(PlatformQueue).map((name) => ({ name }))),
        FleetCourierRosterModule,
        FederationWorkerModule,
        DispatchWorkerModule,
        GovernanceWorkerModule,
        OrderingWorkerModule,
      ],
      providers: [EventsProcessor, MaintenanceProcessor],
    };
  }
}
