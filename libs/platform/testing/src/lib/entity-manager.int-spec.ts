import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { Database, TenantContext, type Tx } from '@federacycle/platform-database';
import { createTestDatabase, type TestDatabase } from './test-database';

/** The columns of `invitations` this spec needs (a tenant table with RLS forced). */
@Entity({ name: 'invitations' })
class InvitationRow {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text', array: true })
  roles!: string[];

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}

describe('The transaction-bound EntityManager of a unit of work (real PostgreSQL, as fc_app)', () => {
  let testDb: TestDatabase;
  let db: Database;
  let su: Client;
  const coopA = '0a000000-0000-4000-8000-00000000000a';
  const coopB = '0b000000-0000-4000-8000-00000000000b';
  const inCoop = <T>(coopId: string | null, fn: () => Promise<T>): Promise<T> =>
    TenantContext.run({ coopId, actorId: null, requestId: 'test' }, fn);
  const invitation = (coopId: string, email: string): Omit<InvitationRow, 'id'> => ({
    coopId,
    email,
    roles: ['member'],
    tokenHash: randomBytes(32).toString('hex'),
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  /** rows with this email, across coops (superuser: RLS does not apply) */
  const stored = async (email: string): Promise<{ coop_id: string }[]> =>
    (await su.query<{ coop_id: string }>('select coop_id from invitations where email = $1', [email])).rows;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = await Database.connect({ url: testDb.appUrl, max: 2, entities: [InvitationRow] });
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
  });

  afterAll(async () => {
    await db?.close();
    await su?.end();
    await testDb?.drop();
  });

  it('writes through the manager and through raw SQL in one transaction, and rolls both back together', async () => {
    await expect(
      inCoop(coopA, () =>
        db.unitOfWork(async (tx) => {
          await tx.manager.insert(InvitationRow, invitation(coopA, 'both@example.org'));
          await tx.execute(
            `insert into invitations (coop_id, email, roles, token_hash, expires_at)
             values ($1, 'both-raw@example.org', '{member}', $2, now() + interval '1 day')`,
            [coopA, randomBytes(32).toString('hex')],
          );
          // the manager sees what raw SQL wrote in the same transaction, and the reverse
          expect(await tx.manager.countBy(InvitationRow, { email: 'both-raw@example.org' })).toBe(1);
          expect(await tx.query('select 1 from invitations where email = $1', ['both@example.org'])).toHaveLength(1);
          throw new Error('business rule failed');
        }),
      ),
    ).rejects.toThrow('business rule failed');
    expect(await stored('both@example.org')).toEqual([]);
    expect(await stored('both-raw@example.org')).toEqual([]);
  });

  it('commits what the manager wrote with the unit of work, for the coop of the context', async () => {
    const id = await inCoop(coopA, () =>
      db.unitOfWork(async (tx) => {
        const result = await tx.manager.insert(InvitationRow, invitation(coopA, 'kept@example.org'));
        return (result.identifiers[0] as { id: string }).id;
      }),
    );
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await stored('kept@example.org')).toEqual([{ coop_id: coopA }]);
  });

  it('lets row-level security refuse a row of another coop written through the manager', async () => {
    await expect(
      inCoop(coopA, () =>
        db.unitOfWork((tx) => tx.manager.insert(InvitationRow, invitation(coopB, 'foreign@example.org'))),
      ),
    ).rejects.toThrow(/row-level security/);
    expect(await stored('foreign@example.org')).toEqual([]);
  });

  it('reads through read() only the rows of the context coop', async () => {
    await inCoop(coopB, () =>
      db.unitOfWork((tx) => tx.manager.insert(InvitationRow, invitation(coopB, 'b-read@example.org'))),
    );
    const seen = (coopId: string) =>
      inCoop(coopId, () => db.read((manager) => manager.find(InvitationRow, { order: { email: 'ASC' } }))).then(
        (rows) => rows.map((r) => r.email),
      );
    expect(await seen(coopB)).toEqual(['b-read@example.org']);
    expect(await seen(coopA)).not.toContain('b-read@example.org');
    // a read needs a coop: outside any, the context refuses before anything is sent
    await expect(db.read((manager) => manager.find(InvitationRow))).rejects.toThrow(/No work context/);
    await expect(inCoop(null, () => db.read((manager) => manager.find(InvitationRow)))).rejects.toThrow(/No coop/);
  });

  it('reads through readPlatform() with no coop: platform rows, and zero tenant rows', async () => {
    await inCoop(coopA, () =>
      db.unitOfWork((tx) => tx.manager.insert(InvitationRow, invitation(coopA, 'platform-read@example.org'))),
    );
    const { coops, invitations, setting } = await inCoop(null, () =>
      db.readPlatform(async (manager) => ({
        coops: (await manager.query('select slug from coops order by slug')) as { slug: string }[],
        invitations: await manager.find(InvitationRow),
        setting: (await manager.query("select current_setting('app.coop_id', true) as coop")) as { coop: string }[],
      })),
    );
    expect(coops.map((c) => c.slug)).toEqual(['coop-a', 'coop-b']);
    expect(invitations).toEqual([]);
    expect(setting).toEqual([{ coop: '' }]);
    expect(await stored('platform-read@example.org')).toEqual([{ coop_id: coopA }]);
  });

  it('reads through readPlatform() with no coop: tenant rows show none, platform rows all', async () => {
    await inCoop(coopB, () =>
      db.unitOfWork((tx) => tx.manager.insert(InvitationRow, invitation(coopB, 'b-platform@example.org'))),
    );
    // even from a context acting for coop B, readPlatform sets no coop
    const tenant = await inCoop(coopB, () => db.readPlatform((manager) => manager.find(InvitationRow)));
    expect(tenant).toEqual([]);
    const coops = await inCoop(null, () =>
      db.readPlatform((manager) => manager.query('select slug from coops order by slug')),
    );
    expect(coops).toEqual([{ slug: 'coop-a' }, { slug: 'coop-b' }]);
  });

  it('nests manager.transaction() as a savepoint inside the unit of work', async () => {
    await inCoop(coopA, () =>
      db.unitOfWork(async (tx) => {
        await tx.manager.insert(InvitationRow, invitation(coopA, 'outer@example.org'));
        await expect(
          tx.manager.transaction(async (inner) => {
            await inner.insert(InvitationRow, invitation(coopA, 'inner@example.org'));
            throw new Error('inner failed');
          }),
        ).rejects.toThrow('inner failed');
      }),
    );
    expect(await stored('outer@example.org')).toHaveLength(1);
    expect(await stored('inner@example.org')).toEqual([]);
  });

  it('refuses to commit or roll back the unit of work from inside it', async () => {
    await expect(
      inCoop(coopA, () =>
        db.unitOfWork(async (tx) => {
          await tx.manager.insert(InvitationRow, invitation(coopA, 'early@example.org'));
          await tx.manager.queryRunner?.commitTransaction();
        }),
      ),
    ).rejects.toThrow('the unit of work commits its own transaction');
    expect(await stored('early@example.org')).toEqual([]);
  });

  it('refuses a manager used after its unit of work ended', async () => {
    let leaked: Tx | undefined;
    await inCoop(coopA, () =>
      db.unitOfWork(async (tx) => {
        leaked = tx;
        await tx.manager.countBy(InvitationRow, {});
      }),
    );
    await expect(leaked?.manager.countBy(InvitationRow, {})).rejects.toBeInstanceOf(QueryRunnerAlreadyReleasedError);
  });

  it('switches a platform transaction to a coop, and only platform/database sets the coop', async () => {
    await inCoop(null, () =>
      db.platform(async (tx) => {
        expect(tx.coopId).toBeNull();
        // no coop yet: the tenant insert is refused by row-level security
        await expect(
          tx.manager.transaction((inner) => inner.insert(InvitationRow, invitation(coopB, 'switch@example.org'))),
        ).rejects.toThrow(/row-level security/);
        await tx.switchCoop(coopB);
        expect(tx.coopId).toBe(coopB);
        await tx.manager.insert(InvitationRow, invitation(coopB, 'switch@example.org'));
        await tx.switchCoop(null);
        expect(await tx.manager.countBy(InvitationRow, { email: 'switch@example.org' })).toBe(0);
        await expect(tx.switchCoop('not-a-uuid')).rejects.toThrow('the coop id of a unit of work must be a UUID');
      }),
    );
    expect(await stored('switch@example.org')).toEqual([{ coop_id: coopB }]);
  });
});
