export * from './lib/tracking/tracking.jobs';
export * from './lib/tracking/tracking.service';
export * from './lib/tracking/tracking-view';
export * from './lib/tracking/recipient-mail.processor';
