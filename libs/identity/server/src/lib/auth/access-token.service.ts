import { createSecretKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { CoopRole, PlatformRole } from '@federacycle/contracts';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';

/**
 * What an access token says: who, which session, which coop, and the roles it was issued
 * with (the guard authorizes with them; the session check refuses them once they change).
 */
export interface AccessClaims {
  sub: string;
  sid: string;
  coop: string | null;
  roles: CoopRole[];
  plat: PlatformRole[];
  /** merchant_staff: the merchants of the coop they act for (the membership's merchant_ids) */
  mids: string[];
  typ: 'access';
}

/** The one algorithm of access tokens, on signing and on verification. */
export const ACCESS_TOKEN_ALGORITHM = 'HS256';

/**
 * Signs the short-lived access JWTs: HS256, issuer and audience pinned. Verification is the
 * passport-jwt strategy's (`AccessTokenStrategy`), with the same key, algorithm, issuer and audience.
 */
@Injectable()
export class AccessTokenService {
  /**
   * A KeyObject, made once: given a string, jsonwebtoken tries (and fails) to parse it as a
   * public key on every verification, which cost a fifth of the API's CPU per request.
   */
  readonly key: KeyObject;
  private readonly jwt: JwtService;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
    this.jwt = new JwtService({ secret: this.key });
  }

  get ttlSeconds(): number {
    return this.config.accessTokenTtlSeconds;
  }

  get issuer(): string {
    return this.config.jwtIssuer;
  }

  get audience(): string {
    return this.config.jwtAudience;
  }

  sign(claims: Omit<AccessClaims, 'typ' | 'mids'> & { mids?: string[] }): string {
    const payload: AccessClaims = { ...claims, mids: claims.mids ?? [], typ: 'access' };
    return this.jwt.sign(payload, {
      algorithm: ACCESS_TOKEN_ALGORITHM,
      issuer: this.config.jwtIssuer,
      audience: this.config.jwtAudience,
      expiresIn: this.config.accessTokenTtlSeconds,
    });
  }
}
