import { Client } from 'pg';
import { GEO_ENTITIES } from '@federacycle/geo-server';
import { IDENTITY_ENTITIES, seedIdentity } from '@federacycle/identity-server';
import { Database } from '@federacycle/platform-database';
import { STORAGE_ENTITIES } from '@federacycle/platform-storage';
import { createTestDatabase, type TestDatabase } from '@federacycle/platform-testing';
import { MERCHANTS_ENTITIES } from '../merchants.entities';
import { seedMerchants } from './seed-merchants';

describe('seedMerchants', () => {
  let testDb: TestDatabase;
  let db: Database;
  let su: Client;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = await Database.connect({
      url: testDb.appUrl,
      max: 2,
      entities: [...IDENTITY_ENTITIES, ...GEO_ENTITIES, ...MERCHANTS_ENTITIES, ...STORAGE_ENTITIES],
    });
    su = new Client({ connectionString: testDb.superUrl });
    await su.connect();
  });
  afterAll(async () => {
    await db.close();
    await su.end();
    await testDb.drop();
  });

  it('gives each demo coop 12 merchants inside its city with menus of 15 to 40 products; a second run changes nothing', async () => {
    await seedIdentity(db, { password: 'seed-password-123' });
    const first = await seedMerchants(db);
    expect(first.merchants).toBe(36);
    const per = await su.query<{ slug: string; n: string }>(
      `select c.slug, count(*) as n from merchants m join coops c on c.id = m.coop_id group by c.slug order by c.slug`,
    );
    expect(per.rows).toEqual([
      { slug: 'barcelona', n: '12' },
      { slug: 'berlin', n: '12' },
      { slug: 'lyon', n: '12' },
    ]);
    const lyon = await su.query<{ lat: number; lng: number }>(
      `select lat, lng from merchants m join coops c on c.id = m.coop_id where c.slug = 'lyon'`,
    );
    // inside Lyon's city limits (roughly 45.70-45.81 N, 4.77-4.90 E)
    for (const m of lyon.rows) {
      expect(m.lat).toBeGreaterThan(45.7);
      expect(m.lat).toBeLessThan(45.81);
      expect(m.lng).toBeGreaterThan(4.77);
      expect(m.lng).toBeLessThan(4.9);
    }
    const sizes = await su.query<{ n: string }>('select count(*) as n from products group by merchant_id');
    for (const s of sizes.rows) {
      expect(Number(s.n)).toBeGreaterThanOrEqual(15);
      expect(Number(s.n)).toBeLessThanOrEqual(40);
    }
    const groups = await su.query<{ n: string }>('select count(*) as n from option_groups');
    expect(Number(groups.rows[0]?.n)).toBeGreaterThan(36);
    const staff = await su.query<{ merchant_ids: string[] }>(
      `select m.merchant_ids from memberships m join users u on u.id = m.user_id where u.email = 'merchant@lyon.demo'`,
    );
    expect(staff.rows[0]?.merchant_ids).toHaveLength(2);

    const before = await su.query('select count(*) from products');
    const second = await seedMerchants(db);
    expect(second).toEqual({ merchants: 0, products: 0 });
    expect((await su.query('select count(*) from products')).rows).toEqual(before.rows);
  });
});
