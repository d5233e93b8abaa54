import { Inject, Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';
import { ApiException, isUuid } from '@federacycle/platform-http';

/** What an access token says: who, which session, which coop. */
export interface AccessClaims {
  sub: string;
  sid: string;
  coop: string | null;
  typ: 'access';
}

const ALGORITHM = 'HS256';

/**
 * Short-lived access JWTs: HS256 only, issuer and audience pinned on both signing and
 * verification. `alg: none`, other algorithms, other issuers or audiences are refused.
 */
@Injectable()
export class AccessTokenService {
  private readonly jwt = new JwtService();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get ttlSeconds(): number {
    return this.config.accessTokenTtlSeconds;
  }

  sign(claims: Omit<AccessClaims, 'typ'>): string {
    const payload: AccessClaims = { ...claims, typ: 'access' };
    return this.jwt.sign(payload, {
      secret: this.config.jwtSecret,
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
        secret: this.config.jwtSecret,
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
    const { sub, sid, coop, typ } = decoded;
    if (typ !== 'access' || !isUuid(sub) || !isUuid(sid) || !(coop === null || isUuid(coop))) throw invalid();
    return { sub, sid, coop, typ };
  }
}

function invalid(): ApiException {
  return new ApiException(401, 'TOKEN_INVALID', 'The access token is not valid; sign in again');
}
