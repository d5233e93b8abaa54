import { Inject, Injectable } from '@nestjs/common';
import { Database, type Tx } from '@federacycle/platform-database';
import { AUDIT_RECORD_JOB, writeOutbox } from '@federacycle/platform-queue';
import type { OrderingSamplePage, OrderingSampleView } from './ordering-samples.dto';
import { OrderingSample } from './ordering-sample.entity';

export function toOrderingSampleView(sample: OrderingSample): OrderingSampleView {
  return { id: sample.id, label: sample.label, createdAt: sample.createdAt.toISOString() };
}

/** The sample feature: reads on the one-round-trip path, writes in the caller's transaction. */
@Injectable()
export class OrderingSamplesService {
  constructor(@Inject(Database) private readonly db: Database) {}

  /** One page and the total: one statement (a window count), so one round trip. */
  async list(coopId: string, limit: number, offset: number): Promise<OrderingSamplePage> {
    const { entities, raw } = await this.db.read((manager) =>
      manager
        .getRepository(OrderingSample)
        .createQueryBuilder('s')
        .addSelect('count(*) over ()', 'total')
        .where('s.coopId = :coopId', { coopId })
        .orderBy('s.createdAt', 'DESC')
        .addOrderBy('s.id')
        .limit(limit)
        .offset(offset)
        .getRawAndEntities<{ total: string }>(),
    );
    if (entities.length > 0 || offset === 0) {
      return { items: entities.map(toOrderingSampleView), total: Number(raw[0]?.total ?? 0) };
    }
    return { items: [], total: await this.db.read((manager) => manager.countBy(OrderingSample, { coopId })) };
  }

  create(coopId: string, label: string): Promise<OrderingSampleView> {
    return this.db.unitOfWork((tx) => this.createIn(tx, coopId, label));
  }

  /** For other domains' use cases: writes in the caller's transaction, so both commit together. */
  async createIn(tx: Tx, coopId: string, label: string): Promise<OrderingSampleView> {
    const inserted = await tx.manager.insert(OrderingSample, { coopId, label });
    const { id } = inserted.identifiers[0] as Pick<OrderingSample, 'id'>;
    await writeOutbox(tx, AUDIT_RECORD_JOB, {
      action: 'ordering.sample_created',
      subjectType: 'ordering_sample',
      subjectId: id,
      data: { label },
    });
    return toOrderingSampleView(await tx.manager.findOneByOrFail(OrderingSample, { coopId, id }));
  }
}
