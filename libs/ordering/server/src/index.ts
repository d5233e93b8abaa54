export * from './lib/ordering.module';
export * from './lib/ordering.entities';
export * from './lib/samples/ordering-sample.entity';
export * from './lib/samples/ordering-samples.service';
