import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import type { CoopRole, MembershipSummary, Principal, SessionResponse } from '@federacycle/contracts';
import { Database, pgErrorCode, type Precondition, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { AccessTokenService, type AccessClaims } from '../auth/access-token.service';
import type { Caller } from '../auth/current-principal.decorator';
import { IDENTITY_OPTIONS, type IdentityOptions } from '../shared/identity-options';
import { hashToken, newToken } from '../shared/secrets';
import { User } from '../users/user.entity';
import { Session } from './session.entity';

/**
 * A person's membership with its coop, as `user_memberships()` answers it (a SECURITY DEFINER
 * function: the sign-in path reads a person's coops across tenants, that person's rows only).
 */
export interface UserMembership {
  coopId: string;
  coopSlug: string;
  coopName: string;
  roles: CoopRole[];
  status: 'active' | 'disabled';
  merchantIds: string[];
}

/** The user fields a principal shows. */
export type PrincipalUser = Pick<User, 'id' | 'email' | 'name' | 'platformRoles'> & Partial<Pick<User, 'locale'>>;

/** A session row read for its rotation or its end, locked `for update`. */
export type LockedSession = Session;

const USER_MEMBERSHIPS_SQL =
  'select coop_id as "coopId", slug as "coopSlug", name as "coopName", roles, status, merchant_ids as "merchantIds" from user_memberships($1)';

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
  memberships(tx: Tx, userId: string): Promise<UserMembership[]> {
    return tx.query<UserMembership>(USER_MEMBERSHIPS_SQL, [userId]);
  }

  findUser(tx: Tx, userId: string): Promise<User | null> {
    return tx.manager.findOneBy(User, { id: userId });
  }

  /** Opens a session row (a new family unless `familyId` is given) and returns the token pair. */
  async issue(
    tx: Tx,
    user: PrincipalUser,
    coopId: string | null,
    memberships: readonly UserMembership[],
    familyId?: string,
  ): Promise<SessionResponse & { sessionId: string }> {
    const refreshToken = newToken();
    const inserted = await tx.manager.insert(Session, {
      familyId: familyId ?? randomUUID(),
      userId: user.id,
      selectedCoopId: coopId,
      refreshHash: hashToken(refreshToken),
      expiresAt: new Date(Date.now() + this.options.refreshTokenTtlSeconds * 1000),
    });
    const { id } = inserted.identifiers[0] as Pick<Session, 'id'>;
    const principal = toPrincipal(user, coopId, memberships, id);
    return {
      sessionId: id,
      accessToken: this.tokens.sign({
        sub: user.id,
        sid: id,
        coop: coopId,
        roles: principal.roles,
        plat: principal.platformRoles,
        mids: principal.merchantIds,
      }),
      refreshToken,
      expiresIn: this.tokens.ttlSeconds,
      principal,
      memberships: summaries(memberships),
    };
  }

  /** The session row of a refresh token, locked for its rotation. */
  findByRefreshToken(tx: Tx, refreshToken: string): Promise<LockedSession | null> {
    return this.locked(tx, { refreshHash: hashToken(refreshToken) });
  }

  findById(tx: Tx, sessionId: string): Promise<LockedSession | null> {
    return this.locked(tx, { id: sessionId });
  }

  private async locked(
    tx: Tx,
    where: Pick<Session, 'id'> | Pick<Session, 'refreshHash'>,
  ): Promise<LockedSession | null> {
    return tx.manager.findOne(Session, { where, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Marks `old` as replaced by `next`; false when someone rotated (or revoked) it first.
   * A conditional update, kept as SQL: it must touch exactly one row, and only a session not
   * yet replaced nor revoked, so two rotations of one refresh token cannot both succeed.
   */
  async markReplaced(tx: Tx, oldId: string, nextId: string): Promise<boolean> {
    const touched = await tx.execute(
      'update sessions set replaced_by = $2 where id = $1 and replaced_by is null and revoked_at is null',
      [oldId, nextId],
    );
    return touched === 1;
  }

  async revokeFamily(tx: Tx, familyId: string): Promise<void> {
    await tx.manager.update(Session, { familyId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }

  async revokeAllOfUser(tx: Tx, userId: string): Promise<void> {
    await tx.manager.update(Session, { userId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }

  /**
   * The check that the session behind verified claims is still live: the session not revoked,
   * the user active and, when the token names a coop, the membership active, with the roles
   * the token was issued with (SQL function assert_session, one primary-key lookup each). It
   * raises instead of answering, so it can travel ahead of a unit of work (see Precondition).
   */
  sessionCheck(claims: AccessClaims): Precondition {
    return {
      sql: 'select assert_session($1, $2, $3, $4, $5, $6)',
      params: [claims.sid, claims.sub, claims.coop, claims.roles, claims.plat, claims.mids],
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
    merchantIds: claims.coop === null ? [] : [...claims.mids],
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

/** Whether a session row is past its expiry. */
export function isExpired(session: Pick<Session, 'expiresAt'>, now = new Date()): boolean {
  return session.expiresAt.getTime() <= now.getTime();
}

export function toPrincipal(
  user: PrincipalUser,
  coopId: string | null,
  memberships: readonly UserMembership[],
  sessionId: string,
): Principal {
  const selected = coopId === null ? undefined : memberships.find((m) => m.coopId === coopId && m.status === 'active');
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    coopId,
    roles: selected ? [...selected.roles] : [],
    platformRoles: [...user.platformRoles],
    sessionId,
    merchantIds: selected ? [...(selected.merchantIds ?? [])] : [],
    locale: user.locale ?? null,
  };
}

/** The coop switcher: active memberships only. */
export function summaries(memberships: readonly UserMembership[]): MembershipSummary[] {
  return memberships
    .filter((m) => m.status === 'active')
    .map((m) => ({ coopId: m.coopId, coopSlug: m.coopSlug, coopName: m.coopName, roles: [...m.roles] }));
}

/** The coop a session opens on: the asked one (must be an active membership), else the first. */
export function chooseCoop(memberships: readonly UserMembership[], asked: string | undefined): string | null {
  const active = memberships.filter((m) => m.status === 'active');
  if (asked !== undefined) {
    if (!active.some((m) => m.coopId === asked)) {
      throw new ApiException(403, 'NO_MEMBERSHIP', 'You are not an active member of this cooperative');
    }
    return asked;
  }
  return active[0]?.coopId ?? null;
}
