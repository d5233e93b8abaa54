export * from './lib/queue-names';
export * from './lib/outbox';
export * from './lib/outbox-relay';
export * from './lib/tenant-processor';
export * from './lib/connection';
export * from './lib/audit-recorder';
export * from './lib/redis.module';
