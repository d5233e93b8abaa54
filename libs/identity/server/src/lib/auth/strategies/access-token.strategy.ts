import type { KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import passport from 'passport';
import { Strategy as JwtStrategy, type JwtFromRequestFunction, type SecretOrKeyProvider } from 'passport-jwt';
import { COOP_ROLES, PLATFORM_ROLES } from '@federacycle/contracts';
import { pgErrorCode, type Precondition } from '@federacycle/platform-database';
import { ApiException, isUuid } from '@federacycle/platform-http';
import { SessionsService, callerOf } from '../../sessions/sessions.service';
import { ACCESS_TOKEN_ALGORITHM, AccessTokenService, type AccessClaims } from '../access-token.service';
import type { AuthStrategy, Authentication } from './authentication';

/** The passport name of the access-token strategy. */
export const ACCESS_TOKEN_STRATEGY = 'jwt';

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/;

/** The compact JWS of `Authorization: Bearer <jwt>`, or null (passport then fails: TOKEN_INVALID). */
export const bearerToken: JwtFromRequestFunction = (request: { headers?: Record<string, unknown> }) => {
  const header = request.headers?.['authorization'];
  if (typeof header !== 'string') return null;
  return BEARER.exec(header)?.[1] ?? null;
};

/**
 * Access tokens through passport-jwt: jsonwebtoken verifies the signature with the HS256
 * KeyObject (algorithm, issuer and audience pinned; `alg: none`, other algorithms, issuers or
 * audiences are refused; expiry checked), then `validate()` checks the claims and builds the
 * principal. A failure answers 401 TOKEN_EXPIRED when only the time is up, 401 TOKEN_INVALID
 * otherwise. The session behind the token is checked by the statement `check()` returns.
 */
@Injectable()
export class AccessTokenStrategy extends PassportStrategy(JwtStrategy, ACCESS_TOKEN_STRATEGY) implements AuthStrategy {
  readonly scheme = 'Bearer';

  constructor(
    @Inject(AccessTokenService) tokens: AccessTokenService,
    @Inject(SessionsService) private readonly sessions: SessionsService,
  ) {
    super({
      jwtFromRequest: bearerToken,
      secretOrKeyProvider: keyProvider(tokens.key),
      algorithms: [ACCESS_TOKEN_ALGORITHM],
      issuer: tokens.issuer,
      audience: tokens.audience,
      ignoreExpiration: false,
    });
  }

  /**
   * Where @nestjs/passport registers the strategy as it is built: a detached authenticator, not
   * passport's global one. `AuthStrategyRegistry` registers it in this app's own.
   */
  getPassportInstance(): InstanceType<typeof passport.Passport> {
    return new passport.Passport();
  }

  validate(payload: unknown): Authentication {
    const claims = accessClaimsOf(payload);
    const sessions = this.sessions;
    return {
      strategy: ACCESS_TOKEN_STRATEGY,
      caller: callerOf(claims),
      check: (coopWrite) => (coopWrite ? writableSessionCheck(sessions, claims) : sessions.sessionCheck(claims)),
    };
  }

  refusal(info: unknown): ApiException {
    if (info instanceof Error && info.name === 'TokenExpiredError') {
      return new ApiException(401, 'TOKEN_EXPIRED', 'The access token has expired; refresh it');
    }
    return invalid();
  }
}

/**
 * passport-jwt hands the key as given to jsonwebtoken.verify, which takes a KeyObject
 * (jsonwebtoken 9: a KeyObject is used as is; a string is re-parsed at every verification).
 * @types/passport-jwt only knows strings and Buffers, hence the one cast.
 */
function keyProvider(key: KeyObject): SecretOrKeyProvider {
  return (_request, _rawToken, done) => done(null, key as unknown as Buffer);
}

/** The claims of a verified payload: an access token's, with well-formed ids and known roles only. */
export function accessClaimsOf(payload: unknown): AccessClaims {
  if (typeof payload !== 'object' || payload === null) throw invalid();
  const { sub, sid, coop, roles, plat, mids, typ } = payload as Record<string, unknown>;
  if (typ !== 'access' || !isUuid(sub) || !isUuid(sid) || !(coop === null || isUuid(coop))) throw invalid();
  if (!isListOf(roles, COOP_ROLES) || !isListOf(plat, PLATFORM_ROLES)) throw invalid();
  // tokens signed before merchant scoping carry no `mids`: none (the session check then refuses
  // the token of a scoped member as stale, and the refresh brings the ids)
  const merchantIds = mids === undefined ? [] : mids;
  if (!Array.isArray(merchantIds) || !merchantIds.every(isUuid)) throw invalid();
  return { sub, sid, coop, roles, plat, mids: merchantIds as string[], typ };
}

/**
 * The write's check: the session check (assert_session) and, when the token names a coop, that
 * the coop accepts writes (status active), in one statement (assert_session_writable, migration
 * 0012): a suspended or offboarding coop is read-only for its people.
 */
export function writableSessionCheck(sessions: SessionsService, claims: AccessClaims): Precondition {
  const session = sessions.sessionCheck(claims);
  return {
    sql: 'select assert_session_writable($1, $2, $3, $4, $5, $6)',
    params: session.params,
    translate: (error) => coopStandingError(error) ?? session.translate(error),
    passed: false,
  };
}

function coopStandingError(error: unknown): ApiException | null {
  if (pgErrorCode(error) !== 'FCCOP') return null;
  // assert_session_writable raises with the coop's status as its message
  const status = error instanceof Error ? error.message : '';
  return new ApiException(403, 'COOP_SUSPENDED', readOnlyMessage(status));
}

function readOnlyMessage(status: string): string {
  switch (status) {
    case 'offboarding':
      return 'Your cooperative is leaving the federation: it is read-only (your admins can still download the export)';
    case 'offboarded':
      return 'Your cooperative has left the federation: it is read-only';
    default:
      return 'Your cooperative is suspended by the federation: it is read-only until it is reinstated (you can still read and export your data)';
  }
}

function isListOf<T extends string>(value: unknown, allowed: readonly T[]): value is T[] {
  return Array.isArray(value) && value.every((item) => (allowed as readonly unknown[]).includes(item));
}

function invalid(): ApiException {
  return new ApiException(401, 'TOKEN_INVALID', 'The access token is not valid; sign in again');
}
