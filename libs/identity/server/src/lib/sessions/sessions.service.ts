import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { CoopRole, MembershipSummary, PlatformRole, Principal, SessionResponse } from '@federacycle/contracts';
import { Database, pgErrorCode, type Precondition, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { AccessTokenService, type AccessClaims } from '../auth/access-token.service';
import type { Caller } from '../auth/current-principal.decorator';
import { IDENTITY_OPTIONS, type IdentityOptions } from '../shared/identity-options';
import { hashToken, newToken } from '../shared/secrets';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  status: 'active' | 'disabled';
  platform_roles: PlatformRole[];
}

export interface MembershipRow {
  coop_id: string;
  slug: string;
  name: string;
  roles: CoopRole[];
  status: 'active' | 'disabled';
}

export interface SessionRow {
  id: string;
  family_id: string;
  user_id: string;
  selected_coop_id: string | null;
  expired: boolean;
  revoked_at: Date | null;
  replaced_by: string | null;
}

/**
 * Sessions: one row per refresh token, rows of one sign-in share a family. Issues the
 * token pair, rotates, revokes, and checks that the session behind an access token is live.
 */
@Injectable()
export class SessionsService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(AccessTokenService) private readonly tokens: AccessTokenService,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  /** A person's memberships, every coop (SECURITY DEFINER function; only this user's rows). */
  memberships(tx: Tx, userId: string): Promise<MembershipRow[]> {
    return tx.query<MembershipRow>('select coop_id, slug, name, roles, status from user_memberships($1)', [userId]);
  }

  findUser(tx: Tx, userId: string): Promise<UserRow | null> {
    return tx.maybeOne<UserRow>('select id, email, name, status, platform_roles from users where id = $1', [userId]);
  }

  /** Opens a session row (a new family unless `familyId` is given) and returns the token pair. */
  async issue(
    tx: Tx,
    user: UserRow,
    coopId: string | null,
    memberships: readonly MembershipRow[],
    familyId?: string,
  ): Promise<SessionResponse & { sessionId: string }> {
    const refreshToken = newToken();
    const row = await tx.one<{ id: string }>(
      `insert into sessions (family_id, user_id, selected_coop_id, refresh_hash, expires_at)
       values ($1, $2, $3, $4, now() + make_interval(secs => $5))
       returning id`,
      [familyId ?? randomUUID(), user.id, coopId, hashToken(refreshToken), this.options.refreshTokenTtlSeconds],
    );
    const principal = toPrincipal(user, coopId, memberships, row.id);
    return {
      sessionId: row.id,
      accessToken: this.tokens.sign({
        sub: user.id,
        sid: row.id,
        coop: coopId,
        roles: principal.roles,
        plat: principal.platformRoles,
      }),
      refreshToken,
      expiresIn: this.tokens.ttlSeconds,
      principal,
      memberships: summaries(memberships),
    };
  }

  /** The session row of a refresh token, locked for its rotation. */
  findByRefreshToken(tx: Tx, refreshToken: string): Promise<SessionRow | null> {
    return tx.maybeOne<SessionRow>(
      `select id, family_id, user_id, selected_coop_id, expires_at <= now() as expired, revoked_at, replaced_by
         from sessions where refresh_hash = $1 for update`,
      [hashToken(refreshToken)],
    );
  }

  findById(tx: Tx, sessionId: string): Promise<SessionRow | null> {
    return tx.maybeOne<SessionRow>(
      `select id, family_id, user_id, selected_coop_id, expires_at <= now() as expired, revoked_at, replaced_by
         from sessions where id = $1 for update`,
      [sessionId],
    );
  }

  /** Marks `old` as replaced by `next`; false when someone rotated it first. */
  async markReplaced(tx: Tx, oldId: string, nextId: string): Promise<boolean> {
    const touched = await tx.execute(
      'update sessions set replaced_by = $2 where id = $1 and replaced_by is null and revoked_at is null',
      [oldId, nextId],
    );
    return touched === 1;
  }

  async revokeFamily(tx: Tx, familyId: string): Promise<void> {
    await tx.execute('update sessions set revoked_at = now() where family_id = $1 and revoked_at is null', [familyId]);
  }

  async revokeAllOfUser(tx: Tx, userId: string): Promise<void> {
    await tx.execute('update sessions set revoked_at = now() where user_id = $1 and revoked_at is null', [userId]);
  }

  /**
   * The check that the session behind verified claims is still live: the session not revoked,
   * the user active and, when the token names a coop, the membership active, with the roles
   * the token was issued with (SQL function assert_session, one primary-key lookup each). It
   * raises instead of answering, so it can travel ahead of a unit of work (see Precondition).
   */
  sessionCheck(claims: AccessClaims): Precondition {
    return {
      sql: 'select assert_session($1, $2, $3, $4, $5)',
      params: [claims.sid, claims.sub, claims.coop, claims.roles, claims.plat],
      translate: sessionCheckError,
      passed: false,
    };
  }

  /** Runs the session check now, on its own (write requests, before their handler). */
  assertSession(claims: AccessClaims): Promise<void> {
    return this.db.check(this.sessionCheck(claims));
  }
}

/** The caller as an access token describes it (the guard has checked its signature and claims). */
export function callerOf(claims: AccessClaims): Caller {
  return {
    userId: claims.sub,
    coopId: claims.coop,
    roles: claims.coop === null ? [] : [...claims.roles],
    platformRoles: [...claims.plat],
    sessionId: claims.sid,
  };
}

/** assert_session's SQLSTATEs as the API's answers; anything else is not a verdict and passes through. */
function sessionCheckError(error: unknown): Error {
  switch (pgErrorCode(error)) {
    case 'FCSES':
      return new ApiException(401, 'SESSION_REVOKED', 'This session has ended; sign in again');
    case 'FCUSR':
      return new ApiException(401, 'USER_DISABLED', 'This account is disabled');
    case 'FCMEM':
      return new ApiException(403, 'NO_MEMBERSHIP', 'You are not an active member of this cooperative');
    case 'FCSTL':
      return new ApiException(401, 'TOKEN_STALE', 'Your roles have changed; refresh the access token');
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}

export function toPrincipal(
  user: UserRow,
  coopId: string | null,
  memberships: readonly MembershipRow[],
  sessionId: string,
): Principal {
  const selected = coopId === null ? undefined : memberships.find((m) => m.coop_id === coopId && m.status === 'active');
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    coopId,
    roles: selected ? [...selected.roles] : [],
    platformRoles: [...user.platform_roles],
    sessionId,
  };
}

/** The coop switcher: active memberships only. */
export function summaries(memberships: readonly MembershipRow[]): MembershipSummary[] {
  return memberships
    .filter((m) => m.status === 'active')
    .map((m) => ({ coopId: m.coop_id, coopSlug: m.slug, coopName: m.name, roles: [...m.roles] }));
}

/** The coop a session opens on: the asked one (must be an active membership), else the first. */
export function chooseCoop(memberships: readonly MembershipRow[], asked: string | undefined): string | null {
  const active = memberships.filter((m) => m.status === 'active');
  if (asked !== undefined) {
    if (!active.some((m) => m.coop_id === asked)) {
      throw new ApiException(403, 'NO_MEMBERSHIP', 'You are not an active member of this cooperative');
    }
    return asked;
  }
  return active[0]?.coop_id ?? null;
}
