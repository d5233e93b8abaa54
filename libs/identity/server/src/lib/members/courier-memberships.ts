import type { Tx } from '@federacycle/platform-database';
import { Membership } from './membership.entity';

export interface CourierMembership {
  userId: string;
  /** the membership also holds the `member` role */
  isMember: boolean;
}

/** The coop's active memberships holding the courier role, read in the caller's transaction. */
export async function activeCourierMemberships(tx: Tx, coopId: string): Promise<CourierMembership[]> {
  const rows = await tx.manager
    .getRepository(Membership)
    .createQueryBuilder('m')
    .select(['m.userId', 'm.roles'])
    .where('m.coopId = :coopId', { coopId })
    .andWhere("m.status = 'active'")
    .andWhere("'courier' = any(m.roles)")
    .orderBy('m.userId')
    .getMany();
  return rows.map((m) => ({ userId: m.userId, isMember: m.roles.includes('member') }));
}
