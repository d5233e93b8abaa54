export * from './lib/ordering.module';
export * from './lib/ordering.entities';
export * from './lib/partners/partner-client.entity';
export * from './lib/partners/partner-clients.service';
export * from './lib/pricing/pricing-rule-set.entity';
export * from './lib/pricing/pricing-rule.entity';
export * from './lib/pricing/pricing.service';
export * from './lib/pricing/seed-pricing';
