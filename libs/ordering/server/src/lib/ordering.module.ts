import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DISPATCH_EVENTS_QUEUE, Delivery } from '@federacycle/dispatch-server';
import { MailService } from '@federacycle/identity-server';
import { Merchant } from '@federacycle/merchants-server';
import { ORDERING_ENTITIES } from './ordering.entities';
import { PartnerClientsController } from './partners/partner-clients.controller';
import { PartnerClientsService } from './partners/partner-clients.service';
import { WebhookFanOut } from './webhooks/webhook-fan-out';
import { WebhookMetrics } from './webhooks/webhook-metrics';
import { WebhookSender } from './webhooks/webhook-sender';
import { WebhookSubscriptionsService } from './webhooks/webhook-subscriptions.service';
import { WEBHOOKS_QUEUE } from './webhooks/webhooks.jobs';
import { DispatchEventsProcessor, WebhooksProcessor } from './webhooks/webhooks.processor';
import { WebhooksController } from './webhooks/webhooks.controller';

/**
 * The ordering domain (partner API, pricing, webhooks; storefront and orders later).
 * Needs the host app's global ConfigModule, DatabaseModule and RedisModule.
 */
@Module({
  imports: [TypeOrmModule.forFeature(ORDERING_ENTITIES)],
  controllers: [PartnerClientsController, WebhooksController],
  providers: [PartnerClientsService, WebhookSubscriptionsService],
  exports: [PartnerClientsService, WebhookSubscriptionsService],
})
export class OrderingModule {}

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
