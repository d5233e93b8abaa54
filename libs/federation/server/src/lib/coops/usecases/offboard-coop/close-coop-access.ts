import { IsNull } from 'typeorm';
import { Invitation, Membership } from '@federacycle/identity-server';
import type { Tx } from '@federacycle/platform-database';
import { Licence } from '../../../licences/licence.entity';

/**
 * The end of an offboarding, inside the transition's transaction: every membership of the coop
 * is disabled (the access guard refuses disabled memberships at the next request), pending
 * invitations are revoked, and the licence ends. The tenant rows are written acting for the coop
 * (switched to it and back), each statement naming the coop.
 *
 * INTEGRATION NOTE: memberships and invitations are identity's tables. Identity exports no
 * "close a coop's access in this transaction" function yet (only `inviteInTransaction`); until it
 * does, this is the one place federation writes them, through identity's own entities.
 */
export async function closeCoopAccess(tx: Tx, coopId: string, now: Date): Promise<void> {
  const previous = tx.coopId;
  await tx.switchCoop(coopId);
  await tx.manager.update(Membership, { coopId, status: 'active' }, { status: 'disabled', updatedAt: () => 'now()' });
  await tx.manager.update(
    Invitation,
    { coopId, acceptedAt: IsNull(), revokedAt: IsNull() },
    { revokedAt: () => 'now()' },
  );
  await tx.switchCoop(previous);
  await tx.manager.update(
    Licence,
    { licensedCoopId: coopId, revokedAt: IsNull() },
    { revokedAt: now, revocationReason: 'offboarded' },
  );
}
