import { Client } from 'pg';
import { FEDERATION_ENTITIES } from '@federacycle/federation-server';
import { GEO_ENTITIES } from '@federacycle/geo-server';
import { IDENTITY_ENTITIES, seedIdentity } from '@federacycle/identity-server';
import { Database } from '@federacycle/platform-database';
import { createTestDatabase, type TestDatabase } from '@federacycle/platform-testing';
import { FLEET_ENTITIES } from '../fleet.entities';
import { workerOwnershipFigures } from '../ownership/worker-ownership-figures';
import { seedFleet } from './seed-fleet';

describe('seedFleet', () => {
  let testDb: TestDatabase;
  let db: Database;
  let su: Client;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = await Database.connect({
      url: testDb.appUrl,
      max: 2,
      entities: [...IDENTITY_ENTITIES, ...FEDERATION_ENTITIES, ...GEO_ENTITIES, ...FLEET_ENTITIES],
    });
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
      ['users', 'memberships', 'couriers', 'courier_shifts', 'courier_duty_periods', 'courier_locations'].map((t) =>
        su.query(`select to_jsonb(t) - 'updated_at' as r from ${t} t order by to_jsonb(t)::text`),
      ),
    );
    return JSON.stringify(parts.map((p) => p.rows));
  };

  it('gives Lyon 25 couriers (some not members), smaller fleets elsewhere, shifts this week, a few on duty; idempotent', async () => {
    const now = new Date('2026-12-02T12:00:00Z');
    await seedIdentity(db);
    const first = await seedFleet(db, { now });
    expect(first.couriers).toEqual({ lyon: 25, barcelona: 8, berlin: 7 });
    const lyon = (await su.query<{ id: string }>(`select id from coops where slug = 'lyon'`)).rows[0]?.id as string;
    const stats = await su.query(
      `select count(*)::int as couriers,
              count(*) filter (where not member_owner)::int as non_members,
              count(distinct vehicle)::int as vehicles,
              (select count(*)::int from courier_duty_periods d where d.coop_id = $1 and d.ended_at is null) as on_duty,
              (select count(*)::int from courier_shifts s where s.coop_id = $1 and s.starts_at >= '2026-11-30T00:00:00Z' and s.starts_at < '2026-12-07T00:00:00Z') as shifts_this_week
         from couriers where coop_id = $1`,
      [lyon],
    );
    expect(stats.rows[0]).toMatchObject({ couriers: 25, vehicles: 4, on_duty: 10 });
    expect(stats.rows[0].non_members).toBeGreaterThanOrEqual(5);
    expect(stats.rows[0].shifts_this_week).toBeGreaterThanOrEqual(50);
    // memberships come from identity: every profile has its courier membership
    const orphans = await su.query(
      `select c.id from couriers c left join memberships m on m.coop_id = c.coop_id and m.user_id = c.user_id
        where m.user_id is null or not ('courier' = any(m.roles))`,
    );
    expect(orphans.rows).toEqual([]);
    const recruits = await su.query(
      `select u.email from memberships m join users u on u.id = m.user_id
        left join couriers c on c.coop_id = m.coop_id and c.user_id = m.user_id
        where m.coop_id = $1 and 'courier' = any(m.roles) and c.id is null order by u.email`,
      [lyon],
    );
    expect(recruits.rows.map((r) => r.email)).toEqual(['bastien.leroy@lyon.demo', 'lucie.marchand@lyon.demo']);
    const figures = await db.forCoop(lyon, (tx) => workerOwnershipFigures(tx, lyon, now));
    expect(figures.activeCouriers).toBe(25);
    expect(figures.share).toBeGreaterThan(0.5);
    expect(figures.share).toBeLessThan(1);

    const before = await dump();
    const again = await seedFleet(db, { now: new Date(now.getTime() + 3_600_000) });
    expect(again).toEqual(first);
    expect(await dump()).toBe(before);
  });
});
