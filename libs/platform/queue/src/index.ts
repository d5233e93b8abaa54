export * from './lib/platform-queue';
