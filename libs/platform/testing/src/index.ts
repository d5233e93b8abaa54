export * from './lib/platform-testing';
