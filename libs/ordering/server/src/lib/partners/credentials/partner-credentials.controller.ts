import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { NoStore } from '@federacycle/identity-server';
import { Access, CurrentPrincipal, UuidPipe, coopOf, type Caller } from '@federacycle/platform-http';
import {
  CreatedApiKeyView,
  CreatedOAuthSecretView,
  EmptyBodyDto,
  PartnerApiKeyView,
  PartnerCredentialsViewDto,
} from '../partner-clients.dto';
import { PartnerCredentialsService } from './partner-credentials.service';

/**
 * The coop admin's management of a partner client's credentials. Answers that carry a key or a
 * secret (shown once) are `no-store`. Another coop's client, or an unknown one, is 404.
 */
@ApiTags('partners')
@Controller('api/partner-clients/:id')
export class PartnerCredentialsController {
  constructor(@Inject(PartnerCredentialsService) private readonly credentials: PartnerCredentialsService) {}

  @Get('credentials')
  @Access({ action: 'read', subject: 'PartnerClient' })
  @ApiOkResponse({ type: PartnerCredentialsViewDto })
  view(@CurrentPrincipal() caller: Caller, @Param('id', UuidPipe) id: string): Promise<PartnerCredentialsViewDto> {
    return this.credentials.view(coopOf(caller), id);
  }

  @Post('api-keys')
  @HttpCode(201)
  @NoStore()
  @Access({ action: 'update', subject: 'PartnerClient' })
  @ApiCreatedResponse({ type: CreatedApiKeyView, description: 'the key, shown in this answer only' })
  createKey(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() _body: EmptyBodyDto,
  ): Promise<CreatedApiKeyView> {
    return this.credentials.createApiKey(coopOf(caller), id);
  }

  @Post('api-keys/:keyId/rotate')
  @HttpCode(201)
  @NoStore()
  @Access({ action: 'update', subject: 'PartnerClient' })
  @ApiCreatedResponse({ type: CreatedApiKeyView, description: 'the new key (the old one is revoked in the same step)' })
  rotateKey(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Param('keyId', UuidPipe) keyId: string,
    @Body() _body: EmptyBodyDto,
  ): Promise<CreatedApiKeyView> {
    return this.credentials.rotateApiKey(coopOf(caller), id, keyId);
  }

  @Post('api-keys/:keyId/revoke')
  @HttpCode(200)
  @Access({ action: 'update', subject: 'PartnerClient' })
  @ApiOkResponse({ type: PartnerApiKeyView })
  revokeKey(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Param('keyId', UuidPipe) keyId: string,
    @Body() _body: EmptyBodyDto,
  ): Promise<PartnerApiKeyView> {
    return this.credentials.revokeApiKey(coopOf(caller), id, keyId);
  }

  @Post('oauth-secret')
  @HttpCode(201)
  @NoStore()
  @Access({ action: 'update', subject: 'PartnerClient' })
  @ApiCreatedResponse({
    type: CreatedOAuthSecretView,
    description: 'the client key and a new secret, shown in this answer only (a previous secret is revoked)',
  })
  oauthSecret(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() _body: EmptyBodyDto,
  ): Promise<CreatedOAuthSecretView> {
    return this.credentials.oauthSecret(coopOf(caller), id);
  }

  @Post('revoke')
  @HttpCode(204)
  @Access({ action: 'update', subject: 'PartnerClient' })
  @ApiNoContentResponse({ description: 'the client and every key and secret it had are revoked' })
  async revoke(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() _body: EmptyBodyDto,
  ): Promise<void> {
    await this.credentials.revokeClient(coopOf(caller), id);
  }
}
