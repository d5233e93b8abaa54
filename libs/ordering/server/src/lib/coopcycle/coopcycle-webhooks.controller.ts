import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { DeliveryEventName, PartnerPrincipal, WebhookSubscriptionView } from '@federacycle/contracts';
import { isUuid } from '@federacycle/platform-http';
import { CurrentPartner } from '../partners/auth/partner-access.decorator';
import { coopCycleEventName, nativeOfCoopCycleEvent } from '../webhooks/webhook-bodies';
import { WebhookSubscriptionsService, type WebhookScope } from '../webhooks/webhook-subscriptions.service';
import { COOPCYCLE_PREFIX, CoopCycleAccess, CoopCycleController } from './coopcycle-access.decorator';
import { constraintViolationList, hydraCollection, hydraError, resource, type ConstraintViolation } from './jsonld';

interface StatusResponse {
  status(code: number): unknown;
}

/** CoopCycle subscribes one event per webhook: its list shows each subscription under its one event. */
function webhookResource(subscription: WebhookSubscriptionView, secret?: string): Record<string, unknown> {
  const native = subscription.events[0];
  return resource('Webhook', subscription.id, {
    url: subscription.url,
    event: native ? (coopCycleEventName(native) ?? native) : null,
    ...(secret === undefined ? {} : { secret }),
  });
}

/** `{"url": "...", "event": "delivery.completed"}`, or the violations CoopCycle's API would list. */
function parseSubscription(body: unknown): { url: string; event: DeliveryEventName } | ConstraintViolation[] {
  const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const violations: ConstraintViolation[] = [];
  const url = input['url'];
  const event = input['event'];
  if (typeof url !== 'string' || url.trim() === '') {
    violations.push({ propertyPath: 'url', message: 'This value should not be blank.' });
  }
  if (typeof event !== 'string' || nativeOfCoopCycleEvent(event) === null) {
    violations.push({ propertyPath: 'event', message: 'The value you selected is not a valid choice.' });
  }
  const native = typeof event === 'string' ? nativeOfCoopCycleEvent(event) : null;
  return violations.length > 0 || native === null ? violations : { url: url as string, event: native };
}

/**
 * CoopCycle's webhook subscriptions, per coop (`/coopcycle/<slug>/api/webhooks`): the partner's own
 * subscriptions in the `coopcycle` flavour (CoopCycle's body and `X-CoopCycle-Signature`), on the
 * same use cases, SSRF guard and isolation as the native `/api/partner/v1/webhooks`.
 */
@CoopCycleController()
@Controller(`${COOPCYCLE_PREFIX}/api/webhooks`)
export class CoopCycleWebhooksController {
  constructor(@Inject(WebhookSubscriptionsService) private readonly subscriptions: WebhookSubscriptionsService) {}

  private static own(partner: PartnerPrincipal): WebhookScope {
    return { kind: 'partner', clientId: partner.clientId };
  }

  @Get()
  @CoopCycleAccess('webhooks')
  @ApiOkResponse({ description: 'hydra:Collection of the client’s webhooks' })
  async list(@CurrentPartner() partner: PartnerPrincipal): Promise<object> {
    // a coop has at most 50 subscriptions: one page holds a client's
    const page = await this.subscriptions.list(partner.coopId, CoopCycleWebhooksController.own(partner), 100, 0);
    return hydraCollection(
      '/api/webhooks',
      page.items.map((s) => webhookResource(s)),
      page.total,
    );
  }

  @Post()
  @HttpCode(201)
  @CoopCycleAccess('webhooks')
  @ApiOperation({
    summary: 'Subscribe a URL to one event, as CoopCycle integrations do',
    description:
      '{"url":"https://…","event":"delivery.completed"} → 201 with the `secret` (shown once). Calls carry CoopCycle’s body and X-CoopCycle-Signature: base64(HMAC-SHA256(raw body, secret)).',
  })
  async create(
    @CurrentPartner() partner: PartnerPrincipal,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: StatusResponse,
  ): Promise<object> {
    const parsed = parseSubscription(body);
    if (Array.isArray(parsed)) {
      res.status(400);
      return constraintViolationList(parsed);
    }
    const created = await this.subscriptions.create(
      partner.coopId,
      CoopCycleWebhooksController.own(partner),
      { url: parsed.url, events: [parsed.event] },
      'coopcycle',
    );
    return webhookResource(created, created.secret);
  }

  @Delete(':id')
  @HttpCode(204)
  @CoopCycleAccess('webhooks')
  async remove(
    @CurrentPartner() partner: PartnerPrincipal,
    @Param('id') id: string,
    @Res({ passthrough: true }) res: StatusResponse,
  ): Promise<object | undefined> {
    if (!isUuid(id)) {
      res.status(404);
      return hydraError('Not Found');
    }
    await this.subscriptions.remove(partner.coopId, CoopCycleWebhooksController.own(partner), id);
    return undefined;
  }
}
