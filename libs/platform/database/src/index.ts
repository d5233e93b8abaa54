export * from './lib/tenant-context';
export * from './lib/database';
export * from './lib/data-source';
export * from './lib/migrator';
export * from './lib/provisioning';
export * from './lib/database.module';
export * from './lib/entities';
export * from './lib/coop-export-registry';
