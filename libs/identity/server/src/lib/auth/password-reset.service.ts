import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';
import { Database } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { MailService } from '../mail/mail.service';
import { SessionsService } from '../sessions/sessions.service';
import { IDENTITY_OPTIONS, type IdentityOptions } from '../shared/identity-options';
import { hashPassword } from '../shared/passwords';
import { hashToken, newToken, normalizeEmail } from '../shared/secrets';
import { ThrottleService } from '../throttle/throttle.service';

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
    const user = await this.db.platform(async (tx) => {
      const found = await tx.maybeOne<{ id: string; email: string; name: string }>(
        "select id, email, name from users where lower(email) = $1 and status = 'active'",
        [email],
      );
      if (found) {
        await tx.execute(
          `insert into password_resets (token_hash, user_id, expires_at)
           values ($1, $2, now() + make_interval(secs => $3))`,
          [hashToken(token), found.id, this.options.passwordResetTtlSeconds],
        );
      }
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
    const state = await this.db.platform((tx) =>
      tx.maybeOne<{ expired: boolean }>(
        'select expires_at <= now() as expired from password_resets where token_hash = $1 and used_at is null',
        [hash],
      ),
    );
    if (state?.expired) throw new ApiException(400, 'LINK_EXPIRED', 'This link has expired; ask for a new one');
    if (!state) throw new ApiException(400, 'LINK_INVALID', 'This link is not valid or was already used');
    const passwordHash = await hashPassword(password);
    const outcome = await this.db.platform(async (tx) => {
      // the conditional update spends the link once, even under concurrent submissions
      const spent = await tx.maybeOne<{ user_id: string }>(
        `update password_resets set used_at = now()
          where token_hash = $1 and used_at is null and expires_at > now()
          returning user_id`,
        [hash],
      );
      if (!spent) return 'invalid';
      const touched = await tx.execute(
        "update users set password_hash = $2, updated_at = now() where id = $1 and status = 'active'",
        [spent.user_id, passwordHash],
      );
      if (touched !== 1) return 'invalid';
      await this.sessions.revokeAllOfUser(tx, spent.user_id);
      return 'done';
    });
    if (outcome === 'invalid')
      throw new ApiException(400, 'LINK_INVALID', 'This link is not valid or was already used');
  }
}
