import { SettingsReader } from '../settings/settings-reader';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { IDENTITY_ENTITIES, seedIdentity } from '@federacycle/identity-server';
import { Database } from '@federacycle/platform-database';
import { createTestDatabase, type TestDatabase } from '@federacycle/platform-testing';
import { StandingService } from '../standing/standing.service';
import { seedFederation } from './seed-federation';
import { FEDERATION_ENTITIES } from '../federation.entities';

describe('seedFederation', () => {
  let testDb: TestDatabase;
  let db: Database;
  let su: Client;
  let dir: string;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = await Database.connect({
      url: testDb.appUrl,
      max: 2,
      entities: [...IDENTITY_ENTITIES, ...FEDERATION_ENTITIES],
    });
    su = new Client({ connectionString: testDb.superUrl });
    await su.connect();
    dir = await mkdtemp(join(tmpdir(), 'fc-seed-'));
  });
  afterAll(async () => {
    await db.close();
    await su.end();
    await testDb.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('makes Lyon licensed, Barcelona in grace, one pending application; a second run changes nothing', async () => {
    await seedIdentity(db, { password: 'seed-password-123' });
    const first = await seedFederation(db, {
      keyDirectory: join(dir, 'licence-keys'),
    });
    const snapshot = async () =>
      JSON.stringify(
        await Promise.all([
          su.query('select id, licensed_coop_id, token from licences order by id'),
          su.query('select id, status from coop_applications order by id'),
          su.query('select slug, legal_form, registration_key, contact_email from coops order by slug'),
          su.query('select count(*) from federation_transitions'),
        ]).then((r) => r.map((x) => x.rows)),
      );
    const before = await snapshot();
    const second = await seedFederation(db, {
      keyDirectory: join(dir, 'licence-keys'),
    });
    expect(second).toEqual(first);
    expect(await snapshot()).toBe(before);
    const standing = new StandingService(db, { now: () => new Date() }, new SettingsReader(db));
    expect((await standing.standing(first.licensed as string)).mode).toBe('licensed');
    const grace = await standing.standing(first.inGrace as string);
    expect(grace.mode).toBe('grace');
    expect(grace.warning?.code).toBe('LICENCE_EXPIRED');
    const apps = await su.query('select name, status from coop_applications');
    expect(apps.rows).toEqual([{ name: 'Vélo Solidaire Nantes', status: 'applied' }]);
    const berlin = await su.query("select id from coops where slug = 'berlin'");
    expect((await standing.standing(berlin.rows[0].id)).mode).toBe('sandbox');
  });
});
