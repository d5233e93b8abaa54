import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Database, TenantContext, type Precondition } from '@federacycle/platform-database';
import { createTestDatabase, type TestDatabase } from './test-database';

// Database lives in platform-database; its tests against a real server live here, beside the
// test database factory (platform-testing depends on platform-database, not the reverse).

/** what a failed precondition turns into (stands in for 401 SESSION_REVOKED) */
class SessionEnded extends Error {
  constructor(readonly reason: unknown) {
    super('session ended');
    this.name = 'SessionEnded';
  }
}

describe('Database units of work and preconditions (real PostgreSQL, as fc_app)', () => {
  let testDb: TestDatabase;
  /** one connection only: whatever a unit of work leaves behind, the next one meets */
  let db: Database;
  /** superuser on the test database: the raw truth, unaffected by RLS */
  let su: Client;
  const coopA = '0a000000-0000-4000-8000-00000000000a';
  const coopB = '0b000000-0000-4000-8000-00000000000b';

  const inCoop = <T>(coopId: string | null, fn: () => Promise<T>): Promise<T> =>
    TenantContext.run({ coopId, actorId: null, requestId: 'test' }, fn);
  const hash = (): string => randomBytes(32).toString('hex');
  const insertInvitation = `insert into invitations (coop_id, email, roles, token_hash, expires_at)
    values ($1, $2, '{member}', $3, now() + interval '7 days')`;
  /** invitations with this email, across coops (superuser) */
  const kept = async (email: string): Promise<number> =>
    (await su.query('select 1 from invitations where email = $1', [email])).rowCount ?? 0;
  /** how many times a precondition reading the sequence has been sent */
  const hits = async (): Promise<number> => {
    const row = await su.query<{ last_value: string; is_called: boolean }>(
      'select last_value, is_called from precondition_hits',
    );
    return row.rows[0]?.is_called ? Number(row.rows[0].last_value) : 0;
  };
  /** a precondition that counts its executions and passes (or divides by zero) */
  const counted = (pass: boolean): Precondition => ({
    sql: 'select nextval($1::regclass) / $2::int',
    params: ['precondition_hits', pass ? 1 : 0],
    translate: (error) => new SessionEnded(error),
    passed: false,
  });
  const failing = (): Precondition => ({
    sql: 'select 1/$1::int',
    params: [0],
    translate: (error) => new SessionEnded(error),
    passed: false,
  });
  /** the connection of the single-connection pool, outside any unit of work */
  const idleConnection = async (): Promise<{ coop: string | null; status: string | null; pid: number }> => {
    const client = await db.pool.connect();
    try {
      const row = await client.query<{ coop: string | null; pid: number }>(
        `select current_setting('app.coop_id', true) as coop, pg_backend_pid() as pid`,
      );
      return { coop: row.rows[0]?.coop ?? null, status: client.getTransactionStatus(), pid: Number(row.rows[0]?.pid) };
    } finally {
      client.release();
    }
  };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = await Database.connect({ url: testDb.appUrl, max: 1 });
    su = new Client({ connectionString: testDb.superUrl });
    await su.connect();
    for (const [id, slug] of [
      [coopA, 'coop-a'],
      [coopB, 'coop-b'],
    ]) {
      await su.query(
        `insert into coops (id, slug, name, city, country, timezone, currency) values ($1, $2, $2, 'City', 'FR', 'Europe/Paris', 'EUR')`,
        [id, slug],
      );
    }
    for (const [coopId, email] of [
      [coopA, 'a1@example.org'],
      [coopA, 'a2@example.org'],
      [coopB, 'b1@example.org'],
    ]) {
      await su.query(insertInvitation, [coopId, email, hash()]);
    }
    await su.query('create sequence precondition_hits');
    await su.query('grant usage on sequence precondition_hits to fc_app');
  });

  afterAll(async () => {
    await db?.close();
    await su?.end();
    await testDb?.drop();
  });

  describe('statement()', () => {
    it("returns the rows of the current context's coop only", async () => {
      const emails = (coopId: string) =>
        inCoop(coopId, () => db.statement<{ email: string }>('select email from invitations order by email')).then(
          (rows) => rows.map((r) => r.email),
        );
      expect(await emails(coopA)).toEqual(['a1@example.org', 'a2@example.org']);
      expect(await emails(coopB)).toEqual(['b1@example.org']);
      // the coop is the transaction's: app_coop_id() reads it
      const [row] = await inCoop(coopB, () => db.statement<{ coop: string }>('select app_coop_id() as coop'));
      expect(row?.coop).toBe(coopB);
    });

    it('throws outside a coop context, before reaching the database', async () => {
      await expect(db.statement('select 1')).rejects.toThrow(/No work context/);
      await expect(inCoop(null, () => db.statement('select 1'))).rejects.toThrow(/No coop/);
      await expect(inCoop('not-a-uuid', () => db.statement('select 1'))).rejects.toThrow(/must be a UUID/);
      // platform work sees no tenant rows at all
      expect(await db.platform((tx) => tx.query('select * from invitations'))).toEqual([]);
    });

    it('commits a write and leaves the pooled connection idle, with no coop on it', async () => {
      const email = `written-${randomUUID()}@example.org`;
      expect(await inCoop(coopB, () => db.statement(insertInvitation, [coopB, email, hash()]))).toEqual([]);
      // committed: another session sees it at once
      expect(await kept(email)).toBe(1);
      const after = await idleConnection();
      expect([after.status, after.coop ?? '']).toEqual(['I', '']);
      await su.query('delete from invitations where email = $1', [email]);
    });

    it('leaves nothing written and the pooled connection clean when it fails', async () => {
      const before = await idleConnection();
      const [existing] = (
        await su.query<{ token_hash: string }>(`select token_hash from invitations where email = 'a1@example.org'`)
      ).rows;
      // two rows, the second violating unique (coop_id, token_hash)
      await expect(
        inCoop(coopA, () =>
          db.statement(
            `insert into invitations (coop_id, email, roles, token_hash, expires_at)
             values ($1, 'fresh@example.org', '{member}', $2, now() + interval '1 day'),
                    ($1, 'dup@example.org', '{member}', $3, now() + interval '1 day')`,
            [coopA, hash(), existing?.token_hash],
          ),
        ),
      ).rejects.toMatchObject({ code: '23505' });
      expect(await kept('fresh@example.org')).toBe(0);
      expect(await kept('dup@example.org')).toBe(0);

      // the one connection is idle, outside any transaction, with no coop left on it
      const after = await idleConnection();
      expect(after.pid).toBe(before.pid);
      expect(after.status).toBe('I');
      expect(after.coop ?? '').toBe('');
      // and the next statement and unit of work on it work
      expect(await inCoop(coopB, () => db.statement('select email from invitations'))).toHaveLength(1);
      expect(await db.forCoop(coopA, (tx) => tx.query('select email from invitations'))).toHaveLength(2);
      expect((await idleConnection()).coop ?? '').toBe('');
    });

    it('rolls back a write into another coop (RLS with check) and leaves the connection clean', async () => {
      await expect(
        inCoop(coopA, () => db.statement(insertInvitation, [coopB, 'cross@example.org', hash()])),
      ).rejects.toThrow(/row-level security/);
      expect(await kept('cross@example.org')).toBe(0);
      const after = await idleConnection();
      expect([after.status, after.coop ?? '']).toEqual(['I', '']);
    });
  });

  describe('unitOfWork()', () => {
    it('keeps nothing of a unit of work that fails after a write, and leaves the connection clean', async () => {
      await expect(
        inCoop(coopA, () =>
          db.unitOfWork(async (tx) => {
            await tx.execute(insertInvitation, [coopA, 'first@example.org', hash()]);
            const [row] = await tx.query<{ token_hash: string }>(
              `select token_hash from invitations where email = 'a1@example.org'`,
            );
            await tx.execute(insertInvitation, [coopA, 'second@example.org', row?.token_hash]);
          }),
        ),
      ).rejects.toMatchObject({ code: '23505' });
      expect(await kept('first@example.org')).toBe(0);
      const after = await idleConnection();
      expect([after.status, after.coop ?? '']).toEqual(['I', '']);
      expect(await inCoop(coopA, () => db.statement('select 1 as one'))).toEqual([{ one: 1 }]);
    });

    it('keeps nothing when the work throws without a database error', async () => {
      await expect(
        inCoop(coopB, () =>
          db.unitOfWork(async (tx) => {
            await tx.execute(insertInvitation, [coopB, 'thrown@example.org', hash()]);
            throw new Error('business rule failed');
          }),
        ),
      ).rejects.toThrow('business rule failed');
      expect(await kept('thrown@example.org')).toBe(0);
      expect((await idleConnection()).status).toBe('I');
    });

    it('never lets concurrent units of work of two coops see each other', async () => {
      const wide = await Database.connect({ url: testDb.appUrl, max: 4 });
      try {
        const seen = (coopId: string, i: number) => {
          type Seen = { coop: string; coops: string[] };
          const work = async (query: (sql: string) => Promise<Seen[]>) => {
            const [row] = await query(
              `select current_setting('app.coop_id') as coop,
                      (select coalesce(array_agg(distinct coop_id::text), '{}') from invitations) as coops
                 from pg_sleep(0.01 * ${i % 3})`,
            );
            return { coopId, row };
          };
          switch (i % 3) {
            case 0:
              return inCoop(coopId, () => wide.unitOfWork((tx) => work((sql) => tx.query<Seen>(sql))));
            case 1:
              return wide.forCoop(coopId, (tx) => work((sql) => tx.query<Seen>(sql)));
            default:
              return inCoop(coopId, () => work((sql) => wide.statement<Seen>(sql)));
          }
        };
        const results = await Promise.all(
          Array.from({ length: 24 }, (_, i) => seen(i % 2 === 0 ? coopA : coopB, Math.floor(i / 2))),
        );
        expect(new Set(results.map((r) => r.coopId))).toEqual(new Set([coopA, coopB]));
        for (const { coopId, row } of results) {
          expect({ coop: row?.coop, coops: row?.coops }).toEqual({ coop: coopId, coops: [coopId] });
        }
        // the pool did use several connections at once
        expect(wide.pool.totalCount).toBeGreaterThan(1);
      } finally {
        await wide.close();
      }
    });
  });

  describe('a precondition that passes', () => {
    it('lets the work run in the same transaction, marks it passed, and is not sent again', async () => {
      const precondition: Precondition = {
        // a setting of the test's own (not the coop): it shows the work ran in the same transaction
        // eslint-disable-next-line no-restricted-syntax
        sql: `select nextval('precondition_hits'), set_config('app.checked', 'yes', true)`,
        params: [],
        translate: (error) => new SessionEnded(error),
        passed: false,
      };
      const start = await hits();
      await inCoop(coopA, async () => {
        TenantContext.requirePrecondition(precondition);
        const email = `pass-${randomUUID()}@example.org`;
        // the work runs after the check, in the same transaction, and its write is kept
        const checked = await db.unitOfWork(async (tx) => {
          await tx.execute(insertInvitation, [coopA, email, hash()]);
          return (await tx.one<{ checked: string }>(`select current_setting('app.checked', true) as checked`)).checked;
        });
        expect(checked).toBe('yes');
        expect(precondition.passed).toBe(true);
        expect(precondition.refusal).toBeUndefined();
        expect(await kept(email)).toBe(1);
        await su.query('delete from invitations where email = $1', [email]);
        expect(await hits()).toBe(start + 1);

        // not sent again in this context, by any way in
        const [again] = await db.statement<{ checked: string | null }>(
          `select current_setting('app.checked', true) as checked`,
        );
        expect(again?.checked ?? '').toBe('');
        await db.unitOfWork((tx) => tx.query('select 1'));
        await db.verifyPrecondition();
        expect(TenantContext.pendingPrecondition()).toBeUndefined();
      });
      expect(await hits()).toBe(start + 1);
    });

    it('passes through statement() as well, once', async () => {
      const precondition = counted(true);
      const start = await hits();
      await inCoop(coopB, async () => {
        TenantContext.requirePrecondition(precondition);
        expect(await db.statement('select email from invitations')).toHaveLength(1);
        expect(precondition.passed).toBe(true);
        expect(await db.statement('select email from invitations')).toHaveLength(1);
        await db.unitOfWork((tx) => tx.query('select 1'));
      });
      expect(await hits()).toBe(start + 1);
    });

    it('is sent once per context: another request checks again', async () => {
      const start = await hits();
      for (const coopId of [coopA, coopB]) {
        await inCoop(coopId, async () => {
          TenantContext.requirePrecondition(counted(true));
          await db.statement('select 1');
          await db.statement('select 1');
        });
      }
      expect(await hits()).toBe(start + 2);
    });
  });

  describe('a precondition that fails', () => {
    it('makes statement() reject with the translated error and keeps nothing of a write', async () => {
      const precondition = failing();
      const refused = inCoop(coopA, () => {
        TenantContext.requirePrecondition(precondition);
        return db.statement(insertInvitation, [coopA, 'refused-statement@example.org', hash()]);
      });
      await expect(refused).rejects.toBeInstanceOf(SessionEnded);
      await expect(refused).rejects.toBe(precondition.refusal);
      expect(precondition.refusal).toBeInstanceOf(SessionEnded);
      expect((precondition.refusal as SessionEnded).reason).toMatchObject({ code: '22012' });
      expect(precondition.passed).toBe(false);
      expect(await kept('refused-statement@example.org')).toBe(0);
      const after = await idleConnection();
      expect([after.status, after.coop ?? '']).toEqual(['I', '']);
    });

    it('makes unitOfWork() reject with the translated error, keeps nothing, and returns nothing read', async () => {
      const precondition = failing();
      const read: unknown[] = [];
      const refused = inCoop(coopA, () => {
        TenantContext.requirePrecondition(precondition);
        return db.unitOfWork(async (tx) => {
          // the work even swallows its own errors: the refusal still wins
          await tx.execute(insertInvitation, [coopA, 'refused-work@example.org', hash()]).catch(() => 0);
          read.push(...(await tx.query('select email from invitations').catch(() => [])));
          return 'done';
        });
      });
      await expect(refused).rejects.toBeInstanceOf(SessionEnded);
      await expect(refused).rejects.toBe(precondition.refusal);
      expect(read).toEqual([]);
      expect(await kept('refused-work@example.org')).toBe(0);
      const after = await idleConnection();
      expect([after.status, after.coop ?? '']).toEqual(['I', '']);
      // the connection serves the next unit of work
      expect(await db.forCoop(coopA, (tx) => tx.query('select email from invitations'))).toHaveLength(2);
    });

    it('sets the refusal, which verifyPrecondition() then throws without querying', async () => {
      const precondition = counted(false);
      const start = await hits();
      await inCoop(coopB, async () => {
        TenantContext.requirePrecondition(precondition);
        await expect(db.statement('select 1')).rejects.toBeInstanceOf(SessionEnded);
        expect(await hits()).toBe(start + 1);
        const refusal = precondition.refusal;
        expect(refusal).toBeInstanceOf(SessionEnded);
        await expect(db.verifyPrecondition()).rejects.toBe(refusal);
        await expect(db.verifyPrecondition()).rejects.toBe(refusal);
      });
      expect(await hits()).toBe(start + 1);
    });

    it('is not asked again by the next unit of work once refused', async () => {
      const precondition = counted(false);
      const start = await hits();
      await inCoop(coopB, async () => {
        TenantContext.requirePrecondition(precondition);
        await expect(db.statement('select 1')).rejects.toBeInstanceOf(SessionEnded);
        const refusal = precondition.refusal;
        await expect(db.statement('select 1')).rejects.toBe(refusal);
        await expect(db.unitOfWork(async () => 1)).rejects.toBe(refusal);
      });
      expect(await hits()).toBe(start + 1);
    });

    it('is refused by verifyPrecondition() alone, which sets the refusal', async () => {
      const precondition = counted(false);
      const start = await hits();
      await inCoop(null, async () => {
        TenantContext.requirePrecondition(precondition);
        await expect(db.verifyPrecondition()).rejects.toBeInstanceOf(SessionEnded);
        expect(precondition.refusal).toBeInstanceOf(SessionEnded);
        await expect(db.verifyPrecondition()).rejects.toBe(precondition.refusal);
      });
      expect(await hits()).toBe(start + 1);
      expect(precondition.passed).toBe(false);
    });
  });

  describe('verifyPrecondition()', () => {
    it('runs a pending passing precondition alone and marks it passed', async () => {
      const precondition = counted(true);
      const start = await hits();
      await inCoop(null, async () => {
        TenantContext.requirePrecondition(precondition);
        await expect(db.verifyPrecondition()).resolves.toBeUndefined();
        expect(precondition.passed).toBe(true);
        await db.verifyPrecondition();
        await db.forCoop(coopA, (tx) => tx.query('select 1'));
      });
      expect(await hits()).toBe(start + 1);
    });

    it('resolves when there is no precondition (or no context at all)', async () => {
      await expect(inCoop(coopA, () => db.verifyPrecondition())).resolves.toBeUndefined();
      await expect(db.verifyPrecondition()).resolves.toBeUndefined();
    });
  });
});
