import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CoopView, Page } from '@federacycle/contracts';
import { Access, UuidPipe } from '@federacycle/platform-http';
import { PageQueryDto, pageOf } from '../shared/paging';
import { CoopPageDto, CoopViewDto, CreateCoopDto } from './coops.dto';
import { CoopsService } from './coops.service';

/** The federation admin's coops (platform rows; coop roles cannot reach these routes). */
@ApiTags('federation')
@Controller('api/federation/coops')
export class CoopsController {
  constructor(@Inject(CoopsService) private readonly coops: CoopsService) {}

  @Get()
  @Access({ action: 'read', subject: 'Federation' })
  @ApiOkResponse({ type: CoopPageDto })
  list(@Query() query: PageQueryDto): Promise<Page<CoopView>> {
    const { limit, offset } = pageOf(query);
    return this.coops.list(limit, offset);
  }

  @Post()
  @Access({ action: 'create', subject: 'Coop' })
  @ApiCreatedResponse({ type: CoopViewDto })
  create(@Body() body: CreateCoopDto): Promise<CoopView> {
    return this.coops.create(body);
  }

  @Get(':coopId')
  @Access({ action: 'read', subject: 'Federation' })
  @ApiOkResponse({ type: CoopViewDto })
  get(@Param('coopId', UuidPipe) coopId: string): Promise<CoopView> {
    return this.coops.get(coopId);
  }
}
