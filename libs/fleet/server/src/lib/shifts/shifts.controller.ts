import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ShiftView } from '@federacycle/contracts';
import { Access, CurrentPrincipal, UuidPipe, coopOf, type Caller } from '@federacycle/platform-http';
import { CreateShiftDto, ShiftListDto, ShiftViewDto, ShiftsQueryDto, UpdateShiftDto } from './shifts.dto';
import { ShiftsService } from './shifts.service';

/** Planned shifts: read by dispatchers (week and day views), managed by coop admins. */
@ApiTags('fleet')
@Controller('api/fleet/shifts')
export class ShiftsController {
  constructor(@Inject(ShiftsService) private readonly shifts: ShiftsService) {}

  @Get()
  @Access({ action: 'read', subject: 'Courier' })
  @ApiOkResponse({ type: ShiftListDto })
  async list(@CurrentPrincipal() caller: Caller, @Query() query: ShiftsQueryDto): Promise<{ items: ShiftView[] }> {
    return { items: await this.shifts.list(coopOf(caller), query.from, query.to, { courierId: query.courierId }) };
  }

  @Post()
  @Access({ action: 'create', subject: 'Courier' })
  @ApiCreatedResponse({ type: ShiftViewDto })
  create(@CurrentPrincipal() caller: Caller, @Body() body: CreateShiftDto): Promise<ShiftView> {
    return this.shifts.create(coopOf(caller), body);
  }

  @Patch(':id')
  @Access({ action: 'update', subject: 'Courier' })
  @ApiOkResponse({ type: ShiftViewDto })
  update(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() body: UpdateShiftDto,
  ): Promise<ShiftView> {
    return this.shifts.update(coopOf(caller), id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Access({ action: 'delete', subject: 'Courier' })
  @ApiNoContentResponse()
  remove(@CurrentPrincipal() caller: Caller, @Param('id', UuidPipe) id: string): Promise<void> {
    return this.shifts.remove(coopOf(caller), id);
  }
}
