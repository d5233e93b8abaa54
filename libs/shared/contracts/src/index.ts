export * from './lib/error-codes';
export * from './lib/roles';
export * from './lib/identity';
export * from './lib/abilities';
export * from './lib/federation';
export * from './lib/settings-catalogue';
export * from './lib/governance';
