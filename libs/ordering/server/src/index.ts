export * from './lib/ordering.module';
export * from './lib/ordering.entities';
export * from './lib/partners/partner-client.entity';
export * from './lib/partners/partner-clients.service';
