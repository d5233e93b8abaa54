export * from './lib/realtime-event';
export * from './lib/realtime.service';
export * from './lib/sse-stream';
export * from './lib/realtime.module';
