export * from './lib/merchants.module';
export * from './lib/merchants.entities';
export * from './lib/merchants/merchant.entity';
export * from './lib/merchants/merchants.service';
export * from './lib/merchants/geocoder.port';
export * from './lib/catalog/catalog.entities';
export * from './lib/catalog/catalog.service';
export { MENU_READ_SQL } from './lib/catalog/menu-read.sql';
