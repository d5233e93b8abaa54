import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { StorefrontView } from '@federacycle/contracts';
import { CurrentPrincipal, coopOf, type Caller } from '@federacycle/identity-server';
import { Access } from '@federacycle/platform-http';
import { NoBodyDto } from '../shared/decision.dto';
import { RequiresCapability } from '../standing/capability.guard';
import { StorefrontViewDto } from './storefront.dto';
import { StorefrontService } from './storefront.service';

/** The coop's storefront: publishing it is the first operational capability guarded by the licence. */
@ApiTags('federation (coop)')
@Controller('api/storefront')
export class StorefrontController {
  constructor(@Inject(StorefrontService) private readonly storefronts: StorefrontService) {}

  @Get()
  @Access({ action: 'read', subject: 'Coop' })
  @ApiOkResponse({ type: StorefrontViewDto })
  get(@CurrentPrincipal() caller: Caller): Promise<StorefrontView> {
    return this.storefronts.get(coopOf(caller));
  }

  @Post('publish')
  @Access({ action: 'update', subject: 'Coop' })
  @RequiresCapability('publish_storefront')
  @HttpCode(200)
  @ApiOkResponse({ type: StorefrontViewDto })
  publish(@CurrentPrincipal() caller: Caller, @Body() _body: NoBodyDto): Promise<StorefrontView> {
    return this.storefronts.setPublished(coopOf(caller), true);
  }

  @Post('unpublish')
  @Access({ action: 'update', subject: 'Coop' })
  @HttpCode(200)
  @ApiOkResponse({ type: StorefrontViewDto })
  unpublish(@CurrentPrincipal() caller: Caller, @Body() _body: NoBodyDto): Promise<StorefrontView> {
    return this.storefronts.setPublished(coopOf(caller), false);
  }
}
