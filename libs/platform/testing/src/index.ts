export * from './lib/test-database';
export * from './lib/queue-helpers';
