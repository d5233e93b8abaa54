import { BullModule } from '@nestjs/bullmq';
import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DISPATCH_EVENTS_QUEUE, Delivery, DispatchModule } from '@federacycle/dispatch-server';
import { FederationModule } from '@federacycle/federation-server';
import { GeoModule } from '@federacycle/geo-server';
import { AuthStrategyRegistry, IdentityModule, MailService } from '@federacycle/identity-server';
import { Merchant } from '@federacycle/merchants-server';
import { CoopExportRegistry } from '@federacycle/platform-database';
import { CoopcycleDeliveriesController } from './coopcycle/coopcycle-deliveries.controller';
import { CoopcycleDeliveriesService } from './coopcycle/coopcycle-deliveries.service';
import { ORDERING_ENTITIES } from './ordering.entities';
import { CoopCycleAuthController } from './coopcycle/coopcycle-auth.controller';
import { CoopCycleWebhooksController } from './coopcycle/coopcycle-webhooks.controller';
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
import { PartnerCredentialsController } from './partners/credentials/partner-credentials.controller';
import { PartnerCredentialsService } from './partners/credentials/partner-credentials.service';
import { PartnerClientsController } from './partners/partner-clients.controller';
import { PartnerClientsService } from './partners/partner-clients.service';
import { PricingController } from './pricing/pricing.controller';
import { PRICING_EXPORT_TABLES } from './pricing/pricing-export';
import { PricingService } from './pricing/pricing.service';
import { WebhookFanOut } from './webhooks/webhook-fan-out';
import { WebhookMetrics } from './webhooks/webhook-metrics';
import { WebhookSender } from './webhooks/webhook-sender';
import { WebhookSubscriptionsService } from './webhooks/webhook-subscriptions.service';
import { WEBHOOKS_QUEUE } from './webhooks/webhooks.jobs';
import { DispatchEventsProcessor, WebhooksProcessor } from './webhooks/webhooks.processor';
import { WebhooksController } from './webhooks/webhooks.controller';
import { PartnerWebhooksController } from './webhooks/partner-webhooks.controller';

/**
 * The ordering domain (partner API, pricing, webhooks; storefront and orders later).
 * Needs the host app's global ConfigModule, DatabaseModule and RedisModule. Registers the partner
 * strategies (API key, OAuth2 partner token) in identity's AuthStrategyRegistry at start.
 */
@Module({
  imports: [TypeOrmModule.forFeature(ORDERING_ENTITIES), DispatchModule, GeoModule, IdentityModule, FederationModule],
  controllers: [
    PartnerClientsController,
    PartnerCredentialsController,
    PartnerOAuthController,
    PartnerMeController,
    CoopCycleAuthController,
    CoopCycleWebhooksController,
    // pricing rule sets and the quote tester
    PricingController,
    // webhooks: the coop admin's subscriptions, logs and replays; a partner's own
    WebhooksController,
    PartnerWebhooksController,
    // which partner created a delivery (the Deliveries page)
    DeliveryPartnerController,
    // the partner delivery API and CoopCycle's delivery endpoints
    PartnerDeliveriesController,
    CoopcycleDeliveriesController,
  ],
  providers: [
    PartnerClientsService,
    PartnerCredentialsService,
    PartnerAuthService,
    PartnerTokenService,
    PartnerOAuthService,
    PartnerApiKeyStrategy,
    PartnerTokenStrategy,
    // pricing: rule sets, priceIn for other use cases
    PricingService,
    WebhookSubscriptionsService,
    // the partner delivery API prices through its port, bound to pricing
    { provide: DELIVERY_PRICER, useExisting: PricingService },
    PartnerDeliveriesService,
    CoopcycleDeliveriesService,
  ],
  exports: [
    PartnerClientsService,
    PartnerCredentialsService,
    PartnerAuthService,
    PartnerTokenService,
    PartnerOAuthService,
    // pricing: priceIn(tx, coopId, input) for the partner API and orders
    PricingService,
    WebhookSubscriptionsService,
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

/** Every queue ordering's worker module registers (dispatch's events: ordering is their consumer). */
export const ORDERING_QUEUES: readonly string[] = [DISPATCH_EVENTS_QUEUE, WEBHOOKS_QUEUE];

/**
 * What the worker needs of ordering: dispatch's events (delivery events → webhook fan-out) and
 * the webhooks queue (calls, replays, the failing subscription's mail).
 */
@Module({
  imports: [
    BullModule.registerQueue({ name: DISPATCH_EVENTS_QUEUE }, { name: WEBHOOKS_QUEUE }),
    // the entities ordering's relate to (the worker's DispatchWorkerModule registers the rest of dispatch's)
    TypeOrmModule.forFeature([Merchant, Delivery, ...ORDERING_ENTITIES]),
  ],
  providers: [WebhookMetrics, WebhookSender, WebhookFanOut, MailService, DispatchEventsProcessor, WebhooksProcessor],
  exports: [WebhookSender, WebhookFanOut],
})
export class OrderingWorkerModule {}
