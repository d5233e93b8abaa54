import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DispatchModule } from '@federacycle/dispatch-server';
import { FederationModule } from '@federacycle/federation-server';
import { GeoModule } from '@federacycle/geo-server';
import { CoopExportRegistry } from '@federacycle/platform-database';
import { CoopcycleDeliveriesService } from './coopcycle/coopcycle-deliveries.service';
import { ORDERING_ENTITIES } from './ordering.entities';
import { DELIVERY_PRICER } from './partner-deliveries/delivery-pricer.port';
import { DeliveryPartnerController } from './partner-deliveries/delivery-partner.controller';
import { PartnerDeliveriesService } from './partner-deliveries/partner-deliveries.service';
import { PartnerClientsController } from './partners/partner-clients.controller';
import { PartnerClientsService } from './partners/partner-clients.service';
import { PricingController } from './pricing/pricing.controller';
import { PRICING_EXPORT_TABLES } from './pricing/pricing-export';
import { PricingService } from './pricing/pricing.service';

/**
 * The ordering domain (partner API, pricing, webhooks; storefront and orders later).
 * Needs the host app's global ConfigModule, DatabaseModule and RedisModule.
 */
@Module({
  imports: [TypeOrmModule.forFeature(ORDERING_ENTITIES), DispatchModule, GeoModule, FederationModule],
  controllers: [
    PartnerClientsController,
    // pricing rule sets and the quote tester
    PricingController,
    // which partner created a delivery (the Deliveries page)
    DeliveryPartnerController,
  ],
  providers: [
    PartnerClientsService,
    // pricing: rule sets, priceIn for other use cases
    PricingService,
    // the partner delivery API prices through its port, bound to pricing
    { provide: DELIVERY_PRICER, useExisting: PricingService },
    PartnerDeliveriesService,
    CoopcycleDeliveriesService,
  ],
  exports: [
    PartnerClientsService,
    // pricing: priceIn(tx, coopId, input) for the partner API and orders
    PricingService,
    PartnerDeliveriesService,
    CoopcycleDeliveriesService,
  ],
})
export class OrderingModule implements OnModuleInit {
  constructor(@Inject(CoopExportRegistry) private readonly exports: CoopExportRegistry) {}

  onModuleInit(): void {
    // pricing's rule sets and rules in the coop's data export
    this.exports.register('ordering-pricing', PRICING_EXPORT_TABLES);
  }
}
