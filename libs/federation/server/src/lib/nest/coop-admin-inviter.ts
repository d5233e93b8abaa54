import { Inject, Injectable } from '@nestjs/common';
import { hashToken, newToken } from '@federacycle/identity-server';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';
import type { Tx } from '@federacycle/platform-database';
import { auditForCoop } from './federation-audit';

/** What approving an application needs from identity: an invitation of the coop's first admin. */
export interface CoopAdminInviter {
  /**
   * Invites `email` as coop_admin (and member) of `coopId`, inside the approval transaction `tx`
   * (so that a failed approval leaves no invitation). Returns the accept link to mail.
   */
  inviteFirstAdmin(
    coopId: string,
    email: string,
    name: string,
    tx: Tx,
  ): Promise<{ invitationId: string; link: string }>;
}

export const COOP_ADMIN_INVITER = Symbol('federation.coopAdminInviter');

/** Invitations live 7 days, like the identity service's (IDENTITY_OPTIONS.invitationTtlSeconds default). */
export const FIRST_ADMIN_INVITATION_TTL_SECONDS = 7 * 24 * 3600;

/**
 * Default binding: writes the invitation row exactly as the identity InvitationsService does
 * (hashed single-use token, 7 days, `/invitations/accept?token=` link), in the caller's
 * transaction. The identity service itself is not exported by IdentityModule and opens its own
 * transaction for the token's coop, hence this small, transactional equivalent.
 */
@Injectable()
export class TransactionalCoopAdminInviter implements CoopAdminInviter {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async inviteFirstAdmin(
    coopId: string,
    email: string,
    _name: string,
    tx: Tx,
  ): Promise<{ invitationId: string; link: string }> {
    const token = newToken();
    await tx.query("select set_config('app.coop_id', $1, true)", [coopId]);
    const row = await tx.one<{ id: string }>(
      `insert into invitations (coop_id, email, roles, token_hash, expires_at)
       values ($1, $2, $3, $4, now() + make_interval(secs => $5)) returning id`,
      [
        coopId,
        email.trim().toLowerCase(),
        ['coop_admin', 'member'],
        hashToken(token),
        FIRST_ADMIN_INVITATION_TTL_SECONDS,
      ],
    );
    await auditForCoop(tx, coopId, {
      action: 'invitation.created',
      subjectType: 'invitation',
      subjectId: row.id,
      data: {
        email: email.trim().toLowerCase(),
        roles: ['coop_admin', 'member'],
        by: 'federation',
      },
    });
    return {
      invitationId: row.id,
      link: `${this.config.publicUrl.replace(/\/$/, '')}/invitations/accept?token=${token}`,
    };
  }
}
