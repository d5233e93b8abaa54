import { Pool, type PoolClient, type PoolConfig, type QueryResultRow } from 'pg';
import { TenantContext } from './tenant-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A transaction handle: the only way domain code talks to PostgreSQL. */
export interface Tx {
  query<R extends QueryResultRow = QueryResultRow>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** exactly one row or throws */
  one<R extends QueryResultRow = QueryResultRow>(sql: string, params?: readonly unknown[]): Promise<R>;
  maybeOne<R extends QueryResultRow = QueryResultRow>(sql: string, params?: readonly unknown[]): Promise<R | null>;
  /** number of rows touched by an insert/update/delete */
  execute(sql: string, params?: readonly unknown[]): Promise<number>;
}

class ClientTx implements Tx {
  constructor(private readonly client: PoolClient) {}

  async query<R extends QueryResultRow>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    const result = await this.client.query<R>(sql, params as unknown[]);
    return result.rows;
  }

  async one<R extends QueryResultRow>(sql: string, params: readonly unknown[] = []): Promise<R> {
    const rows = await this.query<R>(sql, params);
    if (rows.length !== 1) throw new Error(`expected exactly one row, got ${rows.length}`);
    return rows[0] as R;
  }

  async maybeOne<R extends QueryResultRow>(sql: string, params: readonly unknown[] = []): Promise<R | null> {
    const rows = await this.query<R>(sql, params);
    return rows[0] ?? null;
  }

  async execute(sql: string, params: readonly unknown[] = []): Promise<number> {
    const result = await this.client.query(sql, params as unknown[]);
    return result.rowCount ?? 0;
  }
}

export interface DatabaseOptions {
  url: string;
  /** pool size per process */
  max?: number;
  applicationName?: string;
}

/**
 * The application's access to PostgreSQL, connected as the application role.
 *
 * Every unit of work is one transaction whose first statement sets `app.coop_id`
 * transaction-locally (`set_config(..., true)`): a pooled connection never carries a
 * tenant from one transaction into the next. Row-level security policies read it.
 */
export class Database {
  readonly pool: Pool;

  constructor(options: DatabaseOptions) {
    const config: PoolConfig = {
      connectionString: options.url,
      max: options.max ?? 10,
      application_name: options.applicationName ?? 'federacycle',
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: 5_000,
    };
    this.pool = new Pool(config);
    // An idle client's error (server restart) must not crash the process; the next checkout reconnects.
    this.pool.on('error', () => undefined);
  }

  /** Runs `fn` in one transaction scoped to the coop of the current context (throws when unset). */
  unitOfWork<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction(TenantContext.coopId(), fn);
  }

  /** Runs `fn` in one transaction scoped to an explicit coop (jobs restoring a context, tests). */
  forCoop<T>(coopId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction(coopId, fn);
  }

  /**
   * Runs `fn` in one transaction with NO coop set: tenant tables show zero rows.
   * For platform tables only (coops, users, applications, licences).
   */
  platform<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction('', fn);
  }

  private async transaction<T>(coopId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
    // The coop is inlined (after validation) so that BEGIN and set_config travel in one
    // round trip: a unit of work costs begin+set, the work, commit.
    if (coopId !== '' && !UUID.test(coopId)) throw new Error('the coop id of a unit of work must be a UUID');
    const client = await this.pool.connect();
    try {
      await client.query(`begin; select set_config('app.coop_id', '${coopId}', true)`);
      const result = await fn(new ClientTx(client));
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** `select 1` with a timeout: readiness probes. */
  async ping(timeoutMs = 2000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.pool.query('select 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('database ping timed out')), timeoutMs);
        }),
      ]);
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/** PostgreSQL error codes the API turns into 4xx answers. */
export const PgErrorCode = {
  UNIQUE_VIOLATION: '23505',
  FOREIGN_KEY_VIOLATION: '23503',
  CHECK_VIOLATION: '23514',
  INVALID_TEXT_REPRESENTATION: '22P02',
  INSUFFICIENT_PRIVILEGE: '42501',
} as const;

export function pgErrorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}
