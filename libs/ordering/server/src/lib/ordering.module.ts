import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DispatchModule } from '@federacycle/dispatch-server';
import { FederationModule } from '@federacycle/federation-server';
import { GeoModule } from '@federacycle/geo-server';
import { CoopcycleDeliveriesService } from './coopcycle/coopcycle-deliveries.service';
import { ORDERING_ENTITIES } from './ordering.entities';
import { DeliveryPartnerController } from './partner-deliveries/delivery-partner.controller';
import { PartnerDeliveriesService } from './partner-deliveries/partner-deliveries.service';
import { PartnerClientsController } from './partners/partner-clients.controller';
import { PartnerClientsService } from './partners/partner-clients.service';

/**
 * The ordering domain (partner API, pricing, webhooks; storefront and orders later).
 * Needs the host app's global ConfigModule, DatabaseModule and RedisModule.
 */
@Module({
  imports: [TypeOrmModule.forFeature(ORDERING_ENTITIES), DispatchModule, GeoModule, FederationModule],
  controllers: [PartnerClientsController, DeliveryPartnerController],
  providers: [PartnerClientsService, PartnerDeliveriesService, CoopcycleDeliveriesService],
  exports: [PartnerClientsService, PartnerDeliveriesService, CoopcycleDeliveriesService],
})
export class OrderingModule {}
