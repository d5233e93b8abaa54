import { Inject, Injectable } from '@nestjs/common';
import type { FieldError, SessionResponse } from '@federacycle/contracts';
import { Database, TenantContext } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { JobName, writeOutbox } from '@federacycle/platform-queue';
import { liveInvitation } from '../../invitations/invitations.service';
import { SessionsService, type UserRow } from '../../sessions/sessions.service';
import { assertPasswordNotCommon } from '../../shared/password-policy';
import { hashPassword } from '../../shared/passwords';
import { ThrottleService } from '../../throttle/throttle.service';

export interface AcceptInvitationCommand {
  token: string;
  name?: string;
  password?: string;
  ip: string;
}

/**
 * Accepting an invitation, in one transaction of the invitation's coop: spend the link
 * (a conditional update: a link works once), create the account when the email has
 * none (name and password required), add or widen the membership, record the audit
 * event, open a session on that coop.
 */
@Injectable()
export class AcceptInvitationUseCase {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Inject(ThrottleService) private readonly throttle: ThrottleService,
  ) {}

  async execute(command: AcceptInvitationCommand): Promise<SessionResponse> {
    await this.throttle.consume([
      ['invitation:ip', command.ip],
      ['invitation:account', command.token],
    ]);
    const invitation = await this.db.platform((tx) => liveInvitation(tx, command.token));
    const existing = await this.db.platform((tx) =>
      tx.maybeOne<UserRow>('select id, email, name, status, platform_roles from users where lower(email) = $1', [
        invitation.email,
      ]),
    );
    let passwordHash: string | null = null;
    if (!existing) {
      const errors: FieldError[] = [];
      if (!command.name?.trim())
        errors.push({ field: 'name', code: 'isNotEmpty', message: 'name is required for a new account' });
      if (!command.password)
        errors.push({ field: 'password', code: 'isNotEmpty', message: 'password is required for a new account' });
      if (errors.length) throw ApiException.validation(errors);
      assertPasswordNotCommon(command.password as string, { email: invitation.email, name: command.name });
      passwordHash = await hashPassword(command.password as string);
    } else if (existing.status !== 'active') {
      throw new ApiException(401, 'USER_DISABLED', 'This account is disabled');
    }

    TenantContext.enterCoop(invitation.coop_id, existing?.id ?? null);
    const response = await this.db.unitOfWork(async (tx) => {
      const spent = await tx.execute(
        `update invitations set accepted_at = now()
          where coop_id = $1 and id = $2 and accepted_at is null and revoked_at is null and expires_at > now()`,
        [invitation.coop_id, invitation.id],
      );
      if (spent !== 1)
        throw new ApiException(404, 'LINK_INVALID', 'This invitation link is not valid or was already used');
      const user =
        existing ??
        (await tx.one<UserRow>(
          `insert into users (email, name, password_hash) values ($1, $2, $3)
           returning id, email, name, status, platform_roles`,
          [invitation.email, (command.name as string).trim(), passwordHash],
        ));
      TenantContext.enterCoop(invitation.coop_id, user.id);
      await tx.execute('update invitations set accepted_by = $3 where coop_id = $1 and id = $2', [
        invitation.coop_id,
        invitation.id,
        user.id,
      ]);
      await tx.execute(
        `insert into memberships (coop_id, user_id, roles) values ($1, $2, $3)
         on conflict (coop_id, user_id) do update
           set roles = array(select distinct r from unnest(memberships.roles || excluded.roles) r order by r),
               status = 'active', updated_at = now()`,
        [invitation.coop_id, user.id, invitation.roles],
      );
      await writeOutbox(tx, JobName.AUDIT_RECORD, {
        action: 'invitation.accepted',
        subjectType: 'invitation',
        subjectId: invitation.id,
        data: { userId: user.id, roles: invitation.roles, newAccount: existing === null },
      });
      const memberships = await this.sessions.memberships(tx, user.id);
      const { sessionId: _sessionId, ...session } = await this.sessions.issue(
        tx,
        user,
        invitation.coop_id,
        memberships,
      );
      return session;
    });
    return response;
  }
}
