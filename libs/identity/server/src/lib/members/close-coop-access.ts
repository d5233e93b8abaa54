import { IsNull } from 'typeorm';
import type { Tx } from '@federacycle/platform-database';
import { Invitation } from '../invitations/invitation.entity';
import { Membership } from './membership.entity';

export interface ClosedCoopAccess {
  disabledMemberships: number;
  revokedInvitations: number;
}

/**
 * Closes every way into a coop, inside the caller's transaction (federation's offboarding calls
 * it): each active membership is disabled (the access guard refuses a disabled membership at the
 * next request, whatever token it carries) and each pending invitation is revoked. The rows are
 * written acting for the coop (the transaction is switched to it and back), each statement naming it.
 */
export async function closeCoopAccessInTransaction(tx: Tx, coopId: string): Promise<ClosedCoopAccess> {
  const previous = tx.coopId;
  if (previous !== coopId) await tx.switchCoop(coopId);
  try {
    const memberships = await tx.manager.update(
      Membership,
      { coopId, status: 'active' },
      { status: 'disabled', updatedAt: () => 'now()' },
    );
    const invitations = await tx.manager.update(
      Invitation,
      { coopId, acceptedAt: IsNull(), revokedAt: IsNull() },
      { revokedAt: () => 'now()' },
    );
    return { disabledMemberships: memberships.affected ?? 0, revokedInvitations: invitations.affected ?? 0 };
  } finally {
    if (previous !== coopId) await tx.switchCoop(previous);
  }
}
