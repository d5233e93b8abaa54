import type { EntityManager } from 'typeorm';
import type { MerchantStaffView } from '@federacycle/contracts';
import type { Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { AUDIT_RECORD_JOB, writeOutbox } from '@federacycle/platform-queue';
import { User } from '../users/user.entity';
import { Membership } from './membership.entity';

/**
 * Merchant staff and the merchants they act for (memberships.merchant_ids), for the merchants
 * domain: it checks that the merchants exist, identity owns the memberships. The ids travel in
 * the access token (`mids`); the session check refuses a token whose ids are no longer the
 * membership's, so a change takes effect at the person's next request (after a refresh).
 */
export async function listMerchantStaff(manager: EntityManager, coopId: string): Promise<MerchantStaffView[]> {
  const rows = await manager
    .getRepository(Membership)
    .createQueryBuilder('m')
    .innerJoin('m.user', 'u')
    .select(['m.coopId', 'm.userId', 'm.merchantIds', 'u.id', 'u.name', 'u.email'])
    .where('m.coopId = :coopId', { coopId })
    .andWhere(`'merchant_staff' = any(m.roles)`)
    .andWhere(`m.status = 'active'`)
    .orderBy('u.name')
    .addOrderBy('m.userId')
    .getMany();
  return rows.map((m) => ({
    userId: m.userId,
    name: m.user?.name ?? '',
    email: m.user?.email ?? '',
    merchantIds: m.merchantIds,
  }));
}

/**
 * Sets the merchants a merchant_staff member acts for, in the caller's transaction (the caller
 * has checked that the merchants are the coop's). 404 when the person is not a member, 409
 * NOT_MERCHANT_STAFF when the membership lacks the role.
 */
export async function setMerchantIdsInTransaction(
  tx: Tx,
  coopId: string,
  userId: string,
  merchantIds: readonly string[],
): Promise<MerchantStaffView> {
  const membership = await tx.manager.findOne(Membership, {
    where: { coopId, userId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!membership) throw ApiException.notFound('Member');
  if (!membership.roles.includes('merchant_staff')) {
    throw ApiException.conflict(
      'NOT_MERCHANT_STAFF',
      'Give this person the merchant_staff role first, then assign merchants',
    );
  }
  const ids = [...new Set(merchantIds)].sort();
  await tx.manager.update(Membership, { coopId, userId }, { merchantIds: ids, updatedAt: new Date() });
  await writeOutbox(tx, AUDIT_RECORD_JOB, {
    action: 'member.merchants_changed',
    subjectType: 'member',
    subjectId: userId,
    data: { merchantIds: ids },
  });
  const user = await tx.manager.findOneByOrFail(User, { id: userId });
  return { userId, name: user.name, email: user.email, merchantIds: ids };
}
