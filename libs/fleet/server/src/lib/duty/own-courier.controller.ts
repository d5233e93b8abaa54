import { Body, Controller, Get, HttpCode, Inject, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CourierView, DutyPeriodView, LocationBatchResult, Page, ShiftView } from '@federacycle/contracts';
import { Access, CurrentPrincipal, PageQueryDto, coopOf, pageOf, type Caller } from '@federacycle/platform-http';
import {
  CourierViewDto,
  DutyPeriodPageDto,
  EmptyBodyDto,
  LocationDto,
  OwnCourierPatchDto,
} from '../couriers/couriers.dto';
import { CouriersService } from '../couriers/couriers.service';
import { OwnShiftsQueryDto, ShiftListDto } from '../shifts/shifts.dto';
import { ShiftsService } from '../shifts/shifts.service';
import { DutyService } from './duty.service';
import { LocationBatchDto, LocationBatchResultDto } from './location-batch.dto';

const READ_OWN = { action: 'read', subject: 'OwnCourier' } as const;
const UPDATE_OWN = { action: 'update', subject: 'OwnCourier' } as const;

/**
 * A courier's own profile, availability, shifts, duty and location: always the caller's (the
 * token's user in the token's coop), never another courier's — there is no id to name.
 */
@ApiTags('fleet (courier)')
@Controller('api/fleet/me')
export class OwnCourierController {
  constructor(
    @Inject(CouriersService) private readonly couriers: CouriersService,
    @Inject(ShiftsService) private readonly shifts: ShiftsService,
    @Inject(DutyService) private readonly duty: DutyService,
  ) {}

  @Get()
  @Access(READ_OWN)
  @ApiOkResponse({ type: CourierViewDto })
  get(@CurrentPrincipal() caller: Caller): Promise<CourierView> {
    return this.couriers.own(coopOf(caller), caller.userId);
  }

  @Patch()
  @Access(UPDATE_OWN)
  @ApiOkResponse({ type: CourierViewDto })
  update(@CurrentPrincipal() caller: Caller, @Body() body: OwnCourierPatchDto): Promise<CourierView> {
    return this.couriers.updateOwn(coopOf(caller), caller.userId, body);
  }

  @Get('shifts')
  @Access(READ_OWN)
  @ApiOkResponse({ type: ShiftListDto })
  async ownShifts(
    @CurrentPrincipal() caller: Caller,
    @Query() query: OwnShiftsQueryDto,
  ): Promise<{ items: ShiftView[] }> {
    return { items: await this.shifts.list(coopOf(caller), query.from, query.to, { userId: caller.userId }) };
  }

  @Get('duty-periods')
  @Access(READ_OWN)
  @ApiOkResponse({ type: DutyPeriodPageDto })
  dutyPeriods(@CurrentPrincipal() caller: Caller, @Query() query: PageQueryDto): Promise<Page<DutyPeriodView>> {
    const { limit, offset } = pageOf(query);
    return this.duty.history(coopOf(caller), { userId: caller.userId }, limit, offset);
  }

  @Post('on-duty')
  @HttpCode(200)
  @Access(UPDATE_OWN)
  @ApiOkResponse({ type: CourierViewDto })
  onDuty(@CurrentPrincipal() caller: Caller, @Body() _body: EmptyBodyDto): Promise<CourierView> {
    return this.duty.goOnDuty(coopOf(caller), caller.userId);
  }

  @Post('off-duty')
  @HttpCode(200)
  @Access(UPDATE_OWN)
  @ApiOkResponse({ type: CourierViewDto })
  offDuty(@CurrentPrincipal() caller: Caller, @Body() _body: EmptyBodyDto): Promise<CourierView> {
    return this.duty.goOffDuty(coopOf(caller), caller.userId);
  }

  @Put('location')
  @HttpCode(204)
  @Access(UPDATE_OWN)
  @ApiNoContentResponse()
  location(@CurrentPrincipal() caller: Caller, @Body() body: LocationDto): Promise<void> {
    return this.duty.recordLocation(coopOf(caller), caller.userId, body);
  }

  /** Fixes the device batched (up to 100): all checked; the newest is kept if newer than the stored one. */
  @Post('locations')
  @HttpCode(200)
  @Access(UPDATE_OWN)
  @ApiOkResponse({ type: LocationBatchResultDto })
  locations(@CurrentPrincipal() caller: Caller, @Body() body: LocationBatchDto): Promise<LocationBatchResult> {
    return this.duty.recordLocations(coopOf(caller), caller.userId, body.fixes);
  }
}
