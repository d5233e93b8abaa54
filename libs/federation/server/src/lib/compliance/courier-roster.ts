import { activeCourierMemberships } from '@federacycle/identity-server';
import type { Tx } from '@federacycle/platform-database';
import type { CourierOwnershipRecord } from './worker-ownership';

/**
 * Where the worker-ownership check learns a coop's couriers: who they are, whether each is a
 * member, when each last worked. Federation cannot import the fleet domain (fleet depends on
 * federation), so fleet provides this port under {@link COURIER_ROSTER} and the apps compose it.
 */
export interface CourierRoster {
  records(tx: Tx, coopId: string, now: Date): Promise<CourierOwnershipRecord[]>;
}

export const COURIER_ROSTER = Symbol('federation.courier-roster');

/**
 * The roster when no fleet module is composed: identity's active courier memberships, each
 * counted as active now, a member when the membership also holds the `member` role.
 */
export const membershipCourierRoster: CourierRoster = {
  async records(tx, coopId, now) {
    return (await activeCourierMemberships(tx, coopId)).map((c) => ({
      userId: c.userId,
      isMember: c.isMember,
      lastActiveAt: now,
    }));
  },
};
