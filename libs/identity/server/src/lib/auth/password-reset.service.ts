import { Inject, Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';
import { Database } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { MailService } from '../mail/mail.service';
import { SessionsService } from '../sessions/sessions.service';
import { IDENTITY_OPTIONS, type IdentityOptions } from '../shared/identity-options';
import { assertPasswordNotCommon } from '../shared/password-policy';
import { hashPassword } from '../shared/passwords';
import { hashToken, newToken, normalizeEmail } from '../shared/secrets';
import { ThrottleService } from '../throttle/throttle.service';
import { User } from '../users/user.entity';
import { userByEmail } from '../users/users.repository';
import { PasswordReset } from './password-reset.entity';

const isPast = (at: Date): boolean => at.getTime() <= Date.now();

/**
 * Password recovery by an emailed single-use link (1 hour). The request answers the same
 * way whether or not the email is registered; the mail is sent after the answer.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(MailService) private readonly mail: MailService,
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Inject(ThrottleService) private readonly throttle: ThrottleService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  async requestReset(rawEmail: string, ip: string): Promise<void> {
    const email = normalizeEmail(rawEmail);
    await this.throttle.consume([
      ['reset:ip', ip],
      ['reset:account', email],
    ]);
    const token = newToken();
    const user = await this.db.platform(async ({ manager }) => {
      const found = await userByEmail(manager, email);
      if (!found || found.status !== 'active') return null;
      await manager.insert(PasswordReset, {
        tokenHash: hashToken(token),
        userId: found.id,
        expiresAt: new Date(Date.now() + this.options.passwordResetTtlSeconds * 1000),
      });
      return found;
    });
    if (!user) return;
    const link = `${this.config.publicUrl.replace(/\/$/, '')}/reset-password?token=${token}`;
    this.mail.sendInBackground({
      to: user.email,
      subject: 'Reset your Federacycle password',
      text: `Hello ${user.name},\n\nTo choose a new password, open this link within one hour:\n${link}\n\nIf you did not ask for this, ignore this mail.\n`,
      link,
    });
  }

  /** Spends the link, sets the password and ends every session of the account. */
  async reset(token: string, password: string, ip: string): Promise<void> {
    await this.throttle.consume([['reset:ip', ip]]);
    const hash = hashToken(token);
    // cheap check first: the (slow) password hash is computed for live links only
    const reset = await this.db.platform(({ manager }) =>
      manager.findOne(PasswordReset, {
        where: { tokenHash: hash, usedAt: IsNull() },
        relations: { user: true },
        select: { tokenHash: true, expiresAt: true, user: { id: true, email: true, name: true } },
      }),
    );
    if (reset && isPast(reset.expiresAt))
      throw new ApiException(400, 'LINK_EXPIRED', 'This link has expired; ask for a new one');
    if (!reset) throw new ApiException(400, 'LINK_INVALID', 'This link is not valid or was already used');
    // the link stays usable: a refused password spends nothing
    assertPasswordNotCommon(password, { email: reset.user?.email, name: reset.user?.name });
    const passwordHash = await hashPassword(password);
    const outcome = await this.db.platform(async (tx) => {
      // A conditional update, kept as SQL: it spends the link once, even under concurrent
      // submissions (the second touches no row), and never an expired one.
      const spent = await tx.maybeOne<{ userId: string }>(
        `update password_resets set used_at = now()
          where token_hash = $1 and used_at is null and expires_at > now()
          returning user_id as "userId"`,
        [hash],
      );
      if (!spent) return 'invalid';
      const { affected } = await tx.manager.update(
        User,
        { id: spent.userId, status: 'active' },
        { passwordHash, updatedAt: () => 'now()' },
      );
      if (affected !== 1) return 'invalid';
      await this.sessions.revokeAllOfUser(tx, spent.userId);
      return 'done';
    });
    if (outcome === 'invalid')
      throw new ApiException(400, 'LINK_INVALID', 'This link is not valid or was already used');
  }
}
