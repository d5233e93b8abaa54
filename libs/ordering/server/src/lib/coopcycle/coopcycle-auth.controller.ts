import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiConsumes, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { PartnerPrincipal } from '@federacycle/contracts';
import { TimeSlot } from '@federacycle/dispatch-server';
import { Merchant } from '@federacycle/merchants-server';
import { NoStore } from '@federacycle/identity-server';
import { Database } from '@federacycle/platform-database';
import { Access, isUuid } from '@federacycle/platform-http';
import { CurrentPartner } from '../partners/auth/partner-access.decorator';
import { PartnerOAuthService } from '../partners/auth/partner-oauth.service';
import { answerToken } from '../partners/auth/partner-oauth.controller';
import { COOPCYCLE_PREFIX, CoopCycleAccess, CoopCycleController } from './coopcycle-access.decorator';
import { hydraError, iri, resource } from './jsonld';

interface StatusResponse {
  status(code: number): unknown;
  setHeader(name: string, value: string): unknown;
}

/**
 * CoopCycle's authentication surface, per coop (`/coopcycle/<slug>`): the OAuth2 token endpoint,
 * `GET /api/me` (ApiApp) and the client's store. Tokens from here are the partner API's own, so
 * they work on the native API too; a credential of another coop is refused (401).
 */
@CoopCycleController()
@Controller(COOPCYCLE_PREFIX)
export class CoopCycleAuthController {
  constructor(
    @Inject(PartnerOAuthService) private readonly oauth: PartnerOAuthService,
    @Inject(Database) private readonly db: Database,
  ) {}

  @Post('oauth2/token')
  @HttpCode(200)
  @NoStore()
  @Access('public')
  @ApiOperation({
    summary: 'OAuth2 client credentials, as CoopCycle integrations call it',
    description:
      'HTTP Basic key:secret, form grant_type=client_credentials&scope=deliveries. Answers {"token_type":"Bearer","expires_in":3600,"access_token":"…"}; wrong credentials, or a client of another coop: 401 {"error":"invalid_client"}.',
  })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  async token(
    @Param('slug') slug: string,
    @Headers('authorization') authorization: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: StatusResponse,
  ): Promise<object> {
    const answer = await this.oauth.token(authorization, body, slug);
    if (answer.status !== 200) return answerToken(res, answer);
    const { token_type, expires_in, access_token } = answer.body;
    return answerToken(res, { status: 200, body: { token_type, expires_in, access_token } as typeof answer.body });
  }

  @Get('api/me')
  @CoopCycleAccess('any')
  @ApiOkResponse({
    description:
      '{"@context":"/api/contexts/ApiApp","@id":"/api/api_apps/<client>","@type":"ApiApp","name":"…","store":"/api/stores/<merchant>"}',
  })
  me(@CurrentPartner() partner: PartnerPrincipal): object {
    return resource('ApiApp', partner.clientId, {
      name: partner.clientName,
      ...(partner.merchantId ? { store: iri('Store', partner.merchantId) } : {}),
    });
  }

  @Get('api/stores/:id')
  @CoopCycleAccess('any')
  @ApiOkResponse({ description: 'the Store of the client’s merchant; another store: 403' })
  async store(
    @CurrentPartner() partner: PartnerPrincipal,
    @Param('id') id: string,
    @Res({ passthrough: true }) res: StatusResponse,
  ): Promise<object> {
    // only the client's own store: any other id (another client's, another coop's, none) is 403
    const own = partner.merchantId !== null && isUuid(id) && id.toLowerCase() === partner.merchantId;
    const [merchant, slots] = own
      ? await this.db.read(
          async (m) =>
            [
              await m.findOneBy(Merchant, { coopId: partner.coopId, id: partner.merchantId as string }),
              // the coop's time slots, oldest first: the first is the store's default
              await m.find(TimeSlot, { where: { coopId: partner.coopId }, order: { createdAt: 'ASC', id: 'ASC' } }),
            ] as const,
        )
      : ([null, []] as const);
    if (!merchant) {
      res.status(403);
      return hydraError('Access Denied.');
    }
    const street = [merchant.addressLine1, merchant.addressLine2].filter((line) => !!line).join(', ');
    return resource('Store', merchant.id, {
      id: merchant.id,
      name: merchant.name,
      enabled: merchant.archivedAt === null,
      address: {
        '@id': iri('Address', merchant.id),
        '@type': 'Address',
        streetAddress: `${street}, ${merchant.postalCode} ${merchant.city}`,
        postalCode: merchant.postalCode,
        addressLocality: merchant.city,
        addressCountry: merchant.country,
        name: merchant.name,
        telephone: merchant.contactPhone,
        contactName: merchant.contactName,
        geo: { '@type': 'GeoCoordinates', latitude: merchant.lat, longitude: merchant.lng },
      },
      timeSlot: slots[0] ? iri('TimeSlot', slots[0].id) : null,
      timeSlots: slots.map((slot) => iri('TimeSlot', slot.id)),
      weightRequired: false,
      packagesRequired: false,
      multiDropEnabled: false,
    });
  }
}
