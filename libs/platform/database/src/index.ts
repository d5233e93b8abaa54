export * from './lib/platform-database';
