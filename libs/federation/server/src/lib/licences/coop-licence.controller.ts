import { Controller, Get, Inject, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { CoopLicenceResponse } from '@federacycle/contracts';
import { CurrentPrincipal, coopOf, type Caller } from '@federacycle/identity-server';
import { Access, ApiException } from '@federacycle/platform-http';
import { FederationMailer } from '../mail/federation-mailer';
import { CLOCK, type Clock } from '../shared/clock';
import { StandingService, standingView } from '../standing/standing.service';
import { CoopLicenceResponseDto } from './licences.dto';
import { LicencesService, licenceView } from './licences.service';

interface HeaderResponse {
  setHeader(name: string, value: string): void;
}

/** What a coop admin sees of the coop's licence (the coop is the token's). */
@ApiTags('federation (coop)')
@Controller('api/licence')
export class CoopLicenceController {
  constructor(
    @Inject(StandingService) private readonly standing: StandingService,
    @Inject(LicencesService) private readonly licences: LicencesService,
    @Inject(FederationMailer) private readonly mailer: FederationMailer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Access({ action: 'read', subject: 'Licence' })
  @ApiOkResponse({ type: CoopLicenceResponseDto })
  async licence(@CurrentPrincipal() caller: Caller): Promise<CoopLicenceResponse> {
    const coopId = coopOf(caller);
    const facts = await this.standing.facts(coopId);
    const licence = await this.licences.current(coopId);
    const c = facts.compliance;
    return {
      standing: standingView(facts.standing),
      licence: licence ? licenceView(licence, this.clock.now()) : null,
      verifyUrl: this.mailer.url('/verify-licence'),
      workerOwnership: c
        ? {
            share: c.share,
            threshold: facts.threshold,
            activeCouriers: c.activeCouriers,
            memberCouriers: c.memberCouriers,
          }
        : null,
    };
  }

  @Get('download')
  @Access({ action: 'read', subject: 'Licence' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'the licence as a .jws file', schema: { type: 'string' } })
  async download(
    @CurrentPrincipal() caller: Caller,
    @Res({ passthrough: true }) res: HeaderResponse,
  ): Promise<StreamableFile> {
    const licence = await this.licences.current(coopOf(caller));
    if (!licence) throw ApiException.notFound('Licence');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(Buffer.from(`${licence.token}\n`, 'utf8'), {
      type: 'text/plain; charset=utf-8',
      disposition: `attachment; filename="federacycle-licence-${licence.id}.jws"`,
    });
  }
}
