import { IsNull } from 'typeorm';
import { closeCoopAccessInTransaction } from '@federacycle/identity-server';
import type { Tx } from '@federacycle/platform-database';
import { Licence } from '../../../licences/licence.entity';

/**
 * The end of an offboarding, inside the transition's transaction: identity closes the coop's
 * access (memberships disabled, pending invitations revoked: its tables, its exported step), and
 * the licence ends.
 */
export async function closeCoopAccess(tx: Tx, coopId: string, now: Date): Promise<void> {
  await closeCoopAccessInTransaction(tx, coopId);
  await tx.manager.update(
    Licence,
    { licensedCoopId: coopId, revokedAt: IsNull() },
    { revokedAt: now, revocationReason: 'offboarded' },
  );
}
