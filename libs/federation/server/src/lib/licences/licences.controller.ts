import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { LicenceView } from '@federacycle/contracts';
import { Access, UuidPipe } from '@federacycle/platform-http';
import { DecisionDto, NoBodyDto } from '../shared/decision.dto';
import { LicenceKeysService } from './licence-keys.service';
import { LicenceViewDto, RotatedKeyDto } from './licences.dto';
import { LicencesService } from './licences.service';

const LICENCE = { action: 'manage', subject: 'Licence' } as const;
const FEDERATION = { action: 'manage', subject: 'Federation' } as const;

/** The federation admin's licence desk: issue or renew, revoke, rotate the signing key. */
@ApiTags('federation (admin)')
@Controller('api/federation')
export class LicencesController {
  constructor(
    @Inject(LicencesService) private readonly licences: LicencesService,
    @Inject(LicenceKeysService) private readonly keys: LicenceKeysService,
  ) {}

  @Post('coops/:coopId/licence')
  @Access(LICENCE)
  @HttpCode(201)
  @ApiCreatedResponse({ type: LicenceViewDto })
  issue(@Param('coopId', UuidPipe) coopId: string, @Body() _body: NoBodyDto): Promise<LicenceView> {
    return this.licences.issue(coopId);
  }

  @Post('licences/:licenceId/revoke')
  @Access(LICENCE)
  @HttpCode(200)
  @ApiOkResponse({ type: LicenceViewDto })
  revoke(@Param('licenceId', UuidPipe) licenceId: string, @Body() body: DecisionDto): Promise<LicenceView> {
    return this.licences.revoke(licenceId, body.reason);
  }

  @Post('keys/rotate')
  @Access(FEDERATION)
  @HttpCode(200)
  @ApiOkResponse({ type: RotatedKeyDto })
  rotate(@Body() _body: NoBodyDto): Promise<{ kid: string }> {
    return this.keys.rotate();
  }
}
