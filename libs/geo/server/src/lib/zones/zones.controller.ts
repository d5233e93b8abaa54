import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Page, ZoneFeatureCollection, ZoneImportResult, ZoneView } from '@federacycle/contracts';
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
  CreateZoneDto,
  UpdateZoneDto,
  ZoneFeatureCollectionDto,
  ZoneImportResultDto,
  ZonePageDto,
  ZoneViewDto,
} from './zones.dto';
import { ZonesService } from './zones.service';

/** A coop's delivery zones: coop admins manage them; dispatchers and merchant staff read them. */
@ApiTags('geo')
@Controller('api/geo/zones')
export class ZonesController {
  constructor(@Inject(ZonesService) private readonly zones: ZonesService) {}

  @Get()
  @Access({ action: 'read', subject: 'Zone' })
  @ApiOkResponse({ type: ZonePageDto })
  list(@CurrentPrincipal() principal: Caller, @Query() query: PageQueryDto): Promise<Page<ZoneView>> {
    const { limit, offset } = pageOf(query);
    return this.zones.list(coopOf(principal), limit, offset);
  }

  @Post()
  @HttpCode(201)
  @Access({ action: 'create', subject: 'Zone' })
  @ApiCreatedResponse({ type: ZoneViewDto })
  create(@CurrentPrincipal() principal: Caller, @Body() body: CreateZoneDto): Promise<ZoneView> {
    return this.zones.create(coopOf(principal), body);
  }

  /** Every zone as a GeoJSON FeatureCollection (properties: name, colour). */
  @Get('export')
  @Access({ action: 'read', subject: 'Zone' })
  @ApiOkResponse({ type: ZoneFeatureCollectionDto })
  export(@CurrentPrincipal() principal: Caller): Promise<ZoneFeatureCollection> {
    return this.zones.exportCollection(coopOf(principal));
  }

  /** A GeoJSON FeatureCollection → zones, all or nothing. */
  @Post('import')
  @HttpCode(201)
  @Access({ action: 'create', subject: 'Zone' })
  @ApiCreatedResponse({ type: ZoneImportResultDto })
  import(@CurrentPrincipal() principal: Caller, @Body() body: ZoneFeatureCollectionDto): Promise<ZoneImportResult> {
    return this.zones.importCollection(coopOf(principal), body);
  }

  @Get(':zoneId')
  @Access({ action: 'read', subject: 'Zone' })
  @ApiOkResponse({ type: ZoneViewDto })
  get(@CurrentPrincipal() principal: Caller, @Param('zoneId', UuidPipe) zoneId: string): Promise<ZoneView> {
    return this.zones.get(coopOf(principal), zoneId);
  }

  /** Rename, recolour or reshape. */
  @Patch(':zoneId')
  @Access({ action: 'update', subject: 'Zone' })
  @ApiOkResponse({ type: ZoneViewDto })
  update(
    @CurrentPrincipal() principal: Caller,
    @Param('zoneId', UuidPipe) zoneId: string,
    @Body() body: UpdateZoneDto,
  ): Promise<ZoneView> {
    return this.zones.update(coopOf(principal), zoneId, body);
  }

  /** Refused with 409 ZONE_IN_USE while something references the zone. */
  @Delete(':zoneId')
  @HttpCode(204)
  @Access({ action: 'delete', subject: 'Zone' })
  @ApiNoContentResponse()
  remove(@CurrentPrincipal() principal: Caller, @Param('zoneId', UuidPipe) zoneId: string): Promise<void> {
    return this.zones.remove(coopOf(principal), zoneId);
  }
}
