export * from './lib/test-database';
export * from './lib/queue-helpers';
export * from './lib/schema-agreement';
