import type { KeyObject } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import passport from 'passport';
import { Strategy as JwtStrategy, type SecretOrKeyProvider } from 'passport-jwt';
import type { PartnerAuthStrategy, PartnerAuthentication } from '@federacycle/identity-server';
import { partnerCredentialsInvalid } from '@federacycle/identity-server';
import { ApiException } from '@federacycle/platform-http';
import { API_KEY_PATTERN } from './partner-secrets';
import { PartnerAuthService, type LiveCredential } from './partner-auth.service';
import { PARTNER_TOKEN_ALGORITHM, PartnerTokenService, partnerClaimsOf } from './partner-tokens.service';

export const PARTNER_API_KEY_STRATEGY = 'partner-api-key';
export const PARTNER_TOKEN_STRATEGY = 'partner-token';

type Request = IncomingMessage & { method?: string; originalUrl?: string; url?: string };

const BEARER_API_KEY = /^Bearer (fcp_\S+)$/;
const BEARER_JWT = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/;

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** The API key of a request: `Authorization: Bearer fcp_…`, else `X-Api-Key`; undefined when none. */
export function apiKeyOfRequest(request: IncomingMessage): string | undefined {
  const authorization = header(request, 'authorization');
  if (authorization !== undefined) return BEARER_API_KEY.exec(authorization)?.[1];
  return header(request, 'x-api-key');
}

/** The path of a call, without its query (logs). */
function pathOf(request: Request): string {
  return (request.originalUrl ?? request.url ?? '').split('?')[0] ?? '';
}

type Verify = (
  request: IncomingMessage,
  key: string,
  done: (error: unknown, user?: unknown, info?: unknown) => void,
) => void;

/**
 * A passport strategy that reads an API key from the request and hands it to its verify
 * callback (passport-headerapikey reads one header only; a partner may send either). Used
 * through @nestjs/passport's `PassportStrategy` like every strategy of the API.
 */
export class ApiKeyPassportStrategy extends passport.Strategy {
  override name = PARTNER_API_KEY_STRATEGY;

  constructor(private readonly verify: Verify) {
    super();
  }

  override authenticate(request: IncomingMessage): void {
    const key = apiKeyOfRequest(request);
    if (key === undefined || !API_KEY_PATTERN.test(key)) return this.fail('malformed', 401);
    this.verify(request, key, (error, user, info) => {
      if (error) return this.error(error);
      if (!user) return this.fail(info ?? 'unknown', 401);
      return this.success(user);
    });
  }
}

/**
 * API keys (`Authorization: Bearer fcp_live_…` or `X-Api-Key: fcp_live_…`): the key's SHA-256 is
 * looked up (a security-definer function: the key names no coop) live at every call, so a revoked
 * key or client is refused at once; the call is then admitted against the client's rate limit.
 */
@Injectable()
export class PartnerApiKeyStrategy
  extends PassportStrategy(ApiKeyPassportStrategy, PARTNER_API_KEY_STRATEGY)
  implements PartnerAuthStrategy
{
  constructor(@Inject(PartnerAuthService) private readonly auth: PartnerAuthService) {
    super();
  }

  getPassportInstance(): InstanceType<typeof passport.Passport> {
    return new passport.Passport();
  }

  accepts(request: IncomingMessage): boolean {
    const authorization = header(request, 'authorization');
    if (authorization !== undefined) return BEARER_API_KEY.test(authorization);
    return header(request, 'x-api-key') !== undefined;
  }

  async validate(request: Request, key: string): Promise<PartnerAuthentication | null> {
    const live = await this.auth.apiKey(key);
    if (!live) return null;
    return admitted(this.auth, live, PARTNER_API_KEY_STRATEGY, request);
  }

  refusal(): ApiException {
    return partnerCredentialsInvalid();
  }
}

/**
 * Partner access tokens (`Authorization: Bearer <jwt>` from the OAuth2 token endpoint, native or
 * CoopCycle-compatible) through passport-jwt: key, algorithm, issuer and partner audience pinned,
 * so a person's access token is refused here (and a partner token on people's routes). The
 * credential's liveness (not revoked, client not revoked) is a precondition checked at every call.
 */
@Injectable()
export class PartnerTokenStrategy
  extends PassportStrategy(JwtStrategy, PARTNER_TOKEN_STRATEGY)
  implements PartnerAuthStrategy
{
  constructor(
    @Inject(PartnerTokenService) tokens: PartnerTokenService,
    @Inject(PartnerAuthService) private readonly auth: PartnerAuthService,
  ) {
    super({
      jwtFromRequest: (request: IncomingMessage) =>
        BEARER_JWT.exec(header(request, 'authorization') ?? '')?.[1] ?? null,
      secretOrKeyProvider: keyProvider(tokens.key),
      algorithms: [PARTNER_TOKEN_ALGORITHM],
      issuer: tokens.issuer,
      audience: tokens.audience,
      ignoreExpiration: false,
      passReqToCallback: true,
    });
    // passport-jwt names itself 'jwt', the people's strategy's name
    this.name = PARTNER_TOKEN_STRATEGY;
  }

  getPassportInstance(): InstanceType<typeof passport.Passport> {
    return new passport.Passport();
  }

  accepts(request: IncomingMessage): boolean {
    return BEARER_JWT.test(header(request, 'authorization') ?? '');
  }

  async validate(request: Request, payload: unknown): Promise<PartnerAuthentication> {
    const live = partnerClaimsOf(payload);
    if (!live) throw partnerCredentialsInvalid();
    return admitted(this.auth, live, PARTNER_TOKEN_STRATEGY, request);
  }

  refusal(info: unknown): ApiException {
    if (info instanceof Error && info.name === 'TokenExpiredError') {
      return new ApiException(401, 'TOKEN_EXPIRED', 'The partner access token has expired; request a new one');
    }
    return partnerCredentialsInvalid();
  }
}

async function admitted(
  auth: PartnerAuthService,
  live: LiveCredential,
  strategy: string,
  request: Request,
): Promise<PartnerAuthentication> {
  await auth.admit(live, request.method ?? '', pathOf(request));
  const partner = live.partner;
  if (strategy === PARTNER_API_KEY_STRATEGY) {
    // the lookup has just read the key and its client live: nothing left to check
    return {
      strategy,
      partner,
      check: () => ({ sql: 'select 1', params: [], translate: (e) => e as Error, passed: true }),
    };
  }
  return { strategy, partner, check: () => auth.tokenCheck(partner) };
}

/** passport-jwt hands the key to jsonwebtoken as given; a KeyObject is used as is (see AccessTokenStrategy). */
function keyProvider(key: KeyObject): SecretOrKeyProvider {
  return (_request, _rawToken, done) => done(null, key as unknown as Buffer);
}
