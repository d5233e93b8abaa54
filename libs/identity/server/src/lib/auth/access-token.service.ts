import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { COOP_ROLES, PLATFORM_ROLES, type CoopRole, type PlatformRole } from '@federacycle/contracts';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';
import { ApiException, isUuid } from '@federacycle/platform-http';

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
  typ: 'access';
}

const ALGORITHM = 'HS256';

/**
 * Short-lived access JWTs: HS256 only, issuer and audience pinned on both signing and
 * verification. `alg: none`, other algorithms, other issuers or audiences are refused.
 */
@Injectable()
export class AccessTokenService {
  private readonly jwt: JwtService;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    // A KeyObject, made once: given a string, jsonwebtoken tries (and fails) to parse it as a
    // public key on every verification, which cost a fifth of the API's CPU per request.
    this.jwt = new JwtService({ secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) });
  }

  get ttlSeconds(): number {
    return this.config.accessTokenTtlSeconds;
  }

  sign(claims: Omit<AccessClaims, 'typ'>): string {
    const payload: AccessClaims = { ...claims, typ: 'access' };
    return this.jwt.sign(payload, {
      algorithm: ALGORITHM,
      issuer: this.config.jwtIssuer,
      audience: this.config.jwtAudience,
      expiresIn: this.config.accessTokenTtlSeconds,
    });
  }

  /** Verifies a token: 401 TOKEN_EXPIRED when only its time is up, 401 TOKEN_INVALID otherwise. */
  verify(token: string): AccessClaims {
    let decoded: Record<string, unknown>;
    try {
      decoded = this.jwt.verify<Record<string, unknown>>(token, {
        algorithms: [ALGORITHM],
        issuer: this.config.jwtIssuer,
        audience: this.config.jwtAudience,
      });
    } catch (error) {
      if (error instanceof TokenExpiredError) {
        throw new ApiException(401, 'TOKEN_EXPIRED', 'The access token has expired; refresh it');
      }
      throw invalid();
    }
    const { sub, sid, coop, roles, plat, typ } = decoded;
    if (typ !== 'access' || !isUuid(sub) || !isUuid(sid) || !(coop === null || isUuid(coop))) throw invalid();
    if (!isListOf(roles, COOP_ROLES) || !isListOf(plat, PLATFORM_ROLES)) throw invalid();
    return { sub, sid, coop, roles, plat, typ };
  }
}

function isListOf<T extends string>(value: unknown, allowed: readonly T[]): value is T[] {
  return Array.isArray(value) && value.every((item) => (allowed as readonly unknown[]).includes(item));
}

function invalid(): ApiException {
  return new ApiException(401, 'TOKEN_INVALID', 'The access token is not valid; sign in again');
}
