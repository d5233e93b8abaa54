import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Metrics } from './metrics';

/** The process's one Metrics registry, visible to every module (domains' processors count jobs in it). */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(metrics: Metrics): DynamicModule {
    return { module: MetricsModule, providers: [{ provide: Metrics, useValue: metrics }], exports: [Metrics] };
  }
}
