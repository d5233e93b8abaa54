import { Client } from 'pg';
import { FEDERATION_ENTITIES, coopValuesOf, latestCoopVersions } from '@federacycle/federation-server';
import { IDENTITY_ENTITIES } from '@federacycle/identity-server';
import { Database } from '@federacycle/platform-database';
import { createTestDatabase, type TestDatabase } from '@federacycle/platform-testing';
import { seedCourierApp } from './seed-courier-app';

describe('seedCourierApp', () => {
  let testDb: TestDatabase;
  let db: Database;
  let su: Client;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = await Database.connect({
      url: testDb.appUrl,
      max: 2,
      entities: [...IDENTITY_ENTITIES, ...FEDERATION_ENTITIES],
    });
    su = new Client({ connectionString: testDb.superUrl });
    await su.connect();
  });
  afterAll(async () => {
    await db.close();
    await su.end();
    await testDb.drop();
  });

  it('does nothing without Lyon; gives Lyon photo and signature at dropoff as version 1; twice changes nothing', async () => {
    await seedCourierApp(db);
    expect((await su.query('select count(*)::int as n from coop_setting_versions')).rows[0].n).toBe(0);
    const lyon = await su.query<{ id: string }>(
      `insert into coops (slug, name, city, country, timezone, currency) values ('lyon', 'Lyon', 'Lyon', 'FR', 'Europe/Paris', 'EUR') returning id`,
    );
    const coopId = lyon.rows[0]?.id as string;
    await seedCourierApp(db);
    await seedCourierApp(db);
    const versions = await su.query(
      'select key, version, value, source from coop_setting_versions where coop_id = $1 order by key, version',
      [coopId],
    );
    expect(versions.rows).toEqual([
      { key: 'proof_of_delivery_dropoff', version: 1, value: 'photo_and_signature', source: 'initial' },
    ]);
    const values = await db.forCoop(coopId, ({ manager }) => latestCoopVersions(manager, coopId));
    expect(coopValuesOf(values).proof_of_delivery_dropoff).toBe('photo_and_signature');
    expect(coopValuesOf(values).proof_of_delivery_pickup).toBe('none');
  });
});
