import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { FederationWorkerModule } from '@federacycle/federation-server';
import { ConfigModule, type AppConfig } from '@federacycle/platform-config';
import { DatabaseModule } from '@federacycle/platform-database';
import { Metrics } from '@federacycle/platform-observability';
import { QueueName, RedisModule, createRedis } from '@federacycle/platform-queue';
import { EventsProcessor } from './processors/events.processor';
import { ComplianceProcessor } from './processors/compliance.processor';
import { MaintenanceProcessor } from './processors/maintenance.processor';

/** The worker: BullMQ processors in a Nest application context (no HTTP server of Nest's). */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, metrics: Metrics): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        RedisModule,
        BullModule.forRoot({ connection: createRedis(config.redisUrl), prefix: config.queuePrefix }),
        BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
        FederationWorkerModule,
      ],
      providers: [{ provide: Metrics, useValue: metrics }, EventsProcessor, MaintenanceProcessor, ComplianceProcessor],
    };
  }
}
