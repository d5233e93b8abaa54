import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  Access,
  CurrentPrincipal,
  PageQueryDto,
  UuidPipe,
  coopOf,
  pageOf,
  type Caller,
} from '@federacycle/platform-http';
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

const COOP: WebhookScope = { kind: 'coop' };

/** The coop admin's webhooks: every subscription of the coop (its own and its partners'), their logs and replays. */
@ApiTags('webhooks')
@Controller('api/webhooks/subscriptions')
export class WebhooksController {
  constructor(@Inject(WebhookSubscriptionsService) private readonly subscriptions: WebhookSubscriptionsService) {}

  @Get()
  @Access({ action: 'read', subject: 'Webhook' })
  @ApiOkResponse({ type: WebhookSubscriptionPage })
  list(@CurrentPrincipal() caller: Caller, @Query() query: PageQueryDto): Promise<WebhookSubscriptionPage> {
    const { limit, offset } = pageOf(query);
    return this.subscriptions.list(coopOf(caller), COOP, limit, offset);
  }

  @Post()
  @HttpCode(201)
  @Access({ action: 'create', subject: 'Webhook' })
  @ApiCreatedResponse({ type: WebhookSubscriptionWithSecretDto, description: 'the secret is shown this once' })
  create(
    @CurrentPrincipal() caller: Caller,
    @Body() body: CreateWebhookSubscriptionDto,
  ): Promise<WebhookSubscriptionWithSecretDto> {
    return this.subscriptions.create(coopOf(caller), COOP, body);
  }

  @Get(':id')
  @Access({ action: 'read', subject: 'Webhook' })
  @ApiOkResponse({ type: WebhookSubscriptionViewDto })
  get(@CurrentPrincipal() caller: Caller, @Param('id', UuidPipe) id: string): Promise<WebhookSubscriptionViewDto> {
    return this.subscriptions.get(coopOf(caller), COOP, id);
  }

  @Patch(':id')
  @Access({ action: 'update', subject: 'Webhook' })
  @ApiOkResponse({ type: WebhookSubscriptionViewDto })
  update(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() body: UpdateWebhookSubscriptionDto,
  ): Promise<WebhookSubscriptionViewDto> {
    return this.subscriptions.update(coopOf(caller), COOP, id, body);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @Access({ action: 'update', subject: 'Webhook' })
  @ApiOkResponse({ type: WebhookSubscriptionWithSecretDto, description: 'the new secret is shown this once' })
  rotate(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() body: RotateWebhookSecretDto,
  ): Promise<WebhookSubscriptionWithSecretDto> {
    return this.subscriptions.rotate(coopOf(caller), COOP, id, body.overlapMinutes ?? 0);
  }

  @Delete(':id')
  @HttpCode(204)
  @Access({ action: 'delete', subject: 'Webhook' })
  @ApiNoContentResponse()
  remove(@CurrentPrincipal() caller: Caller, @Param('id', UuidPipe) id: string): Promise<void> {
    return this.subscriptions.remove(coopOf(caller), COOP, id);
  }

  @Get(':id/deliveries')
  @Access({ action: 'read', subject: 'Webhook' })
  @ApiOkResponse({ type: WebhookDeliveryPage })
  deliveries(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<WebhookDeliveryPage> {
    const { limit, offset } = pageOf(query);
    return this.subscriptions.deliveries(coopOf(caller), COOP, id, limit, offset);
  }

  @Post(':id/deliveries/:deliveryId/replay')
  @HttpCode(202)
  @Access({ action: 'update', subject: 'Webhook' })
  @ApiAcceptedResponse({ type: ReplayAcceptedDto })
  async replay(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Param('deliveryId', UuidPipe) deliveryId: string,
    @Body() _body: WebhookEmptyBodyDto,
  ): Promise<ReplayAcceptedDto> {
    await this.subscriptions.replay(coopOf(caller), COOP, id, deliveryId);
    return { webhookDeliveryId: deliveryId, queued: true };
  }
}
