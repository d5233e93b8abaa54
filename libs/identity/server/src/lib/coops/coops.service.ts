import { Inject, Injectable } from '@nestjs/common';
import type { CoopView, CreateCoopRequest, Page } from '@federacycle/contracts';
import { Coop, Database, pgErrorCode, PgErrorCode } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';

/** The API view of a coop (the platform's entity). */
export function toCoopView(coop: Coop): CoopView {
  return {
    id: coop.id,
    slug: coop.slug,
    name: coop.name,
    city: coop.city,
    country: coop.country,
    timezone: coop.timezone,
    currency: coop.currency,
    status: coop.status,
    createdAt: coop.createdAt.toISOString(),
  };
}

/** Coops as the federation admin sees them: platform rows, no coop context. */
@Injectable()
export class CoopsService {
  constructor(@Inject(Database) private readonly db: Database) {}

  /** One page and the total (a window count): one statement, one round trip with the session check. */
  async list(limit: number, offset: number): Promise<Page<CoopView>> {
    const { entities, raw } = await this.db.readPlatform((manager) =>
      manager
        .getRepository(Coop)
        .createQueryBuilder('c')
        .addSelect('count(*) over ()', 'total')
        .orderBy('c.name')
        .addOrderBy('c.id')
        .limit(limit)
        .offset(offset)
        .getRawAndEntities<{ total: string }>(),
    );
    if (entities.length > 0 || offset === 0) {
      return { items: entities.map(toCoopView), total: Number(raw[0]?.total ?? 0) };
    }
    const total = await this.db.readPlatform((manager) => manager.count(Coop));
    return { items: [], total };
  }

  async get(id: string): Promise<CoopView> {
    const coop = await this.db.readPlatform((manager) => manager.findOneBy(Coop, { id }));
    if (!coop) throw ApiException.notFound('Coop');
    return toCoopView(coop);
  }

  async create(input: CreateCoopRequest): Promise<CoopView> {
    try {
      const coop = await this.db.platform(async ({ manager }) => {
        const inserted = await manager.insert(Coop, {
          slug: input.slug,
          name: input.name.trim(),
          city: input.city.trim(),
          country: input.country,
          timezone: input.timezone,
          currency: input.currency,
        });
        const { id } = inserted.identifiers[0] as Pick<Coop, 'id'>;
        return manager.findOneByOrFail(Coop, { id });
      });
      return toCoopView(coop);
    } catch (error) {
      if (pgErrorCode(error) === PgErrorCode.UNIQUE_VIOLATION) {
        throw ApiException.conflict('CONFLICT', `The slug "${input.slug}" is already taken`);
      }
      throw error;
    }
  }
}
