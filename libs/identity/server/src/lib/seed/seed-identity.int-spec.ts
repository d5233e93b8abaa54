import { Client } from 'pg';
import { Database } from '@federacycle/platform-database';
import { createTestDatabase, type TestDatabase } from '@federacycle/platform-testing';
import { IDENTITY_ENTITIES } from '../identity.entities';
import { verifyPassword } from '../shared/passwords';
import { DEMO_PASSWORD, seedIdentity } from './seed-identity';

describe('seedIdentity', () => {
  let testDb: TestDatabase;
  let db: Database;
  let su: Client;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = await Database.connect({ url: testDb.appUrl, max: 2, entities: IDENTITY_ENTITIES });
    su = new Client({ connectionString: testDb.superUrl });
    await su.connect();
  });
  afterAll(async () => {
    await su?.end();
    await db?.close();
    await testDb?.drop();
  });

  const dump = async () => {
    const parts = await Promise.all(
      ['coops order by slug', 'users order by email', 'memberships order by coop_id, user_id'].map((q) =>
        su.query(`select to_jsonb(t) as r from ${q.replace(' order', ' t order')}`),
      ),
    );
    return JSON.stringify(parts.map((p) => p.rows));
  };

  it('creates the demo federation, is idempotent, and returns the accounts to print', async () => {
    const accounts = await seedIdentity(db);
    const first = await dump();
    const again = await seedIdentity(db);
    expect(await dump()).toBe(first);
    expect(again).toEqual(accounts);

    const coops = await su.query('select slug, country, currency, timezone from coops order by slug');
    expect(coops.rows).toEqual([
      { slug: 'barcelona', country: 'ES', currency: 'EUR', timezone: 'Europe/Madrid' },
      { slug: 'berlin', country: 'DE', currency: 'EUR', timezone: 'Europe/Berlin' },
      { slug: 'lyon', country: 'FR', currency: 'EUR', timezone: 'Europe/Paris' },
    ]);
    expect(accounts.find((a) => a.coop === null)).toEqual({
      email: 'federation@federacycle.demo',
      password: DEMO_PASSWORD,
      roles: ['federation_admin'],
      coop: null,
    });
    for (const slug of ['lyon', 'barcelona', 'berlin']) {
      const roles = accounts.filter((a) => a.coop === slug).flatMap((a) => a.roles);
      expect(new Set(roles)).toEqual(new Set(['coop_admin', 'dispatcher', 'courier', 'merchant_staff', 'member']));
    }
    const rider = await su.query(
      "select count(*)::int as n from memberships m join users u on u.id = m.user_id where u.email = 'rider@federacycle.demo'",
    );
    expect(rider.rows[0].n).toBe(2);
    const hash = await su.query("select password_hash from users where email = 'admin@lyon.demo'");
    await expect(verifyPassword(hash.rows[0].password_hash, DEMO_PASSWORD)).resolves.toBe(true);
  });
});
