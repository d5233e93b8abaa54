import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { PartnerPrincipal } from '@federacycle/contracts';
import { PageQueryDto, UuidPipe, pageOf } from '@federacycle/platform-http';
import { CurrentPartner, PartnerAccess } from '../partners/auth/partner-access.decorator';
import {
  CreateWebhookSubscriptionDto,
  ReplayAcceptedDto,
  RotateWebhookSecretDto,
  UpdateWebhookSubscriptionDto,
  WebhookDeliveryPage,
  WebhookEmptyBodyDto,
  WebhookSubscriptionPage,
  WebhookSubscriptionViewDto,
  WebhookSubscriptionWithSecretDto,
} from './webhooks.dto';
import { WebhookSubscriptionsService, type WebhookScope } from './webhook-subscriptions.service';

const own = (partner: PartnerPrincipal): WebhookScope => ({ kind: 'partner', clientId: partner.clientId });

/**
 * A partner's own webhook subscriptions (scope `webhooks`): the same use cases as the coop admin's,
 * scoped to the calling client — another client's subscription answers 404, as one that does not
 * exist. Its subscriptions hear of the deliveries that are the client's (see partner-delivery-owner.ts).
 */
@ApiTags('partner API')
@Controller('api/partner/v1/webhooks')
export class PartnerWebhooksController {
  constructor(@Inject(WebhookSubscriptionsService) private readonly subscriptions: WebhookSubscriptionsService) {}

  @Get()
  @PartnerAccess('webhooks')
  @ApiOkResponse({ type: WebhookSubscriptionPage })
  list(@CurrentPartner() partner: PartnerPrincipal, @Query() query: PageQueryDto): Promise<WebhookSubscriptionPage> {
    const { limit, offset } = pageOf(query);
    return this.subscriptions.list(partner.coopId, own(partner), limit, offset);
  }

  @Post()
  @HttpCode(201)
  @PartnerAccess('webhooks')
  @ApiCreatedResponse({ type: WebhookSubscriptionWithSecretDto, description: 'the secret is shown this once' })
  create(
    @CurrentPartner() partner: PartnerPrincipal,
    @Body() body: CreateWebhookSubscriptionDto,
  ): Promise<WebhookSubscriptionWithSecretDto> {
    return this.subscriptions.create(partner.coopId, own(partner), body);
  }

  @Patch(':id')
  @PartnerAccess('webhooks')
  @ApiOkResponse({ type: WebhookSubscriptionViewDto })
  update(
    @CurrentPartner() partner: PartnerPrincipal,
    @Param('id', UuidPipe) id: string,
    @Body() body: UpdateWebhookSubscriptionDto,
  ): Promise<WebhookSubscriptionViewDto> {
    return this.subscriptions.update(partner.coopId, own(partner), id, body);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @PartnerAccess('webhooks')
  @ApiOkResponse({ type: WebhookSubscriptionWithSecretDto, description: 'the new secret is shown this once' })
  rotate(
    @CurrentPartner() partner: PartnerPrincipal,
    @Param('id', UuidPipe) id: string,
    @Body() body: RotateWebhookSecretDto,
  ): Promise<WebhookSubscriptionWithSecretDto> {
    return this.subscriptions.rotate(partner.coopId, own(partner), id, body.overlapMinutes ?? 0);
  }

  @Delete(':id')
  @HttpCode(204)
  @PartnerAccess('webhooks')
  @ApiNoContentResponse()
  remove(@CurrentPartner() partner: PartnerPrincipal, @Param('id', UuidPipe) id: string): Promise<void> {
    return this.subscriptions.remove(partner.coopId, own(partner), id);
  }

  @Get(':id/deliveries')
  @PartnerAccess('webhooks')
  @ApiOkResponse({ type: WebhookDeliveryPage })
  deliveries(
    @CurrentPartner() partner: PartnerPrincipal,
    @Param('id', UuidPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<WebhookDeliveryPage> {
    const { limit, offset } = pageOf(query);
    return this.subscriptions.deliveries(partner.coopId, own(partner), id, limit, offset);
  }

  @Post(':id/deliveries/:deliveryId/replay')
  @HttpCode(202)
  @PartnerAccess('webhooks')
  @ApiAcceptedResponse({ type: ReplayAcceptedDto })
  async replay(
    @CurrentPartner() partner: PartnerPrincipal,
    @Param('id', UuidPipe) id: string,
    @Param('deliveryId', UuidPipe) deliveryId: string,
    @Body() _body: WebhookEmptyBodyDto,
  ): Promise<ReplayAcceptedDto> {
    await this.subscriptions.replay(partner.coopId, own(partner), id, deliveryId);
    return { webhookDeliveryId: deliveryId, queued: true };
  }
}
