export * from './lib/geo.module';
export * from './lib/geo.entities';
export * from './lib/geometry/geometry';
export * from './lib/zones/zone.entity';
export * from './lib/zones/zones.service';
export * from './lib/service-area/coop-service-area.entity';
export * from './lib/service-area/service-area.service';
export * from './lib/seed/seed-geo';
