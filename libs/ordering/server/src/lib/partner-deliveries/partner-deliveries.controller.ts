import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type {
  PartnerCheckView,
  PartnerDeliveryPage,
  PartnerDeliveryView,
  PartnerPrincipal,
  PartnerQuoteView,
} from '@federacycle/contracts';
import {
  DEFAULT_PAGE_SIZE,
  UuidPipe,
  idempotencyKeyOf,
  replyIdempotent,
  type ReplyHeaders,
} from '@federacycle/platform-http';
import { EmptyBodyDto } from '@federacycle/dispatch-server';
import { CurrentPartner, PartnerAccess } from '../partners/auth/partner-access.decorator';
import {
  PartnerCheckViewDto,
  PartnerDeliveriesQueryDto,
  PartnerDeliveryDto,
  PartnerDeliveryPageDto,
  PartnerDeliveryViewDto,
  PartnerQuoteViewDto,
} from './partner-deliveries.dto';
import { PartnerDeliveriesService } from './partner-deliveries.service';

/** A sandbox coop's partners make test deliveries (capped a day): the service decides the standing. */
const SANDBOX_TESTS = { sandboxTestDeliveries: true } as const;

const KEY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'same key + same body → the same answer (24 h)',
};

/** The native partner delivery API: a partner's own deliveries only (another's answers 404). */
@ApiTags('partner API')
@Controller('api/partner/v1')
export class PartnerDeliveriesController {
  constructor(@Inject(PartnerDeliveriesService) private readonly deliveries: PartnerDeliveriesService) {}

  @Post('deliveries')
  @HttpCode(201)
  @PartnerAccess('deliveries', SANDBOX_TESTS)
  @ApiHeader(KEY_HEADER)
  @ApiCreatedResponse({ type: PartnerDeliveryViewDto })
  async create(
    @CurrentPartner() partner: PartnerPrincipal,
    @Body() body: PartnerDeliveryDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) response: ReplyHeaders,
  ): Promise<PartnerDeliveryView> {
    const result = await this.deliveries.create(partner, body, idempotencyKeyOf(key));
    replyIdempotent(response, result);
    return result.body;
  }

  @Post('deliveries/check')
  @HttpCode(200)
  @PartnerAccess('deliveries', SANDBOX_TESTS)
  @ApiOkResponse({ type: PartnerCheckViewDto })
  check(@CurrentPartner() partner: PartnerPrincipal, @Body() body: PartnerDeliveryDto): Promise<PartnerCheckView> {
    return this.deliveries.check(partner, body);
  }

  @Get('deliveries')
  @PartnerAccess('deliveries:read', SANDBOX_TESTS)
  @ApiOkResponse({ type: PartnerDeliveryPageDto })
  list(
    @CurrentPartner() partner: PartnerPrincipal,
    @Query() query: PartnerDeliveriesQueryDto,
  ): Promise<PartnerDeliveryPage> {
    return this.deliveries.list(partner, { ...query, limit: query.limit ?? DEFAULT_PAGE_SIZE });
  }

  @Get('deliveries/:id')
  @PartnerAccess('deliveries:read', SANDBOX_TESTS)
  @ApiOkResponse({ type: PartnerDeliveryViewDto })
  get(@CurrentPartner() partner: PartnerPrincipal, @Param('id', UuidPipe) id: string): Promise<PartnerDeliveryView> {
    return this.deliveries.get(partner, id);
  }

  @Post('deliveries/:id/cancel')
  @HttpCode(200)
  @PartnerAccess('deliveries', SANDBOX_TESTS)
  @ApiOkResponse({ type: PartnerDeliveryViewDto, description: '409 DELIVERY_UNDER_WAY once a courier picked it up' })
  cancel(
    @CurrentPartner() partner: PartnerPrincipal,
    @Param('id', UuidPipe) id: string,
    @Body() _body: EmptyBodyDto,
  ): Promise<PartnerDeliveryView> {
    return this.deliveries.cancel(partner, id);
  }

  @Post('quotes')
  @HttpCode(201)
  @PartnerAccess('deliveries', SANDBOX_TESTS)
  @ApiCreatedResponse({ type: PartnerQuoteViewDto })
  quote(@CurrentPartner() partner: PartnerPrincipal, @Body() body: PartnerDeliveryDto): Promise<PartnerQuoteView> {
    return this.deliveries.quote(partner, body);
  }

  @Post('quotes/:id/confirm')
  @HttpCode(201)
  @PartnerAccess('deliveries', SANDBOX_TESTS)
  @ApiHeader(KEY_HEADER)
  @ApiCreatedResponse({ type: PartnerDeliveryViewDto, description: '422 QUOTE_EXPIRED, 409 QUOTE_USED' })
  async confirm(
    @CurrentPartner() partner: PartnerPrincipal,
    @Param('id', UuidPipe) id: string,
    @Body() _body: EmptyBodyDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) response: ReplyHeaders,
  ): Promise<PartnerDeliveryView> {
    const result = await this.deliveries.confirm(partner, id, idempotencyKeyOf(key));
    replyIdempotent(response, result);
    return result.body;
  }
}
