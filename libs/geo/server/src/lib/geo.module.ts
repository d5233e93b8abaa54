import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GEO_ENTITIES } from './geo.entities';
import { ServiceAreaController } from './service-area/service-area.controller';
import { ServiceAreaService } from './service-area/service-area.service';
import { ZonesController } from './zones/zones.controller';
import { ZonesService } from './zones/zones.service';

/**
 * The geo domain: zones and the coop's service area. Other domains import `ZonesService` and
 * `ServiceAreaService` (methods taking the caller's Tx) and the pure geometry functions.
 * Needs the host app's global ConfigModule and DatabaseModule.
 */
@Module({
  imports: [TypeOrmModule.forFeature(GEO_ENTITIES)],
  controllers: [ZonesController, ServiceAreaController],
  providers: [ZonesService, ServiceAreaService],
  exports: [ZonesService, ServiceAreaService],
})
export class GeoModule {}
