import { Inject, Injectable } from '@nestjs/common';
import type { CoopRole, FieldError, SessionResponse } from '@federacycle/contracts';
import { Coop, Database, TenantContext, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { AUDIT_RECORD_JOB, writeOutbox } from '@federacycle/platform-queue';
import { Invitation } from '../../invitations/invitation.entity';
import { liveInvitation, spendInvitation } from '../../invitations/invitations.service';
import { Membership } from '../../members/membership.entity';
import { SessionsService } from '../../sessions/sessions.service';
import { assertPasswordNotCommon } from '../../shared/password-policy';
import { hashPassword } from '../../shared/passwords';
import { ThrottleService } from '../../throttle/throttle.service';
import { User } from '../../users/user.entity';
import { userByEmail } from '../../users/users.repository';

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
    const { invitation, existing } = await this.db.platform(async ({ manager }) => {
      const live = await liveInvitation(manager, command.token);
      return { invitation: live, existing: await userByEmail(manager, live.email) };
    });
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

    TenantContext.enterCoop(invitation.coopId, existing?.id ?? null);
    const response = await this.db.unitOfWork(async (tx) => {
      // a suspended or offboarding coop is read-only: it takes no new people (ARCHITECTURE.md)
      const coop = await tx.manager.findOne(Coop, { where: { id: invitation.coopId }, select: { status: true } });
      if (coop?.status !== 'active')
        throw new ApiException(403, 'COOP_SUSPENDED', 'This cooperative is suspended: it cannot take new members now');
      // then: a link works once (conditional update), before anything is written for it
      if (!(await spendInvitation(tx, invitation.coopId, invitation.id)))
        throw new ApiException(404, 'LINK_INVALID', 'This invitation link is not valid or was already used');
      const user = existing ?? (await this.createUser(tx, invitation.email, command.name as string, passwordHash));
      TenantContext.enterCoop(invitation.coopId, user.id);
      await tx.manager.update(Invitation, { coopId: invitation.coopId, id: invitation.id }, { acceptedBy: user.id });
      await this.grant(tx, invitation.coopId, user.id, invitation.roles);
      await writeOutbox(tx, AUDIT_RECORD_JOB, {
        action: 'invitation.accepted',
        subjectType: 'invitation',
        subjectId: invitation.id,
        data: { userId: user.id, roles: invitation.roles, newAccount: existing === null },
      });
      const memberships = await this.sessions.memberships(tx, user.id);
      const { sessionId: _sessionId, ...session } = await this.sessions.issue(tx, user, invitation.coopId, memberships);
      return session;
    });
    return response;
  }

  private async createUser(tx: Tx, email: string, name: string, passwordHash: string | null): Promise<User> {
    const user = tx.manager.create(User, { email, name: name.trim(), passwordHash: passwordHash as string });
    // the insert returns the generated id and the defaults (status, platform roles) into `user`
    await tx.manager.insert(User, user);
    return user;
  }

  /**
   * Adds the invitation's roles to the person's membership of the coop (re-activated), or
   * creates it. The membership row is locked first, so the roles are widened from its current
   * value (two accepts of one person's invitations in one coop cannot race: one pending
   * invitation per email per coop, spent once).
   */
  private async grant(tx: Tx, coopId: string, userId: string, roles: CoopRole[]): Promise<void> {
    const membership = await tx.manager.findOne(Membership, {
      where: { coopId, userId },
      select: { coopId: true, userId: true, roles: true },
      lock: { mode: 'pessimistic_write' },
    });
    if (!membership) {
      await tx.manager.insert(Membership, { coopId, userId, roles });
      return;
    }
    const widened = [...new Set([...membership.roles, ...roles])].sort();
    await tx.manager.update(
      Membership,
      { coopId, userId },
      { roles: widened, status: 'active', updatedAt: () => 'now()' },
    );
  }
}
