import { Inject, Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import type { MerchantStaffView } from '@federacycle/contracts';
import { listMerchantStaff, setMerchantIdsInTransaction } from '@federacycle/identity-server';
import { Database } from '@federacycle/platform-database';
import { ApiException, coopOf, type Caller } from '@federacycle/platform-http';
import { Merchant } from '../merchants/merchant.entity';

/**
 * Which merchants each merchant_staff member acts for. Identity owns the memberships (its
 * exported functions write them, in this unit of work); this domain checks the merchants.
 */
@Injectable()
export class MerchantStaffService {
  constructor(@Inject(Database) private readonly db: Database) {}

  list(caller: Caller): Promise<MerchantStaffView[]> {
    const coopId = coopOf(caller);
    return this.db.read((manager) => listMerchantStaff(manager, coopId));
  }

  set(caller: Caller, userId: string, merchantIds: string[]): Promise<MerchantStaffView> {
    const coopId = coopOf(caller);
    return this.db.unitOfWork(async (tx) => {
      if (merchantIds.length > 0) {
        const found = await tx.manager.count(Merchant, {
          where: { coopId, id: In(merchantIds), archivedAt: IsNull() },
        });
        if (found !== new Set(merchantIds).size) {
          throw new ApiException(404, 'NOT_FOUND', 'One of these merchants does not exist in this cooperative', [
            { field: 'merchantIds', code: 'merchant', message: 'unknown or archived merchant' },
          ]);
        }
      }
      return setMerchantIdsInTransaction(tx, coopId, userId, merchantIds);
    });
  }
}
