import { Inject, Injectable } from '@nestjs/common';
import type { CoopRole, InvitationPreview, InvitationView, Page } from '@federacycle/contracts';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';
import { Database, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { JobName, writeOutbox } from '@federacycle/platform-queue';
import { MailService } from '../mail/mail.service';
import { IDENTITY_OPTIONS, type IdentityOptions } from '../shared/identity-options';
import { hashToken, newToken, normalizeEmail } from '../shared/secrets';
import { ThrottleService } from '../throttle/throttle.service';

interface InvitationRow {
  id: string;
  email: string;
  roles: CoopRole[];
  expires_at: Date;
  accepted_at: Date | null;
  created_at: Date;
  total?: string;
}

/** The invitation behind a link, across coops (SECURITY DEFINER function). */
export interface InvitationByToken {
  coop_id: string;
  id: string;
  coop_name: string;
  email: string;
  roles: CoopRole[];
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
}

export const LIST_INVITATIONS_SQL = `
  select id, email, roles, expires_at, accepted_at, created_at, count(*) over () as total
    from invitations
   where coop_id = $1 and revoked_at is null
   order by created_at desc, id
   limit $2 offset $3`;

function toView(row: InvitationRow): InvitationView {
  return {
    id: row.id,
    email: row.email,
    roles: row.roles,
    expiresAt: row.expires_at.toISOString(),
    acceptedAt: row.accepted_at ? row.accepted_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
  };
}

/** Finds a live invitation by its link; 404 LINK_INVALID or 410 LINK_EXPIRED otherwise. */
export async function liveInvitation(tx: Tx, token: string): Promise<InvitationByToken> {
  const row = await tx.maybeOne<InvitationByToken>(
    'select coop_id, id, coop_name, email, roles, expires_at, accepted_at, revoked_at from invitation_by_token($1)',
    [hashToken(token)],
  );
  if (!row || row.accepted_at !== null || row.revoked_at !== null) {
    throw new ApiException(404, 'LINK_INVALID', 'This invitation link is not valid or was already used');
  }
  if (row.expires_at.getTime() <= Date.now()) {
    throw new ApiException(410, 'LINK_EXPIRED', 'This invitation has expired; ask the coop for a new one');
  }
  return row;
}

@Injectable()
export class InvitationsService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(MailService) private readonly mail: MailService,
    @Inject(ThrottleService) private readonly throttle: ThrottleService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  list(coopId: string, limit: number, offset: number): Promise<Page<InvitationView>> {
    return this.db.unitOfWork(async (tx) => {
      const rows = await tx.query<InvitationRow>(LIST_INVITATIONS_SQL, [coopId, limit, offset]);
      const total =
        rows.length > 0 || offset === 0
          ? Number(rows[0]?.total ?? 0)
          : Number(
              (
                await tx.one<{ n: string }>(
                  'select count(*) as n from invitations where coop_id = $1 and revoked_at is null',
                  [coopId],
                )
              ).n,
            );
      return { items: rows.map(toView), total };
    });
  }

  /** Invites by email; an earlier pending invitation of the same email is revoked. */
  async create(
    coopId: string,
    actorId: string,
    rawEmail: string,
    roles: CoopRole[],
    ip: string,
  ): Promise<InvitationView> {
    const email = normalizeEmail(rawEmail);
    await this.throttle.consume([['invitation:ip', ip]]);
    const token = newToken();
    const { view, coopName } = await this.db.unitOfWork(async (tx) => {
      const member = await tx.maybeOne(
        `select 1 from memberships m join users u on u.id = m.user_id
          where m.coop_id = $1 and lower(u.email) = $2 and m.status = 'active'`,
        [coopId, email],
      );
      if (member) throw ApiException.conflict('CONFLICT', 'This person is already a member of the cooperative');
      await tx.execute(
        `update invitations set revoked_at = now()
          where coop_id = $1 and email = $2 and accepted_at is null and revoked_at is null`,
        [coopId, email],
      );
      const row = await tx.one<InvitationRow>(
        `insert into invitations (coop_id, email, roles, token_hash, invited_by, expires_at)
         values ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))
         returning id, email, roles, expires_at, accepted_at, created_at`,
        [coopId, email, roles, hashToken(token), actorId, this.options.invitationTtlSeconds],
      );
      await writeOutbox(tx, JobName.AUDIT_RECORD, {
        action: 'invitation.created',
        subjectType: 'invitation',
        subjectId: row.id,
        data: { email, roles },
      });
      const coop = await tx.one<{ name: string }>('select name from coops where id = $1', [coopId]);
      return { view: toView(row), coopName: coop.name };
    });
    const link = `${this.config.publicUrl.replace(/\/$/, '')}/invitations/accept?token=${token}`;
    this.mail.sendInBackground({
      to: email,
      subject: `You are invited to ${coopName} on Federacycle`,
      text: `Hello,\n\n${coopName} invites you to join as ${roles.join(', ')}.\nOpen this link within 7 days to accept:\n${link}\n`,
      link,
    });
    return view;
  }

  /** Revokes a pending invitation: 404 when not this coop's, 409 when already accepted. */
  async revoke(coopId: string, invitationId: string): Promise<void> {
    await this.db.unitOfWork(async (tx) => {
      const row = await tx.maybeOne<{ accepted_at: Date | null; revoked_at: Date | null }>(
        'select accepted_at, revoked_at from invitations where coop_id = $1 and id = $2 for update',
        [coopId, invitationId],
      );
      if (!row || row.revoked_at !== null) throw ApiException.notFound('Invitation');
      if (row.accepted_at !== null)
        throw new ApiException(409, 'ILLEGAL_TRANSITION', 'This invitation was already accepted');
      await tx.execute('update invitations set revoked_at = now() where coop_id = $1 and id = $2', [
        coopId,
        invitationId,
      ]);
      await writeOutbox(tx, JobName.AUDIT_RECORD, {
        action: 'invitation.revoked',
        subjectType: 'invitation',
        subjectId: invitationId,
        data: {},
      });
    });
  }

  /** What the accept page shows (public, by link). */
  async preview(token: string, ip: string): Promise<InvitationPreview> {
    await this.throttle.consume([
      ['invitation:ip', ip],
      ['invitation:account', token],
    ]);
    return this.db.platform(async (tx) => {
      const invitation = await liveInvitation(tx, token);
      const user = await tx.maybeOne('select 1 from users where lower(email) = $1', [invitation.email]);
      return {
        coopName: invitation.coop_name,
        email: invitation.email,
        roles: invitation.roles,
        existingUser: user !== null,
      };
    });
  }
}
