import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';
import { dataSourceOptions } from './data-source';
import { CoopExportRegistry } from './coop-export-registry';
import { Database } from './database';

/**
 * The process's data source (`@nestjs/typeorm`) and the unit of work over it. Domain modules
 * register their entities with `TypeOrmModule.forFeature(...)` (autoLoadEntities) and reach the
 * database only through `Database` (units of work handing out a transaction-bound EntityManager),
 * never through injected default-manager repositories: those would run outside the coop's
 * transaction.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions({
          url: config.databaseUrl,
          max: config.databasePoolSize,
          connectTimeoutMs: config.databaseConnectTimeoutMs,
        }),
        autoLoadEntities: true,
        // boot fails at once with the driver's error (main prints one line), no retry loop
        retryAttempts: 0,
        toRetry: () => false,
      }),
    }),
  ],
  providers: [
    CoopExportRegistry,
    {
      provide: Database,
      inject: [getDataSourceToken()],
      useFactory: (dataSource: DataSource) => new Database(dataSource),
    },
  ],
  exports: [Database, CoopExportRegistry],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(Database) private readonly db: Database) {}

  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}
