import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ServiceAreaResponse, ServiceAreaView } from '@federacycle/contracts';
import { Access, CurrentPrincipal, coopOf, type Caller } from '@federacycle/platform-http';
import { ServiceAreaResponseDto, ServiceAreaViewDto, SetServiceAreaDto } from './service-area.dto';
import { ServiceAreaService } from './service-area.service';

/** The area the coop serves (centre + radius): read with the zones, set by the coop admin. */
@ApiTags('geo')
@Controller('api/geo/service-area')
export class ServiceAreaController {
  constructor(@Inject(ServiceAreaService) private readonly areas: ServiceAreaService) {}

  @Get()
  @Access({ action: 'read', subject: 'Zone' })
  @ApiOkResponse({ type: ServiceAreaResponseDto })
  get(@CurrentPrincipal() principal: Caller): Promise<ServiceAreaResponse> {
    return this.areas.get(coopOf(principal));
  }

  @Put()
  @Access({ action: 'update', subject: 'Zone' })
  @ApiOkResponse({ type: ServiceAreaViewDto })
  set(@CurrentPrincipal() principal: Caller, @Body() body: SetServiceAreaDto): Promise<ServiceAreaView> {
    return this.areas.set(coopOf(principal), body);
  }
}
