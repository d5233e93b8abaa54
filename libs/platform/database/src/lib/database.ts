import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import type { Pool, PoolClient, QueryConfig, QueryResult, QueryResultRow } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { connectDataSource, type DataSourceSettings } from './data-source';
import { bindManager, type StatementSender } from './bound-query-runner';
import { TenantContext, type Precondition } from './tenant-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A transaction handle: the only way domain code talks to PostgreSQL.
 *
 * `manager` is a TypeORM EntityManager bound to this transaction (entities, repositories,
 * query builders); a domain service that takes the caller's Tx writes in the caller's
 * transaction, so one request's writes across domains commit or roll back together.
 * The raw methods stay for what must be reviewable as SQL in the repository that owns it:
 * conditional updates (claims, transitions) and SECURITY DEFINER calls.
 */
export interface Tx {
  readonly manager: EntityManager;
  /** the coop this transaction's statements act for (null: platform rows only) */
  readonly coopId: string | null;
  /**
   * Moves the rest of this transaction to another coop (null: none), e.g. the federation
   * creating a coop and then writing its first tenant rows in the same transaction.
   */
  switchCoop(coopId: string | null): Promise<void>;
  query<R extends QueryResultRow = QueryResultRow>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** exactly one row or throws */
  one<R extends QueryResultRow = QueryResultRow>(sql: string, params?: readonly unknown[]): Promise<R>;
  maybeOne<R extends QueryResultRow = QueryResultRow>(sql: string, params?: readonly unknown[]): Promise<R | null>;
  /** number of rows touched by an insert/update/delete */
  execute(sql: string, params?: readonly unknown[]): Promise<number>;
  /**
   * Runs `hook` once this transaction has COMMITTED (never when it rolls back): what others may
   * see of the work (real-time events) leaves only once it is true. Hooks run in the order they
   * were added; a hook that fails is reported to `onAfterCommitError` and never fails the work.
   */
  afterCommit(hook: () => void | Promise<void>): void;
}

/** Where a failing after-commit hook is reported (the work it follows has committed already). */
let onAfterCommitError: (error: unknown) => void = (error) => {
  console.error('after-commit hook failed', error);
};

/** Replaces the reporter of failing after-commit hooks (the apps point it at their logger). */
export function setAfterCommitErrorReporter(report: (error: unknown) => void): void {
  onAfterCommitError = report;
}

class ClientTx implements Tx {
  private bound?: { manager: EntityManager; release: () => void };
  private readonly committedHooks: (() => void | Promise<void>)[] = [];

  constructor(
    private readonly client: PoolClient,
    private readonly dataSource: DataSource,
    private current: string | null,
  ) {}

  get coopId(): string | null {
    return this.current;
  }

  async switchCoop(coopId: string | null): Promise<void> {
    await this.client.query(prepared(SWITCH_COOP_SQL, [coopId === null ? '' : checkedCoop(coopId)]));
    this.current = coopId;
  }

  get manager(): EntityManager {
    this.bound ??= bindManager(this.dataSource, {
      query: (text, params) => this.client.query(prepared(text, params ?? [])),
    });
    return this.bound.manager;
  }

  afterCommit(hook: () => void | Promise<void>): void {
    this.committedHooks.push(hook);
  }

  /** the transaction has committed: its hooks run, in order, none failing the work */
  async committed(): Promise<void> {
    for (const hook of this.committedHooks.splice(0)) {
      try {
        await hook();
      } catch (error) {
        onAfterCommitError(error);
      }
    }
  }

  /** the transaction has ended: the manager refuses any further statement */
  end(): void {
    this.committedHooks.length = 0;
    this.bound?.release();
  }

  async query<R extends QueryResultRow>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    const result = await this.client.query<R>(prepared(sql, params));
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
    const result = await this.client.query(prepared(sql, params));
    return result.rowCount ?? 0;
  }
}

