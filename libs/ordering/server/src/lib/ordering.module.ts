import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DispatchModule } from '@federacycle/dispatch-server';
import { FederationModule } from '@federacycle/federation-server';
import { GeoModule } from '@federacycle/geo-server';
import { AuthStrategyRegistry, IdentityModule } from '@federacycle/identity-server';
import { CoopExportRegistry } from '@federacycle/platform-database';
import { CoopcycleDeliveriesController } from './coopcycle/coopcycle-deliveries.controller';
import { CoopcycleDeliveriesService } from './coopcycle/coopcycle-deliveries.service';
import { ORDERING_ENTITIES } from './ordering.entities';
import { DELIVERY_PRICER } from './partner-deliveries/delivery-pricer.port';
import { DeliveryPartnerController } from './partner-deliveries/delivery-partner.controller';
import { PartnerDeliveriesController } from './partner-deliveries/partner-deliveries.controller';
import { PartnerDeliveriesService } from './partner-deliveries/partner-deliveries.service';
import { PartnerAuthService } from './partners/auth/partner-auth.service';
import { PartnerMeController } from './partners/auth/partner-me.controller';
import { PartnerOAuthController } from './partners/auth/partner-oauth.controller';
import { PartnerOAuthService } from './partners/auth/partner-oauth.service';
import { PartnerApiKeyStrategy, PartnerTokenStrategy } from './partners/auth/partner-strategies';
import { PartnerTokenService } from './partners/auth/partner-tokens.service';
import { PartnerClientsController } from './partners/partner-clients.controller';
import { PartnerClientsService } from './partners/partner-clients.service';
import { PricingController } from './pricing/pricing.controller';
import { PRICING_EXPORT_TABLES } from './pricing/pricing-export';
import { PricingService } from './pricing/pricing.service';

/**
 * The ordering domain (partner API, pricing, webhooks; storefront and orders later).
 * Needs the host app's global ConfigModule, DatabaseModule and RedisModule. Registers the partner
 * strategies (API key, OAuth2 partner token) in identity's AuthStrategyRegistry at start.
 */
@Module({
  imports: [TypeOrmModule.forFeature(ORDERING_ENTITIES), DispatchModule, GeoModule, IdentityModule, FederationModule],
  controllers: [
    PartnerClientsController,
    PartnerOAuthController,
    PartnerMeController,
    // pricing rule sets and the quote tester
    PricingController,
    // which partner created a delivery (the Deliveries page)
    DeliveryPartnerController,
    // the partner delivery API and CoopCycle's delivery endpoints
    PartnerDeliveriesController,
    CoopcycleDeliveriesController,
  ],
  providers: [
    PartnerClientsService,
    PartnerAuthService,
    PartnerTokenService,
    PartnerOAuthService,
    PartnerApiKeyStrategy,
    PartnerTokenStrategy,
    // pricing: rule sets, priceIn for other use cases
    PricingService,
    // the partner delivery API prices through its port, bound to pricing
    { provide: DELIVERY_PRICER, useExisting: PricingService },
    PartnerDeliveriesService,
    CoopcycleDeliveriesService,
  ],
  exports: [
    PartnerClientsService,
    PartnerAuthService,
    PartnerTokenService,
    PartnerOAuthService,
    // pricing: priceIn(tx, coopId, input) for the partner API and orders
    PricingService,
    PartnerDeliveriesService,
    CoopcycleDeliveriesService,
  ],
})
export class OrderingModule implements OnModuleInit {
  constructor(
    @Inject(AuthStrategyRegistry) private readonly registry: AuthStrategyRegistry,
    @Inject(PartnerApiKeyStrategy) private readonly apiKeys: PartnerApiKeyStrategy,
    @Inject(PartnerTokenStrategy) private readonly tokens: PartnerTokenStrategy,
    @Inject(CoopExportRegistry) private readonly exports: CoopExportRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.registerPartner(this.apiKeys);
    this.registry.registerPartner(this.tokens);
    // pricing's rule sets and rules in the coop's data export
    this.exports.register('ordering-pricing', PRICING_EXPORT_TABLES);
  }
}
