import { Controller, Get, Inject, Ip, Param, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { TrackingView } from '@federacycle/contracts';
import { NoStore } from '@federacycle/identity-server';
import { Access } from '@federacycle/platform-http';
import { sendProofImage, type ImageRequest, type ImageResponse } from '../courier/proof-image';
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

  /** A proof of delivery's image, for this token's delivery only and only once it is completed. */
  @Get(':token/proofs/:proofId')
  @Access('public')
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiOkResponse({ description: 'the image', schema: { type: 'string', format: 'binary' } })
  async proof(
    @Param('token') token: string,
    @Param('proofId') proofId: string,
    @Ip() ip: string,
    @Req() request: ImageRequest,
    @Res() response: ImageResponse,
  ): Promise<void> {
    sendProofImage(request, response, await this.tracking.proofImage(token, proofId, ip));
  }
}
