export * from './lib/logger';
export * from './lib/metrics';
export * from './lib/platform-gauges';
export * from './lib/health';
export * from './lib/metrics.module';
