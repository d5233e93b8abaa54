import { Inject, Injectable } from '@nestjs/common';
import { OAUTH_CLIENT_KEY_PATTERN, OAUTH_SECRET_PATTERN, basicCredentials, grantedScopes } from './partner-secrets';
import { PartnerAuthService } from './partner-auth.service';
import { PARTNER_TOKEN_TTL_SECONDS, PartnerTokenService } from './partner-tokens.service';

/** RFC 6749 5.1: the token. */
export interface TokenGrant {
  token_type: 'Bearer';
  expires_in: number;
  access_token: string;
  scope: string;
}

/** RFC 6749 5.2: a refusal (`invalid_client` is 401, the others 400). */
export interface TokenRefusal {
  error: 'invalid_request' | 'invalid_client' | 'unsupported_grant_type' | 'invalid_scope';
  error_description: string;
}

export type TokenAnswer = { status: 200; body: TokenGrant } | { status: 400 | 401; body: TokenRefusal };

const refuse = (status: 400 | 401, error: TokenRefusal['error'], description: string): TokenAnswer => ({
  status,
  body: { error, error_description: description },
});

/**
 * The OAuth2 client-credentials grant (RFC 6749 4.4) of the partner API: client key and secret
 * by HTTP Basic (RFC 6749 2.3.1) or in the body (`client_id`, `client_secret`), `grant_type=
 * client_credentials`, an optional `scope` within the client's scopes. Answers a partner token
 * (1 h) or the RFC's JSON error. `coopSlug`: the CoopCycle-compatible endpoint under
 * `/coopcycle/<slug>` answers only for a client of that coop (else invalid_client).
 */
@Injectable()
export class PartnerOAuthService {
  constructor(
    @Inject(PartnerAuthService) private readonly auth: PartnerAuthService,
    @Inject(PartnerTokenService) private readonly tokens: PartnerTokenService,
  ) {}

  async token(authorization: string | undefined, body: unknown, coopSlug: string | null): Promise<TokenAnswer> {
    const form =
      typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
    const field = (name: string): string | undefined => {
      const value = form[name];
      return typeof value === 'string' ? value : undefined;
    };
    const grantType = field('grant_type');
    if (grantType === undefined) return refuse(400, 'invalid_request', 'grant_type is missing');
    if (grantType !== 'client_credentials') {
      return refuse(400, 'unsupported_grant_type', 'Only grant_type=client_credentials is supported');
    }
    const basic = authorization === undefined ? null : basicCredentials(authorization);
    if (authorization !== undefined && !basic) {
      return refuse(401, 'invalid_client', 'The Authorization header is not HTTP Basic client_id:client_secret');
    }
    const id = basic?.id ?? field('client_id');
    const secret = basic?.secret ?? field('client_secret');
    if (basic && (form['client_id'] !== undefined || form['client_secret'] !== undefined)) {
      return refuse(
        400,
        'invalid_request',
        'Send the client credentials either by HTTP Basic or in the body, not both',
      );
    }
    if (id === undefined || secret === undefined)
      return refuse(401, 'invalid_client', 'Client credentials are missing');
    const live =
      OAUTH_CLIENT_KEY_PATTERN.test(id) && OAUTH_SECRET_PATTERN.test(secret)
        ? await this.auth.oauthClient(id, secret)
        : null;
    if (!live || (coopSlug !== null && live.partner.coopSlug !== coopSlug)) {
      return refuse(401, 'invalid_client', 'Unknown client, wrong secret, or a revoked client');
    }
    const scope = field('scope');
    if (form['scope'] !== undefined && scope === undefined)
      return refuse(400, 'invalid_request', 'scope must be a string');
    const scopes = grantedScopes(scope, live.partner.scopes);
    if (!scopes) {
      return refuse(400, 'invalid_scope', `This client may ask for: ${live.partner.scopes.join(' ')}`);
    }
    const partner = { ...live.partner, scopes };
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        expires_in: PARTNER_TOKEN_TTL_SECONDS,
        access_token: this.tokens.sign(partner, live.rateLimit),
        scope: scopes.join(' '),
      },
    };
  }
}
