import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Job, Queue } from 'bullmq';
import { Client } from 'pg';
import { IDENTITY_ENTITIES, MailService } from '@federacycle/identity-server';
import { loadConfig } from '@federacycle/platform-config';
import { Database } from '@federacycle/platform-database';
import { Metrics } from '@federacycle/platform-observability';
import { createRedis, type JobEnvelope } from '@federacycle/platform-queue';
import {
  createTestDatabase,
  obliterate,
  testQueuePrefix,
  testRedisUrl,
  type TestDatabase,
} from '@federacycle/platform-testing';
import { FEDERATION_ENTITIES } from '../federation.entities';
import { FederationMailer } from '../mail/federation-mailer';
import { COMPLIANCE_CHECK_COOP_JOB, COMPLIANCE_QUEUE, complianceJobId } from './compliance.jobs';
import { ComplianceProcessor } from './compliance.processor';
import { ComplianceService } from './compliance.service';
import { SettingsReader } from '../settings/settings-reader';

describe('compliance processor: daily fan-out, one idempotent job per coop (real Redis and PostgreSQL)', () => {
  let testDb: TestDatabase;
  let db: Database;
  let su: Client;
  let queue: Queue;
  let redis: ReturnType<typeof createRedis>;
  let dataDir: string;
  let processor: ComplianceProcessor;
  const now = new Date('2026-06-01T03:00:00Z');
  const coops: string[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'fc-compliance-worker-'));
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
    redis = createRedis(testRedisUrl());
    queue = new Queue(COMPLIANCE_QUEUE, {
      connection: redis,
      prefix: testQueuePrefix(),
    });
    const clock = { now: () => now };
    const compliance = new ComplianceService(
      db,
      new FederationMailer(new MailService(config), config),
      clock,
      new SettingsReader(db),
    );
    processor = new ComplianceProcessor(compliance, clock, new Metrics('worker-test'), queue);
    for (const [slug, status] of [
      ['a', 'active'],
      ['b', 'active'],
      ['c', 'suspended'],
      ['d', 'offboarded'],
    ]) {
      const row = await su.query<{ id: string }>(
        `insert into coops (slug, name, city, country, timezone, currency, status) values ($1, $1, 'City', 'FR', 'Europe/Paris', 'EUR', $2) returning id`,
        [`coop-${slug}`, status],
      );
      coops.push(row.rows[0]?.id as string);
    }
    const u = await su.query<{ id: string }>(
      "insert into users (email, name, password_hash) values ('rider@a.test', 'R', 'x') returning id",
    );
    await su.query("insert into memberships (coop_id, user_id, roles) values ($1, $2, '{courier}')", [
      coops[0],
      u.rows[0]?.id,
    ]);
  });
  afterAll(async () => {
    await obliterate([queue]);
    await queue.close();
    await redis.quit();
    await db.close();
    await su.end();
    await testDb.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const envelope = (coopId: string | null): JobEnvelope<never> => ({
    coopId,
    actorId: null,
    requestId: 'test',
    outboxId: null,
    payload: {} as never,
  });

  it('fans out one job per active or suspended coop, with a day-scoped job id; a second fan-out the same day adds nothing', async () => {
    const fanOut = envelope(null);
    expect(await processor.fanOut(fanOut)).toEqual({
      day: '2026-06-01',
      coops: 3,
    });
    expect(await processor.fanOut(fanOut)).toEqual({
      day: '2026-06-01',
      coops: 3,
    });
    const jobs = await queue.getJobs(['waiting', 'delayed', 'prioritized']);
    expect(jobs.map((j) => j.id).sort()).toEqual(
      [coops[0], coops[1], coops[2]].map((id) => complianceJobId(id as string, '2026-06-01')).sort(),
    );
    expect(
      jobs.every((j) => j.name === COMPLIANCE_CHECK_COOP_JOB.name && (j.data as JobEnvelope).coopId !== null),
    ).toBe(true);
  });

  it('runs each coop job in its coop context; running a job twice leaves the same row', async () => {
    const jobs = await queue.getJobs(['waiting']);
    for (const job of jobs) await processor.process(job as Job<JobEnvelope>);
    const first = await su.query(
      'select coop_id, share, active_couriers, below_since, warned_at from coop_compliance order by coop_id',
    );
    expect(first.rows).toHaveLength(3);
    expect(first.rows.find((r) => r.coop_id === coops[0])).toMatchObject({
      share: 0,
      active_couriers: 1,
      below_since: now,
      warned_at: now,
    });
    for (const job of jobs) await processor.process(job as Job<JobEnvelope>);
    const second = await su.query(
      'select coop_id, share, active_couriers, below_since, warned_at from coop_compliance order by coop_id',
    );
    expect(second.rows).toEqual(first.rows);
  });

  it('refuses an unknown job and a coop job without a coop', async () => {
    await expect(processor.process(new Job(queue, 'nope', envelope(null)))).rejects.toThrow(/no handler/);
    await expect(processor.process(new Job(queue, COMPLIANCE_CHECK_COOP_JOB.name, envelope(null)))).rejects.toThrow(
      /needs the coop/,
    );
  });
});
