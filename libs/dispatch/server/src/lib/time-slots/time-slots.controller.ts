import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TimeSlotChoicesView, TimeSlotView } from '@federacycle/contracts';
import { Access, CurrentPrincipal, UuidPipe, coopOf, type Caller } from '@federacycle/platform-http';
import {
  TimeSlotChoicesDto,
  TimeSlotChoicesQueryDto,
  TimeSlotDto,
  TimeSlotListDto,
  TimeSlotViewDto,
} from './time-slots.dto';
import { TimeSlotsService } from './time-slots.service';

/** The coop's time slots: the coop admin defines them (Settings), dispatchers read them and their windows. */
@ApiTags('dispatch')
@Controller('api/dispatch/time-slots')
export class TimeSlotsController {
  constructor(@Inject(TimeSlotsService) private readonly slots: TimeSlotsService) {}

  @Get()
  @Access({ action: 'read', subject: 'Delivery' })
  @ApiOkResponse({ type: TimeSlotListDto })
  async list(@CurrentPrincipal() caller: Caller): Promise<{ items: TimeSlotView[] }> {
    return { items: await this.slots.list(coopOf(caller)) };
  }

  @Post()
  @HttpCode(201)
  @Access({ action: 'create', subject: 'Settings' })
  @ApiCreatedResponse({ type: TimeSlotViewDto })
  create(@CurrentPrincipal() caller: Caller, @Body() body: TimeSlotDto): Promise<TimeSlotView> {
    return this.slots.create(coopOf(caller), body);
  }

  @Get(':id')
  @Access({ action: 'read', subject: 'Delivery' })
  @ApiOkResponse({ type: TimeSlotViewDto })
  get(@CurrentPrincipal() caller: Caller, @Param('id', UuidPipe) id: string): Promise<TimeSlotView> {
    return this.slots.get(coopOf(caller), id);
  }

  @Put(':id')
  @Access({ action: 'update', subject: 'Settings' })
  @ApiOkResponse({ type: TimeSlotViewDto })
  update(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() body: TimeSlotDto,
  ): Promise<TimeSlotView> {
    return this.slots.update(coopOf(caller), id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Access({ action: 'delete', subject: 'Settings' })
  @ApiNoContentResponse({ description: 'deleted (409 TIME_SLOT_IN_USE once deliveries were booked in it)' })
  remove(@CurrentPrincipal() caller: Caller, @Param('id', UuidPipe) id: string): Promise<void> {
    return this.slots.remove(coopOf(caller), id);
  }

  /** The windows a delivery booked now can take, in the coop's time zone's hours. */
  @Get(':id/choices')
  @Access({ action: 'read', subject: 'Delivery' })
  @ApiOkResponse({ type: TimeSlotChoicesDto })
  choices(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Query() query: TimeSlotChoicesQueryDto,
  ): Promise<TimeSlotChoicesView> {
    return this.slots.choices(coopOf(caller), id, query.includeFull ?? false);
  }
}
