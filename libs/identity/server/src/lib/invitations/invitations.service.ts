import { Inject, Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import type { CoopRole, InvitationPreview, InvitationView, Page } from '@federacycle/contracts';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';
import { Coop, Database, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { AUDIT_RECORD_JOB, writeOutbox } from '@federacycle/platform-queue';
import { MailService } from '../mail/mail.service';
import { Membership } from '../members/membership.entity';
import { IDENTITY_OPTIONS, type IdentityOptions } from '../shared/identity-options';
import { hashToken, normalizeEmail } from '../shared/secrets';
import { ThrottleService } from '../throttle/throttle.service';
import { userByEmail } from '../users/users.repository';
import { Invitation } from './invitation.entity';
import { inviteInTransaction, isPendingInvitationConflict, type CreatedInvitation } from './invite-in-transaction';

/**
 * The invitation behind a link, across coops, as `invitation_by_token()` answers it (a SECURITY
 * DEFINER function: a link names no coop; it answers for that one token hash only).
 */
export interface InvitationByToken {
  coopId: string;
  id: string;
  coopName: string;
  email: string;
  roles: CoopRole[];
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

const INVITATION_BY_TOKEN_SQL = `select coop_id as "coopId", id, coop_name as "coopName", email, roles,
        expires_at as "expiresAt", accepted_at as "acceptedAt", revoked_at as "revokedAt"
   from invitation_by_token($1)`;

/** Concurrent invitations of one email: the database refuses all but one, the others run again. */
const INVITE_ATTEMPTS = 3;

export function toInvitationView(invitation: Invitation): InvitationView {
  return {
    id: invitation.id,
    email: invitation.email,
    roles: invitation.roles,
    expiresAt: invitation.expiresAt.toISOString(),
    acceptedAt: invitation.acceptedAt ? invitation.acceptedAt.toISOString() : null,
    createdAt: invitation.createdAt.toISOString(),
  };
}

/** A coop's invitations that were not revoked, in the list's order (names the coop explicitly). */
function listed(manager: EntityManager, coopId: string) {
  return manager
    .getRepository(Invitation)
    .createQueryBuilder('i')
    .where('i.coopId = :coopId', { coopId })
    .andWhere('i.revokedAt is null');
}

/**
 * Finds a live invitation by its link; 404 LINK_INVALID (used, revoked, or replaced by a newer
 * invitation of the same person) or 410 LINK_EXPIRED otherwise.
 */
export async function liveInvitation(manager: EntityManager, token: string): Promise<InvitationByToken> {
  const [row] = (await manager.query(INVITATION_BY_TOKEN_SQL, [hashToken(token)])) as InvitationByToken[];
  if (!row || row.acceptedAt !== null || row.revokedAt !== null) {
    throw new ApiException(
      404,
      'LINK_INVALID',
      'This invitation link is not valid: it was already used, revoked, or replaced by a newer invitation (use the link of the latest email)',
    );
  }
  if (row.expiresAt.getTime() <= Date.now()) {
    throw new ApiException(410, 'LINK_EXPIRED', 'This invitation has expired; ask the coop for a new one');
  }
  return row;
}

/**
 * Spends a live invitation, in its coop's transaction; false when it is no longer live.
 * A conditional update: a link works once, even when two accepts race (the second one touches
 * no row), and never after it was revoked, replaced or expired.
 */
export async function spendInvitation(tx: Tx, coopId: string, invitationId: string): Promise<boolean> {
  const { affected } = await tx.manager
    .createQueryBuilder()
    .update(Invitation)
    .set({ acceptedAt: () => 'now()' })
    .where('coop_id = :coopId and id = :invitationId', { coopId, invitationId })
    .andWhere('accepted_at is null and revoked_at is null and expires_at > now()')
    .execute();
  return affected === 1;
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

  /** One page and the total (a window count): one statement, one round trip with the session check. */
  async list(coopId: string, limit: number, offset: number): Promise<Page<InvitationView>> {
    const { entities, raw } = await this.db.read((manager) =>
      listed(manager, coopId)
        .addSelect('count(*) over ()', 'total')
        .orderBy('i.createdAt', 'DESC')
        .addOrderBy('i.id')
        .limit(limit)
        .offset(offset)
        .getRawAndEntities<{ total: string }>(),
    );
    if (entities.length > 0 || offset === 0) {
      return { items: entities.map(toInvitationView), total: Number(raw[0]?.total ?? 0) };
    }
    const total = await this.db.read((manager) => manager.countBy(Invitation, { coopId, revokedAt: IsNull() }));
    return { items: [], total };
  }

  /**
   * Invites by email (inviteInTransaction). An earlier pending invitation of the same email is
   * replaced: its link stops working, and the answer says so (`replaced`, `replacedIds`).
   */
  async create(
    coopId: string,
    actorId: string,
    rawEmail: string,
    roles: CoopRole[],
    ip: string,
  ): Promise<InvitationView> {
    const email = normalizeEmail(rawEmail);
    await this.throttle.consume([['invitation:ip', ip]]);
    const { created, coopName } = await this.inviteOnce(coopId, actorId, email, roles);
    const link = `${this.config.publicUrl.replace(/\/$/, '')}/invitations/accept?token=${created.token}`;
    this.mail.sendInBackground({
      to: email,
      subject: `You are invited to ${coopName} on Federacycle`,
      text: `Hello,\n\n${coopName} invites you to join as ${roles.join(', ')}.\nOpen this link within 7 days to accept:\n${link}\n`,
      link,
    });
    return {
      ...toInvitationView(created.invitation),
      replaced: created.replaced > 0,
      replacedIds: created.replacedIds,
    };
  }

  /**
   * One unit of work of the invite; when another invitation of the same email committed in
   * between (the unique index refused ours), runs again and replaces that one.
   */
  private async inviteOnce(
    coopId: string,
    actorId: string,
    email: string,
    roles: CoopRole[],
  ): Promise<{ created: CreatedInvitation; coopName: string }> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.db.unitOfWork(async (tx) => {
          const member = await tx.manager
            .getRepository(Membership)
            .createQueryBuilder('m')
            .innerJoin('m.user', 'u')
            .where('m.coopId = :coopId', { coopId })
            .andWhere('lower(u.email) = :email', { email })
            .andWhere("m.status = 'active'")
            .getExists();
          if (member) throw ApiException.conflict('CONFLICT', 'This person is already a member of the cooperative');
          const created = await inviteInTransaction(tx, {
            coopId,
            email,
            roles,
            invitedBy: actorId,
            ttlSeconds: this.options.invitationTtlSeconds,
            by: 'coop',
          });
          const coop = await tx.manager.findOneOrFail(Coop, { where: { id: coopId }, select: { name: true } });
          return { created, coopName: coop.name };
        });
      } catch (error) {
        if (attempt >= INVITE_ATTEMPTS || !isPendingInvitationConflict(error)) throw error;
      }
    }
  }

  /** Revokes a pending invitation: 404 when not this coop's, 409 when already accepted. */
  async revoke(coopId: string, invitationId: string): Promise<void> {
    await this.db.unitOfWork(async (tx) => {
      const invitation = await tx.manager.findOne(Invitation, {
        where: { coopId, id: invitationId },
        select: { coopId: true, id: true, acceptedAt: true, revokedAt: true },
        lock: { mode: 'pessimistic_write' },
      });
      if (!invitation || invitation.revokedAt !== null) throw ApiException.notFound('Invitation');
      if (invitation.acceptedAt !== null)
        throw new ApiException(409, 'ILLEGAL_TRANSITION', 'This invitation was already accepted');
      await tx.manager.update(Invitation, { coopId, id: invitationId }, { revokedAt: () => 'now()' });
      await writeOutbox(tx, AUDIT_RECORD_JOB, {
        action: 'invitation.revoked',
        subjectType: 'invitation',
        subjectId: invitationId,
        data: {},
      });
    });
  }

  /** What the accept page shows (public, by link): no coop, one round trip per statement. */
  async preview(token: string, ip: string): Promise<InvitationPreview> {
    await this.throttle.consume([
      ['invitation:ip', ip],
      ['invitation:account', token],
    ]);
    return this.db.readPlatform(async (manager) => {
      const invitation = await liveInvitation(manager, token);
      const user = await userByEmail(manager, invitation.email);
      return {
        coopName: invitation.coopName,
        email: invitation.email,
        roles: invitation.roles,
        existingUser: user !== null,
      };
    });
  }
}