/**
 * The application's access to PostgreSQL, connected as the application role: the one place
 * that sets the coop of a transaction.
 *
 * Every unit of work is one transaction whose first statement sets `app.coop_id`
 * transaction-locally (`set_config(..., true)`): a pooled connection never carries a
 * tenant from one transaction into the next. Row-level security policies read it.
 * TypeORM builds the statements (entities, repositories, query builders); this class decides
 * how they travel: pipelined with BEGIN and the session check, as named prepared statements.
 */
export class Database {
  readonly pool: Pool;

  constructor(readonly dataSource: DataSource) {
    if (!dataSource.isInitialized) throw new Error('the data source must be initialized before the database');
    // TypeORM's postgres driver owns the pg pool (its options are dataSourceOptions')
    this.pool = (dataSource.driver as unknown as { master: Pool }).master;
  }

  /** A database over a new data source (tools, tests and benches; Nest apps use DatabaseModule). */
  static async connect(settings: DataSourceSettings): Promise<Database> {
    return new Database(await connectDataSource(settings));
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

  /**
   * A unit of work of exactly one statement, for the coop of the current context: BEGIN with
   * the coop, the request's pending precondition, the statement and COMMIT are written at once
   * and answered in one round trip (a list endpoint costs what a bare query costs).
   */
  async statement<R extends QueryResultRow = QueryResultRow>(
    sql: string,
    params: readonly unknown[] = [],
  ): Promise<R[]> {
    return (await this.statementResult<R>(sql, params)).rows;
  }

  /**
   * Reads through TypeORM on the one-round-trip path: every statement the manager sends is a
   * unit of work of its own (BEGIN with the coop of the current context, the pending session
   * check, the statement, COMMIT, in one write). A `find` or `getMany` is one statement, so one
   * round trip; a read of several statements sees each in its own transaction. For reads only.
   */
  read<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.readWith(this.sender, fn);
  }

