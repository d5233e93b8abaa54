import { IsNull } from 'typeorm';
import type { CoopRole } from '@federacycle/contracts';
import { PgErrorCode, pgErrorCode, type Tx } from '@federacycle/platform-database';
import { AUDIT_RECORD_JOB, writeOutbox } from '@federacycle/platform-queue';
import { hashToken, newToken, normalizeEmail } from '../shared/secrets';
import { Invitation } from './invitation.entity';

export interface InviteCommand {
  coopId: string;
  email: string;
  roles: CoopRole[];
  /** the person inviting (null: the federation, approving the coop's application) */
  invitedBy: string | null;
  ttlSeconds: number;
  /** who invites, for the audit trail */
  by: 'coop' | 'federation';
}

export interface CreatedInvitation {
  invitation: Invitation;
  /** the single-use secret of the link (only its hash is stored) */
  token: string;
  /** earlier pending invitations of this email in this coop, revoked by this one (0 or 1) */
  replaced: number;
  /** their ids */
  replacedIds: string[];
}

/** The partial unique index that keeps one pending invitation per email per coop (migration 0012). */
export const PENDING_INVITATION_INDEX = 'invitations_pending_email';

/**
 * Whether `error` is the database refusing a second pending invitation of one email in one coop:
 * another transaction invited the same person at the same moment and committed first.
 */
export function isPendingInvitationConflict(error: unknown): boolean {
  return (
    pgErrorCode(error) === PgErrorCode.UNIQUE_VIOLATION &&
    (error as { constraint?: unknown }).constraint === PENDING_INVITATION_INDEX
  );
}

/**
 * Invites a person into a coop inside the caller's transaction (identity's one way to write an
 * invitation: the coop admin's invite and the federation's approval both come here). One pending
 * invitation per email per coop: an earlier pending one is revoked, so its link stops working and
 * the person gets the roles of the newest. A platform transaction is moved to the coop for the
 * writes and moved back afterwards.
 */
export async function inviteInTransaction(tx: Tx, command: InviteCommand): Promise<CreatedInvitation> {
  const previousCoop = tx.coopId;
  if (previousCoop !== command.coopId) await tx.switchCoop(command.coopId);
  const email = normalizeEmail(command.email);
  const token = newToken();
  // revoke the earlier pending one first: the unique index invitations_pending_email refuses two
  const revoked = await tx.manager
    .createQueryBuilder()
    .update(Invitation)
    .set({ revokedAt: () => 'now()' })
    .where({ coopId: command.coopId, email, acceptedAt: IsNull(), revokedAt: IsNull() })
    .returning(['id'])
    .execute();
  const replacedIds = (revoked.raw as Pick<Invitation, 'id'>[]).map((row) => row.id);
  const inserted = await tx.manager.insert(Invitation, {
    coopId: command.coopId,
    email,
    roles: command.roles,
    tokenHash: hashToken(token),
    invitedBy: command.invitedBy,
    expiresAt: new Date(Date.now() + command.ttlSeconds * 1000),
  });
  const { id } = inserted.identifiers[0] as Pick<Invitation, 'id'>;
  const invitation = await tx.manager.findOneByOrFail(Invitation, { coopId: command.coopId, id });
  await writeOutbox(tx, AUDIT_RECORD_JOB, {
    action: 'invitation.created',
    subjectType: 'invitation',
    subjectId: id,
    data: { email, roles: command.roles, by: command.by, replaced: replacedIds },
  });
  // (after a failure the transaction is rolled back as a whole: nothing to move back)
  if (previousCoop !== command.coopId) await tx.switchCoop(previousCoop);
  return { invitation, token, replaced: replacedIds.length, replacedIds };
}
