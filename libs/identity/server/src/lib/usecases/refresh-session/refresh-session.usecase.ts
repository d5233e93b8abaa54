import { Inject, Injectable } from '@nestjs/common';
import type { ErrorCode, SessionResponse } from '@federacycle/contracts';
import { Database, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { SessionsService, chooseCoop, isExpired, type LockedSession } from '../../sessions/sessions.service';

export interface RefreshSessionCommand {
  refreshToken: string;
}

export interface SwitchCoopCommand {
  sessionId: string;
  coopId: string;
}

type Outcome = { ok: true; response: SessionResponse } | { ok: false; error: ApiException };

/**
 * Rotation of refresh tokens: every use spends the token and returns a new one. A spent
 * token presented again means it leaked (or a client raced itself): the whole family is
 * revoked, so the thief's copy and the owner's both stop working. Revocations commit
 * before the error is answered.
 */
@Injectable()
export class RefreshSessionUseCase {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(SessionsService) private readonly sessions: SessionsService,
  ) {}

  async execute(command: RefreshSessionCommand): Promise<SessionResponse> {
    const outcome = await this.db.platform(async (tx): Promise<Outcome> => {
      const session = await this.sessions.findByRefreshToken(tx, command.refreshToken);
      if (!session) return fail(401, 'TOKEN_INVALID', 'This refresh token is not valid; sign in again');
      return this.rotate(tx, session, session.selectedCoopId);
    });
    if (!outcome.ok) throw outcome.error;
    return outcome.response;
  }

  /** Switching coop rotates the caller's current session onto another coop (membership required). */
  async switchCoop(command: SwitchCoopCommand): Promise<SessionResponse> {
    const outcome = await this.db.platform(async (tx): Promise<Outcome> => {
      const session = await this.sessions.findById(tx, command.sessionId);
      if (!session) return fail(401, 'SESSION_REVOKED', 'This session has ended; sign in again');
      return this.rotate(tx, session, command.coopId, true);
    });
    if (!outcome.ok) throw outcome.error;
    return outcome.response;
  }

  private async rotate(tx: Tx, session: LockedSession, coopId: string | null, switching = false): Promise<Outcome> {
    if (session.revokedAt !== null) return fail(401, 'SESSION_REVOKED', 'This session has ended; sign in again');
    if (session.replacedBy !== null) {
      if (switching) return fail(401, 'SESSION_REVOKED', 'This session was refreshed; use the latest token');
      await this.sessions.revokeFamily(tx, session.familyId);
      return fail(401, 'SESSION_REVOKED', 'This refresh token was already used; the session has been ended');
    }
    if (isExpired(session)) return fail(401, 'SESSION_REVOKED', 'This session has expired; sign in again');
    const user = await this.sessions.findUser(tx, session.userId);
    if (!user || user.status !== 'active') {
      await this.sessions.revokeFamily(tx, session.familyId);
      return fail(401, 'USER_DISABLED', 'This account is disabled');
    }
    const memberships = await this.sessions.memberships(tx, user.id);
    let selected: string | null;
    try {
      selected = coopId === null ? null : chooseCoop(memberships, coopId);
    } catch (error) {
      if (!switching) await this.sessions.revokeFamily(tx, session.familyId);
      return { ok: false, error: error as ApiException };
    }
    const { sessionId, ...response } = await this.sessions.issue(tx, user, selected, memberships, session.familyId);
    if (!(await this.sessions.markReplaced(tx, session.id, sessionId))) {
      // rotated concurrently: treat as reuse
      await this.sessions.revokeFamily(tx, session.familyId);
      return fail(401, 'SESSION_REVOKED', 'This refresh token was already used; the session has been ended');
    }
    return { ok: true, response };
  }
}

function fail(status: number, code: ErrorCode, message: string): Outcome {
  return { ok: false, error: new ApiException(status, code, message) };
}
