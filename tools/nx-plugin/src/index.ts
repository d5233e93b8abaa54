export { domainGenerator } from './domain/generator';
