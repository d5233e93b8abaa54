export * from './lib/ordering.module';
export * from './lib/ordering.entities';
export * from './lib/samples/ordering-sample.entity';
export * from './lib/samples/ordering-samples.service';
export * from './lib/pricing/pricing-rule-set.entity';
export * from './lib/pricing/pricing-rule.entity';
export * from './lib/pricing/pricing.service';
export * from './lib/pricing/seed-pricing';
