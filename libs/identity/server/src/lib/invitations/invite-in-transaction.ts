import { IsNull } from 'typeorm';
import type { CoopRole } from '@federacycle/contracts';
import type { Tx } from '@federacycle/platform-database';
import { JobName, writeOutbox } from '@federacycle/platform-queue';
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
  /** earlier pending invitations of this email in this coop, revoked by this one */
  replaced: number;
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
  const { affected } = await tx.manager.update(
    Invitation,
    { coopId: command.coopId, email, acceptedAt: IsNull(), revokedAt: IsNull() },
    { revokedAt: () => 'now()' },
  );
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
  await writeOutbox(tx, JobName.AUDIT_RECORD, {
    action: 'invitation.created',
    subjectType: 'invitation',
    subjectId: id,
    data: { email, roles: command.roles, by: command.by, replaced: affected ?? 0 },
  });
  // (after a failure the transaction is rolled back as a whole: nothing to move back)
  if (previousCoop !== command.coopId) await tx.switchCoop(previousCoop);
  return { invitation, token, replaced: affected ?? 0 };
}
