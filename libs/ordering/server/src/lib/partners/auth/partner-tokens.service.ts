import { createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { PARTNER_SCOPES, type PartnerPrincipal, type PartnerScope } from '@federacycle/contracts';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';
import { isUuid } from '@federacycle/platform-http';

/** Lifetime of a partner access token (OAuth2 client credentials), in seconds. */
export const PARTNER_TOKEN_TTL_SECONDS = 3600;
export const PARTNER_TOKEN_ALGORITHM = 'HS256';

/** What a partner access token says: a compact copy of the principal and its rate limit. */
export interface PartnerTokenClaims {
  /** the partner client */
  sub: string;
  coop: string;
  slug: string;
  /** the OAuth2 credential (row of partner_oauth_credentials) the token was issued for */
  cred: string;
  name: string;
  mid: string | null;
  /** granted scopes, space-separated (RFC 6749) */
  scope: string;
  /** calls per minute */
  rl: number;
  typ: 'partner';
}

/**
 * Signs partner access tokens: HS256 JWTs with their own key (derived from JWT_SECRET with HKDF,
 * so a person's token can never verify as a partner's or the other way round), the API's issuer
 * and an audience of their own (`<JWT_AUDIENCE>:partner`). Verification is `PartnerTokenStrategy`'s.
 */
@Injectable()
export class PartnerTokenService {
  readonly key: KeyObject;
  readonly issuer: string;
  readonly audience: string;
  private readonly jwt: JwtService;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = createSecretKey(
      Buffer.from(hkdfSync('sha256', config.jwtSecret, 'federacycle', 'partner access tokens', 32)),
    );
    this.issuer = config.jwtIssuer;
    this.audience = `${config.jwtAudience}:partner`;
    this.jwt = new JwtService({ secret: this.key });
  }

  sign(partner: PartnerPrincipal, rateLimitPerMinute: number): string {
    const claims: PartnerTokenClaims = {
      sub: partner.clientId,
      coop: partner.coopId,
      slug: partner.coopSlug,
      cred: partner.credentialId,
      name: partner.clientName,
      mid: partner.merchantId,
      scope: partner.scopes.join(' '),
      rl: rateLimitPerMinute,
      typ: 'partner',
    };
    return this.jwt.sign(claims, {
      algorithm: PARTNER_TOKEN_ALGORITHM,
      issuer: this.issuer,
      audience: this.audience,
      expiresIn: PARTNER_TOKEN_TTL_SECONDS,
    });
  }
}

/** The principal of a verified payload, or null when its claims are not a partner token's. */
export function partnerClaimsOf(payload: unknown): { partner: PartnerPrincipal; rateLimit: number } | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { sub, coop, slug, cred, name, mid, scope, rl, typ } = payload as Record<string, unknown>;
  if (typ !== 'partner' || !isUuid(sub) || !isUuid(coop) || !isUuid(cred)) return null;
  if (typeof slug !== 'string' || typeof name !== 'string' || typeof scope !== 'string') return null;
  if (!(mid === null || isUuid(mid)) || typeof rl !== 'number' || !Number.isInteger(rl) || rl < 1) return null;
  const scopes = scope.split(' ');
  if (!scopes.every((s) => (PARTNER_SCOPES as readonly string[]).includes(s))) return null;
  return {
    partner: {
      kind: 'partner',
      coopId: coop,
      coopSlug: slug,
      clientId: sub,
      clientName: name,
      merchantId: mid,
      scopes: scopes as PartnerScope[],
      credentialId: cred,
    },
    rateLimit: rl,
  };
}
