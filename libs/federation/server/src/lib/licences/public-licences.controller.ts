import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { LicenceVerificationResponse } from '@federacycle/contracts';
import { Access } from '@federacycle/platform-http';
import type { Jwks } from '../licence/key-ring';
import { LicenceKeysService } from './licence-keys.service';
import { JwksDto, LicenceVerificationDto, VerifyLicenceDto } from './licences.dto';
import { LicencesService } from './licences.service';

/** Anyone can check a licence: the published keys and a verification endpoint. */
@ApiTags('federation (public)')
@Controller()
export class PublicLicencesController {
  constructor(
    @Inject(LicencesService) private readonly licences: LicencesService,
    @Inject(LicenceKeysService) private readonly keys: LicenceKeysService,
  ) {}

  @Get('.well-known/jwks.json')
  @Access('public')
  @ApiOkResponse({ type: JwksDto })
  wellKnownJwks(): Promise<Jwks> {
    return this.keys.jwks();
  }

  @Get('api/public/licences/jwks')
  @Access('public')
  @ApiOkResponse({ type: JwksDto })
  jwks(): Promise<Jwks> {
    return this.keys.jwks();
  }

  @Post('api/public/licences/verify')
  @Access('public')
  @HttpCode(200)
  @ApiOkResponse({ type: LicenceVerificationDto })
  verify(@Body() body: VerifyLicenceDto): Promise<LicenceVerificationResponse> {
    return this.licences.verify(body.licence);
  }
}
