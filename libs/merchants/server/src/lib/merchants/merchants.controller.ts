import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { HoursPreview, MerchantSummary, MerchantView, Page } from '@federacycle/contracts';
import { Access, CurrentPrincipal, UuidPipe, type Caller } from '@federacycle/platform-http';
import {
  CreateMerchantDto,
  EmptyBodyDto,
  HoursPreviewDto,
  HoursPreviewViewDto,
  MerchantPageDto,
  MerchantViewDto,
  MerchantsQueryDto,
  PauseMerchantDto,
  UpdateMerchantDto,
} from './merchants.dto';
import { MerchantsService } from './merchants.service';

/**
 * A coop's merchants. Coop admins manage them all, dispatchers read them, merchant staff read
 * and pause only theirs (the service filters by the caller's merchant scope: 404 outside it).
 */
@ApiTags('merchants')
@Controller('api/merchants')
export class MerchantsController {
  constructor(@Inject(MerchantsService) private readonly merchants: MerchantsService) {}

  @Get()
  @Access({ action: 'read', subject: 'Merchant' })
  @ApiOkResponse({ type: MerchantPageDto })
  list(@CurrentPrincipal() caller: Caller, @Query() query: MerchantsQueryDto): Promise<Page<MerchantSummary>> {
    return this.merchants.list(caller, query);
  }

  @Post()
  @HttpCode(201)
  @Access({ action: 'create', subject: 'Merchant' })
  @ApiCreatedResponse({ type: MerchantViewDto })
  create(@CurrentPrincipal() caller: Caller, @Body() body: CreateMerchantDto): Promise<MerchantView> {
    return this.merchants.create(caller, body);
  }

  /** Validates opening_hours text and tells what it means, without saving anything. */
  @Post('hours/preview')
  @HttpCode(200)
  @Access({ action: 'read', subject: 'Merchant' })
  @ApiOkResponse({ type: HoursPreviewViewDto })
  previewHours(@CurrentPrincipal() caller: Caller, @Body() body: HoursPreviewDto): Promise<HoursPreview> {
    return this.merchants.previewHours(caller, body);
  }

  @Get(':id')
  @Access({ action: 'read', subject: 'Merchant' })
  @ApiOkResponse({ type: MerchantViewDto })
  get(@CurrentPrincipal() caller: Caller, @Param('id', UuidPipe) id: string): Promise<MerchantView> {
    return this.merchants.get(caller, id);
  }

  @Patch(':id')
  @Access({ action: 'update', subject: 'Merchant' })
  @ApiOkResponse({ type: MerchantViewDto })
  update(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() body: UpdateMerchantDto,
  ): Promise<MerchantView> {
    return this.merchants.update(caller, id, body);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @Access({ action: 'update', subject: 'MerchantPause' })
  @ApiOkResponse({ type: MerchantViewDto })
  pause(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() body: PauseMerchantDto,
  ): Promise<MerchantView> {
    return this.merchants.pause(caller, id, body);
  }

  @Post(':id/unpause')
  @HttpCode(200)
  @Access({ action: 'update', subject: 'MerchantPause' })
  @ApiOkResponse({ type: MerchantViewDto })
  unpause(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() _body: EmptyBodyDto,
  ): Promise<MerchantView> {
    return this.merchants.unpause(caller, id);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Access({ action: 'delete', subject: 'Merchant' })
  @ApiOkResponse({ type: MerchantViewDto })
  archive(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() _body: EmptyBodyDto,
  ): Promise<MerchantView> {
    return this.merchants.archive(caller, id);
  }
}
