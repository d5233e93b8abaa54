import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { IDENTITY_ENTITIES, MailService } from '@federacycle/identity-server';
import { loadConfig } from '@federacycle/platform-config';
import { Database } from '@federacycle/platform-database';
import { createTestDatabase, testRedisUrl, type TestDatabase } from '@federacycle/platform-testing';
import { FederationMailer } from '../mail/federation-mailer';
import { ComplianceService } from './compliance.service';
import { FEDERATION_ENTITIES } from '../federation.entities';
import { SettingsReader } from '../settings/settings-reader';

const DAY = 86_400_000;

describe('the daily worker-ownership check of one coop (real database, RLS as the app role)', () => {
  let testDb: TestDatabase;
  let db: Database;
  let su: Client;
  let dataDir: string;
  let now = new Date('2026-06-01T03:00:00Z');
  let service: ComplianceService;
  let coopId: string;
  const users: string[] = [];

  const mails = async () => (await readdir(join(dataDir, 'mail')).catch(() => [] as string[])).length;
  const row = async () =>
    (
      await su.query(
        'select share, active_couriers, member_couriers, below_since, warned_at from coop_compliance where coop_id = $1',
        [coopId],
      )
    ).rows[0];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'fc-compliance-'));
    db = await Database.connect({
      url: testDb.appUrl,
      max: 2,
      entities: [...IDENTITY_ENTITIES, ...FEDERATION_ENTITIES],
    });
    su = new Client({ connectionString: testDb.superUrl });
    await su.connect();
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: testDb.appUrl,
      REDIS_URL: testRedisUrl(),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
    });
    service = new ComplianceService(
      db,
      new FederationMailer(new MailService(config), config),
      { now: () => now },
      new SettingsReader(db),
    );
    const coop = await su.query<{ id: string }>(
      `insert into coops (slug, name, city, country, timezone, currency, contact_email) values ('own', 'Own Coop', 'Lyon', 'FR', 'Europe/Paris', 'EUR', 'contact@own.test') returning id`,
    );
    coopId = coop.rows[0]?.id as string;
    for (const [i, roles] of [
      ['courier', 'member'],
      ['courier'],
      ['courier'],
      ['courier'],
      ['dispatcher', 'member'],
    ].entries()) {
      const u = await su.query<{ id: string }>(
        "insert into users (email, name, password_hash) values ($1, 'U', 'x') returning id",
        [`u${i}@own.test`],
      );
      users.push(u.rows[0]?.id as string);
      await su.query('insert into memberships (coop_id, user_id, roles) values ($1, $2, $3)', [
        coopId,
        users[i],
        roles,
      ]);
    }
  });
  afterAll(async () => {
    await db?.close();
    await su?.end();
    await testDb?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('nothing to judge without couriers: share null, never below', async () => {
    const empty = await su.query<{ id: string }>(
      `insert into coops (slug, name, city, country, timezone, currency) values ('empty', 'Empty', 'Lyon', 'FR', 'Europe/Paris', 'EUR') returning id`,
    );
    const result = await service.checkCoop(empty.rows[0]?.id as string);
    expect(result).toMatchObject({
      share: null,
      activeCouriers: 0,
      belowThreshold: false,
      warned: false,
    });
  });

  it('below the threshold: below_since set, one warning notice; a second run the same day changes nothing', async () => {
    const first = await service.checkCoop(coopId);
    expect(first).toMatchObject({
      activeCouriers: 4,
      memberCouriers: 1,
      share: 0.25,
      belowThreshold: true,
      warned: true,
      belowSince: now,
    });
    const stored = await row();
    expect(stored).toMatchObject({
      share: 0.25,
      active_couriers: 4,
      member_couriers: 1,
    });
    expect(stored.below_since).toEqual(now);
    expect(await mails()).toBe(1);
    const second = await service.checkCoop(coopId);
    expect(second).toMatchObject({ warned: false, belowSince: now });
    expect(await row()).toEqual(stored);
    expect(await mails()).toBe(1);
    // the next day, still below: the breach keeps its start date, no new notice
    const firstDay = now;
    now = new Date(now.getTime() + DAY);
    expect(await service.checkCoop(coopId)).toMatchObject({
      warned: false,
      belowSince: firstDay,
    });
    expect(await mails()).toBe(1);
  });

  it('above the threshold again: below_since cleared (the grace period restarts at the next breach)', async () => {
    await su.query("update memberships set roles = '{courier,member}' where coop_id = $1 and user_id = any($2)", [
      coopId,
      [users[1], users[2]],
    ]);
    now = new Date(now.getTime() + DAY);
    const result = await service.checkCoop(coopId);
    expect(result).toMatchObject({
      share: 0.75,
      belowThreshold: false,
      belowSince: null,
      warned: false,
    });
    expect(await row()).toMatchObject({ below_since: null, warned_at: null });
    expect(await service.checkCoop(coopId)).toMatchObject({
      share: 0.75,
      belowSince: null,
    });
  });

  it('disabled memberships do not count; the check is scoped to its coop (RLS)', async () => {
    await su.query("update memberships set status = 'disabled' where coop_id = $1 and user_id = any($2)", [
      coopId,
      [users[1], users[2]],
    ]);
    expect(await service.checkCoop(coopId)).toMatchObject({
      activeCouriers: 2,
      memberCouriers: 1,
      share: 0.5,
      belowThreshold: false,
    });
    const visible = await db.platform((tx) => tx.query('select * from coop_compliance'));
    expect(visible).toEqual([]);
  });
});
