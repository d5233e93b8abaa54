import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { StandingView } from '@federacycle/contracts';
import { CurrentPrincipal, coopOf, type Caller } from '@federacycle/identity-server';
import { Access } from '@federacycle/platform-http';
import { StandingViewDto } from '../licences/licences.dto';
import { StandingService, standingView } from './standing.service';

/** The compliance banner every member of a coop sees. */
@ApiTags('federation (coop)')
@Controller('api/compliance')
export class StandingController {
  constructor(@Inject(StandingService) private readonly standing: StandingService) {}

  @Get()
  @Access('authenticated')
  @ApiOkResponse({ type: StandingViewDto })
  async compliance(@CurrentPrincipal() caller: Caller): Promise<StandingView> {
    return standingView(await this.standing.standing(coopOf(caller)));
  }
}