  /**
   * `read()` with NO coop set (tenant tables show zero rows): GET reads of platform rows
   * (coops, users, SECURITY DEFINER lookups) on the same one-round-trip path.
   */
  readPlatform<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.readWith(this.platformSender, fn);
  }

  private async readWith<T>(sender: StatementSender, fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    const bound = bindManager(this.dataSource, sender);
    try {
      return await fn(bound.manager);
    } finally {
      bound.release();
    }
  }

  private readonly sender: StatementSender = {
    query: (text, params) => this.statementResult(text, params ?? [], checkedCoop(TenantContext.coopId())),
  };

  private readonly platformSender: StatementSender = {
    query: (text, params) => this.statementResult(text, params ?? [], ''),
  };

  /** `coopId` '' runs with no coop; by default the coop of the current context (throws when unset). */
  private async statementResult<R extends QueryResultRow = QueryResultRow>(
    sql: string,
    params: readonly unknown[],
    coopId: string = checkedCoop(TenantContext.coopId()),
  ): Promise<QueryResult<R>> {
    const precondition = TenantContext.pendingPrecondition();
    if (precondition?.refusal) throw precondition.refusal;
    const client = await this.pool.connect();
    try {
      const [opened, checked, ran, committed] = corked(
        client,
        () =>
          [
            settle(client.query(openSql(coopId))),
            checkIn(client, precondition),
            settle(client.query<R>(prepared(sql, params))),
            // COMMIT of an aborted transaction rolls it back: nothing half-done survives an error above
            settle(client.query('commit')),
          ] as const,
      );
      passOrThrow(await opened);
      checkPrecondition(precondition, await checked);
      const result = passOrThrow(await ran);
      passOrThrow(await committed);
      return result;
    } finally {
      // the pipelined COMMIT has ended the transaction either way (committed, or rolled back)
      client.release();
    }
  }

  /**
   * Runs the request's pending precondition on its own (a request that did no unit of work);
   * throws its refusal when it fails or has failed already.
   */
  async verifyPrecondition(): Promise<void> {
    const precondition = TenantContext.pendingPrecondition();
    if (precondition) await this.check(precondition);
  }

  /** Runs a precondition now, on its own (a write's session check, before its handler). */
  async check(precondition: Precondition): Promise<void> {
    if (precondition.refusal) throw precondition.refusal;
    checkPrecondition(precondition, await settle(this.pool.query(prepared(precondition.sql, precondition.params))));
  }

  private async transaction<T>(coopId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
    if (coopId !== '') checkedCoop(coopId);
    const precondition = TenantContext.pendingPrecondition();
    if (precondition?.refusal) throw precondition.refusal;
    const client = await this.pool.connect();
    const tx = new ClientTx(client, this.dataSource, coopId === '' ? null : coopId);
    let committed = false;
    try {
      // BEGIN with the coop, the precondition and the work's first statement leave together.
      const [opened, checked, work] = corked(client, () => {
        const begin = settle(client.query(openSql(coopId)));
        const check = checkIn(client, precondition);
        return [begin, check, settle(invoke(fn, tx))] as const;
      });
      const done = await work;
      passOrThrow(await opened);
      checkPrecondition(precondition, await checked);
      const result = passOrThrow(done);
      await client.query('commit');
      committed = true;
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      // the connection goes back before the hooks run: a hook may open a unit of work of its own
      const hooks = committed ? tx : null;
      if (!committed) tx.end();
      client.release();
      if (hooks) {
        await hooks.committed();
        hooks.end();
      }
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

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

const SWITCH_COOP_SQL = "select set_config('app.coop_id', $1, true)";

/** distinct statement texts this process prepares; beyond it, statements run unnamed */
const MAX_PREPARED = 1000;
const preparedNames = new Map<string, string>();

/**
 * Every statement with parameters runs as a named prepared statement (named after a hash of its
 * text): a connection parses and plans it once, then only binds and executes it. Planning is
 * not free here: row-level security triples the planning time of a tenant query. The set of
 * texts is the application's own SQL, so it is small; a cap keeps a runaway generator of
 * distinct texts from growing every connection's cache.
 */
function prepared(text: string, params: readonly unknown[]): QueryConfig {
  // without parameters a text may hold several statements, which a prepared statement cannot
  if (params.length === 0) return { text };
  let name = preparedNames.get(text);
  if (name === undefined && preparedNames.size < MAX_PREPARED) {
    name = `fc_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    preparedNames.set(text, name);
  }
  return { text, values: params as unknown[], ...(name ? { name } : {}) };
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}

/** Sends the pending precondition on the connection (nothing to wait for when there is none). */
function checkIn(client: PoolClient, precondition: Precondition | undefined): Promise<Settled<unknown>> {
  if (!precondition) return Promise.resolve({ ok: true, value: undefined });
  return settle(client.query(prepared(precondition.sql, precondition.params)));
}

function passOrThrow<T>(settled: Settled<T>): T {
  if (!settled.ok) throw settled.error;
  return settled.value;
}

function checkPrecondition(precondition: Precondition | undefined, settled: Settled<unknown>): void {
  if (!precondition) return;
  if (!settled.ok) {
    precondition.refusal = precondition.translate(settled.error);
    throw precondition.refusal;
  }
  precondition.passed = true;
}

function invoke<T>(fn: (tx: Tx) => Promise<T>, tx: Tx): Promise<T> {
  try {
    return fn(tx);
  } catch (error) {
    return Promise.reject(error);
  }
}

function checkedCoop(coopId: string): string {
  if (!UUID.test(coopId)) throw new Error('the coop id of a unit of work must be a UUID');
  return coopId;
}

/**
 * The coop is inlined (after validation) so that BEGIN and set_config are one message; the
 * setting is transaction-local, so a pooled connection never carries a coop into the next one.
 */
function openSql(coopId: string): string {
  return `begin; select set_config('app.coop_id', '${coopId}', true)`;
}

/**
 * Holds the connection's socket writes while `submit` queues several statements, so that they
 * leave in one write (pg corks each statement on its own; corking nests).
 */
function corked<T>(client: PoolClient, submit: () => T): T {
  const stream = (client as unknown as { connection?: { stream?: Partial<Writable> } }).connection?.stream;
  const cork = typeof stream?.cork === 'function' && typeof stream.uncork === 'function' ? stream : undefined;
  cork?.cork?.();
  try {
    return submit();
  } finally {
    cork?.uncork?.();
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
