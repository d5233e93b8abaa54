export * from './lib/error-codes';
export * from './lib/roles';
export * from './lib/identity';
export * from './lib/abilities';
export * from './lib/federation';
export * from './lib/geo';
export * from './lib/fleet';
export * from './lib/dispatch';
