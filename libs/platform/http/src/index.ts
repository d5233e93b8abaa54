export * from './lib/api-exception';
export * from './lib/access.decorator';
export * from './lib/validation';
export * from './lib/uuid.pipe';
export * from './lib/error.filter';
export * from './lib/precondition-adapter';
export * from './lib/current-principal.decorator';
export * from './lib/paging';
