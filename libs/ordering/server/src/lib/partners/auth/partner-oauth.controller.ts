import { Body, Controller, Headers, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NoStore } from '@federacycle/identity-server';
import { Access } from '@federacycle/platform-http';
import { PartnerOAuthService } from './partner-oauth.service';

interface StatusResponse {
  status(code: number): unknown;
  setHeader(name: string, value: string): unknown;
}

/** The partner API's OAuth2 token endpoint (client credentials). */
@ApiTags('partner API')
@Controller('api/partner/oauth2')
export class PartnerOAuthController {
  constructor(@Inject(PartnerOAuthService) private readonly oauth: PartnerOAuthService) {}

  @Post('token')
  @HttpCode(200)
  @NoStore()
  @Access('public')
  @ApiOperation({
    summary: 'OAuth2 client credentials: a partner access token (1 h)',
    description:
      'HTTP Basic client_id:client_secret (or client_id and client_secret in the body), grant_type=client_credentials, optional scope (space-separated, within the client’s). Form or JSON body. Errors as RFC 6749: {"error":"invalid_client"} (401), invalid_request, unsupported_grant_type, invalid_scope (400).',
  })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOkResponse({ description: '{"token_type":"Bearer","expires_in":3600,"access_token":"…","scope":"deliveries"}' })
  async token(
    @Headers('authorization') authorization: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: StatusResponse,
  ): Promise<object> {
    const answer = await this.oauth.token(authorization, body, null);
    return answerToken(res, answer);
  }
}

/** Writes a token answer: its status, and for invalid_client the RFC's challenge. */
export function answerToken(res: StatusResponse, answer: Awaited<ReturnType<PartnerOAuthService['token']>>): object {
  res.status(answer.status);
  if (answer.status === 401) res.setHeader('WWW-Authenticate', 'Basic realm="federacycle-partner"');
  return answer.body;
}
