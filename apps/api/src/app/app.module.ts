import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ConfigModule, type AppConfig } from '@federacycle/platform-config';
import { DatabaseModule } from '@federacycle/platform-database';
import { FederationModule } from '@federacycle/federation-server';
import { IdentityModule } from '@federacycle/identity-server';
import { ApiErrorFilter, createValidationPipe } from '@federacycle/platform-http';
import { RedisModule } from '@federacycle/platform-queue';
import { Metrics, MetricsModule } from '@federacycle/platform-observability';
import { GeoModule } from '@federacycle/geo-server';
import { ConsoleConfigController } from './console-config/console-config.controller';
import { HealthController } from './health/health.controller';
import { FleetCourierRosterModule, FleetModule } from '@federacycle/fleet-server';
import { DispatchModule } from '@federacycle/dispatch-server';
import { MerchantsModule } from '@federacycle/merchants-server';
import { StorageModule } from '@federacycle/platform-storage';
import { GovernanceModule } from '@federacycle/governance-server';
import { OrderingModule } from '@federacycle/ordering-server';

/** The HTTP API: composes the domain modules; HTTP concerns only. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, metrics: Metrics): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        MetricsModule.forRoot(metrics),
        DatabaseModule,
        RedisModule,
        StorageModule,
        IdentityModule,
        OrderingModule,
        DispatchModule,
        FleetModule,
        FleetCourierRosterModule,
        GeoModule,
        MerchantsModule,
        GovernanceModule,
        FederationModule,
      ],
      controllers: [HealthController, ConsoleConfigController],
      providers: [
        { provide: APP_FILTER, useClass: ApiErrorFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
