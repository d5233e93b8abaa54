import { Inject, Injectable } from '@nestjs/common';
import type { SessionResponse } from '@federacycle/contracts';
import { Database } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { SessionsService, chooseCoop } from '../../sessions/sessions.service';
import { verifyPassword } from '../../shared/passwords';
import { normalizeEmail } from '../../shared/secrets';
import { ThrottleService } from '../../throttle/throttle.service';
import { userByEmail } from '../../users/users.repository';

export interface SignInCommand {
  email: string;
  password: string;
  coopId?: string;
  ip: string;
}

/**
 * Sign-in: throttled by failures per account and per IP (see SIGN_IN_POLICY: a right
 * password is never refused for others' successes, only delayed a little after failures),
 * one argon2 verification whether or not the email exists, one answer (and the same
 * throttling) for "no such email" and "wrong password".
 */
@Injectable()
export class SignInUseCase {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Inject(ThrottleService) private readonly throttle: ThrottleService,
  ) {}

  async execute(command: SignInCommand): Promise<SessionResponse> {
    const email = normalizeEmail(command.email);
    await this.throttle.admitSignIn(command.ip, email);
    const user = await this.db.platform(({ manager }) => userByEmail(manager, email, { withPasswordHash: true }));
    const valid = await verifyPassword(user?.passwordHash ?? null, command.password);
    if (!user || !valid) {
      await this.throttle.signInFailed(email);
      throw new ApiException(401, 'INVALID_CREDENTIALS', 'Email or password is wrong');
    }
    await this.throttle.signedIn(command.ip, email);
    if (user.status !== 'active') throw new ApiException(401, 'USER_DISABLED', 'This account is disabled');
    return this.db.platform(async (tx) => {
      const memberships = await this.sessions.memberships(tx, user.id);
      const coopId = chooseCoop(memberships, command.coopId);
      const { sessionId: _sessionId, ...response } = await this.sessions.issue(tx, user, coopId, memberships);
      return response;
    });
  }
}
