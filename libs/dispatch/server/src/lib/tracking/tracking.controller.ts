import { Controller, Get, Inject, Ip, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TrackingView } from '@federacycle/contracts';
import { NoStore } from '@federacycle/identity-server';
import { Access } from '@federacycle/platform-http';
import { TrackingViewDto } from './tracking.dto';
import { TrackingService } from './tracking.service';

/** The recipient's tracking page: public, by the delivery's unguessable token. */
@ApiTags('tracking')
@Controller('api/track')
export class TrackingController {
  constructor(@Inject(TrackingService) private readonly tracking: TrackingService) {}

  @Get(':token')
  @Access('public')
  @NoStore()
  @ApiOkResponse({ type: TrackingViewDto })
  view(@Param('token') token: string, @Ip() ip: string): Promise<TrackingView> {
    return this.tracking.view(token, ip);
  }
}
