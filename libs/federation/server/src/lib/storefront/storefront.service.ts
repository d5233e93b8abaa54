import { Inject, Injectable } from '@nestjs/common';
import type { StorefrontView } from '@federacycle/contracts';
import { Database } from '@federacycle/platform-database';
import { AUDIT_RECORD_JOB, writeOutbox } from '@federacycle/platform-queue';
import { CLOCK, type Clock } from '../shared/clock';
import { CoopStorefront } from './coop-storefront.entity';

function storefrontView(storefront: Pick<CoopStorefront, 'publishedAt'> | null): StorefrontView {
  const publishedAt = storefront?.publishedAt ?? null;
  return { published: publishedAt !== null, publishedAt: publishedAt ? publishedAt.toISOString() : null };
}

/** The coop's storefront (tenant row; the coop is the token's, named in every query). */
@Injectable()
export class StorefrontService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async get(coopId: string): Promise<StorefrontView> {
    return storefrontView(await this.db.read((manager) => manager.findOneBy(CoopStorefront, { coopId })));
  }

  /** Publishes (keeping the first publication date) or unpublishes; audited in the coop's trail. */
  async setPublished(coopId: string, published: boolean): Promise<StorefrontView> {
    const now = this.clock.now();
    return this.db.unitOfWork(async (tx) => {
      const { manager } = tx;
      // the coop's one row, created on first use (a concurrent first use inserts nothing)
      await manager
        .createQueryBuilder()
        .insert()
        .into(CoopStorefront)
        .values({ coopId, publishedAt: null })
        .orIgnore()
        .execute();
      const current = await manager.findOneOrFail(CoopStorefront, {
        where: { coopId },
        lock: { mode: 'pessimistic_write' },
      });
      const publishedAt = published ? (current.publishedAt ?? now) : null;
      await manager.update(CoopStorefront, { coopId }, { publishedAt, updatedAt: () => 'now()' });
      await writeOutbox(tx, AUDIT_RECORD_JOB, {
        action: published ? 'storefront.published' : 'storefront.unpublished',
        subjectType: 'storefront',
        subjectId: coopId,
        data: {},
      });
      return storefrontView({ publishedAt });
    });
  }
}
