export * from './lib/ordering.module';
export * from './lib/ordering.entities';
export * from './lib/partners/partner-client.entity';
export * from './lib/partners/partner-clients.service';
export * from './lib/partner-deliveries/partner-delivery.entity';
export * from './lib/partner-deliveries/partner-deliveries.service';
export * from './lib/partner-deliveries/delivery-pricer.port';
