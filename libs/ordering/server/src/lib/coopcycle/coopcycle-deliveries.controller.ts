import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  ParseIntPipe,
  Post,
  Res,
} from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse } from '@nestjs/swagger';
import type { PartnerPrincipal } from '@federacycle/contracts';
import { UuidPipe, idempotencyKeyOf, replyIdempotent, type ReplyHeaders } from '@federacycle/platform-http';
import { CurrentPartner } from '../partners/auth/partner-access.decorator';
import { CoopCycleAccess, CoopCycleController, COOPCYCLE_PREFIX } from './coopcycle-access.decorator';
import { constraintViolationList } from './jsonld';
import { CoopcycleDeliveriesService, asViolations } from './coopcycle-deliveries.service';

type Json = Record<string, unknown>;

/** As the native API: a sandbox coop's partners make test deliveries, the service decides the standing. */
const SANDBOX_TESTS = { sandboxTestDeliveries: true } as const;

/** Runs a CoopCycle call: our validation refusals become 400 ConstraintViolationList, JSON-LD. */
async function answer<T>(response: ReplyHeaders, work: () => Promise<T>): Promise<T | Json> {
  try {
    return await work();
  } catch (error) {
    const violations = asViolations(error);
    if (!violations) throw error;
    response.status(400);
    return constraintViolationList(violations);
  }
}

/** CoopCycle's delivery and time slot endpoints under `/coopcycle/<slug>` (see COOPCYCLE mapping in ARCHITECTURE.md). */
@CoopCycleController()
@Controller(`${COOPCYCLE_PREFIX}/api`)
export class CoopcycleDeliveriesController {
  constructor(@Inject(CoopcycleDeliveriesService) private readonly coopcycle: CoopcycleDeliveriesService) {}

  @Get('time_slots/:id')
  @CoopCycleAccess('deliveries:read', SANDBOX_TESTS)
  @ApiOkResponse({ description: 'the TimeSlot (JSON-LD)' })
  timeSlot(
    @CurrentPartner() partner: PartnerPrincipal,
    @Param('id', UuidPipe) id: string,
    @Res({ passthrough: true }) response: ReplyHeaders,
  ): Promise<Json> {
    return answer(response, () => this.coopcycle.timeSlot(partner, id));
  }

  @Get('time_slots/:id/choices')
  @CoopCycleAccess('deliveries:read', SANDBOX_TESTS)
  @ApiOkResponse({ description: '{"choices":[{"value":"start/end","label":…}]}: future windows with a place left' })
  choices(
    @CurrentPartner() partner: PartnerPrincipal,
    @Param('id', UuidPipe) id: string,
    @Res({ passthrough: true }) response: ReplyHeaders,
  ): Promise<Json> {
    return answer(response, () => this.coopcycle.choices(partner, id));
  }

  @Post('deliveries')
  @HttpCode(201)
  @CoopCycleAccess('deliveries', SANDBOX_TESTS)
  @ApiCreatedResponse({ description: 'the Delivery (JSON-LD) with integer ids' })
  @ApiBadRequestResponse({ description: 'ConstraintViolationList' })
  create(
    @CurrentPartner() partner: PartnerPrincipal,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) response: ReplyHeaders,
  ): Promise<Json> {
    return answer(response, async () => {
      const result = await this.coopcycle.create(partner, body, idempotencyKeyOf(key));
      replyIdempotent(response, result);
      return result.body;
    });
  }

  @Get('deliveries/:id')
  @CoopCycleAccess('deliveries:read', SANDBOX_TESTS)
  @ApiOkResponse({ description: 'the Delivery (JSON-LD)' })
  get(
    @CurrentPartner() partner: PartnerPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Res({ passthrough: true }) response: ReplyHeaders,
  ): Promise<Json> {
    return answer(response, () => this.coopcycle.get(partner, id));
  }

  @Delete('deliveries/:id')
  @HttpCode(204)
  @CoopCycleAccess('deliveries', SANDBOX_TESTS)
  @ApiNoContentResponse({ description: 'cancelled; 400 once under way' })
  async cancel(
    @CurrentPartner() partner: PartnerPrincipal,
    @Param('id', ParseIntPipe) id: number,
    @Res({ passthrough: true }) response: ReplyHeaders,
  ): Promise<Json | undefined> {
    const result = await answer(response, async () => {
      await this.coopcycle.cancel(partner, id);
      return undefined;
    });
    return result;
  }
}
