import { Inject, Injectable } from '@nestjs/common';
import type { CoopStatus, CoopView, CreateCoopRequest, Page } from '@federacycle/contracts';
import { Database, pgErrorCode, PgErrorCode } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';

interface CoopRow {
  id: string;
  slug: string;
  name: string;
  city: string;
  country: string;
  timezone: string;
  currency: string;
  status: CoopStatus;
  created_at: Date;
  total?: string;
}

const COLUMNS = 'id, slug, name, city, country, timezone, currency, status, created_at';

function toView(row: CoopRow): CoopView {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    city: row.city,
    country: row.country,
    timezone: row.timezone,
    currency: row.currency,
    status: row.status,
    createdAt: row.created_at.toISOString(),
  };
}

/** Coops as the federation admin sees them: platform rows, no coop context. */
@Injectable()
export class CoopsService {
  constructor(@Inject(Database) private readonly db: Database) {}

  list(limit: number, offset: number): Promise<Page<CoopView>> {
    return this.db.platform(async (tx) => {
      const rows = await tx.query<CoopRow>(
        `select ${COLUMNS}, count(*) over () as total from coops order by name, id limit $1 offset $2`,
        [limit, offset],
      );
      const total =
        rows.length > 0 || offset === 0
          ? Number(rows[0]?.total ?? 0)
          : Number((await tx.one<{ n: string }>('select count(*) as n from coops')).n);
      return { items: rows.map(toView), total };
    });
  }

  async get(id: string): Promise<CoopView> {
    const row = await this.db.platform((tx) =>
      tx.maybeOne<CoopRow>(`select ${COLUMNS} from coops where id = $1`, [id]),
    );
    if (!row) throw ApiException.notFound('Coop');
    return toView(row);
  }

  async create(input: CreateCoopRequest): Promise<CoopView> {
    try {
      const row = await this.db.platform((tx) =>
        tx.one<CoopRow>(
          `insert into coops (slug, name, city, country, timezone, currency) values ($1, $2, $3, $4, $5, $6) returning ${COLUMNS}`,
          [input.slug, input.name.trim(), input.city.trim(), input.country, input.timezone, input.currency],
        ),
      );
      return toView(row);
    } catch (error) {
      if (pgErrorCode(error) === PgErrorCode.UNIQUE_VIOLATION) {
        throw ApiException.conflict('CONFLICT', `The slug "${input.slug}" is already taken`);
      }
      throw error;
    }
  }
}
