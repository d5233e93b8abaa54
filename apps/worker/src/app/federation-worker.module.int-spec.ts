import { BullModule, getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Client } from 'pg';
import {
  COMPLIANCE_FAN_OUT_JOB,
  COMPLIANCE_FAN_OUT_PATTERN,
  COMPLIANCE_QUEUE,
  ComplianceProcessor,
  ComplianceService,
  FederationWorkerModule,
} from '@federacycle/federation-server';
import { FleetCourierRosterModule } from '@federacycle/fleet-server';
import { ConfigModule, loadConfig } from '@federacycle/platform-config';
import { DatabaseModule } from '@federacycle/platform-database';
import { Metrics, MetricsModule } from '@federacycle/platform-observability';
import { RedisModule, createRedis } from '@federacycle/platform-queue';
import {
  createTestDatabase,
  obliterate,
  testQueuePrefix,
  testRedisUrl,
  type TestDatabase,
} from '@federacycle/platform-testing';

describe("the worker's federation module, wired as in the worker (entities registered by the modules)", () => {
  let testDb: TestDatabase;
  let su: Client;
  let dataDir: string;
  let app: INestApplicationContext;
  let bullRedis: ReturnType<typeof createRedis>;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'fc-worker-module-'));
    su = new Client({ connectionString: testDb.superUrl });
    await su.connect();
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: testDb.appUrl,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: testQueuePrefix(),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
    });
    bullRedis = createRedis(config.redisUrl);
    const moduleRef = await Test.createTestingModule({
      // the worker's own imports (WorkerModule.forRoot) less the platform's processors: the entities
      // come from the modules, the compliance queue and processor from FederationWorkerModule
      imports: [
        ConfigModule.forRoot(config),
        MetricsModule.forRoot(new Metrics('worker-test')),
        DatabaseModule,
        RedisModule,
        BullModule.forRoot({ connection: bullRedis, prefix: config.queuePrefix }),
        FleetCourierRosterModule,
        FederationWorkerModule,
      ],
    }).compile();
    app = await moduleRef.init();
  });
  afterAll(async () => {
    if (app) await obliterate([app.get<Queue>(getQueueToken(COMPLIANCE_QUEUE))]);
    await app?.close();
    await bullRedis?.quit();
    await su?.end();
    await testDb?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("registers federation's compliance queue, its processor and its daily scheduler", async () => {
    expect(app.get(ComplianceProcessor)).toBeInstanceOf(ComplianceProcessor);
    const queue = app.get<Queue>(getQueueToken(COMPLIANCE_QUEUE));
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.pattern])).toEqual([
      [COMPLIANCE_FAN_OUT_JOB.name, COMPLIANCE_FAN_OUT_PATTERN],
    ]);
  });

  it("counts the coop's couriers from the fleet's activity and member flags, not from memberships", async () => {
    const coop = await su.query<{ id: string }>(
      `insert into coops (slug, name, city, country, timezone, currency) values ('worker-coop', 'W', 'City', 'FR', 'Europe/Paris', 'EUR') returning id`,
    );
    const coopId = coop.rows[0]?.id as string;
    const rider = async (email: string, roles: string) => {
      const user = await su.query<{ id: string }>(
        "insert into users (email, name, password_hash) values ($1, 'R', 'x') returning id",
        [email],
      );
      const userId = user.rows[0]?.id as string;
      await su.query('insert into memberships (coop_id, user_id, roles) values ($1, $2, $3)', [coopId, userId, roles]);
      return userId;
    };
    const member = await rider('member@w.test', '{courier,member}');
    const hired = await rider('hired@w.test', '{courier}');
    await rider('no-profile@w.test', '{courier,member}');
    const compliance = app.get(ComplianceService);
    expect(await compliance.coopsToCheck()).toEqual([coopId]);
    // memberships alone: no courier profile, no activity, nobody counts
    expect(await compliance.checkCoop(coopId)).toMatchObject({ activeCouriers: 0, share: null });
    // profiles: the member-owner flag decides, not the membership's roles; the hired courier is on duty
    // today, the member rode 10 days ago (a closed duty period)
    const profile = async (userId: string, memberOwner: boolean) =>
      (
        await su.query<{ id: string }>(
          `insert into couriers (coop_id, user_id, display_name, vehicle, member_owner) values ($1, $2, 'R', 'bike', $3) returning id`,
          [coopId, userId, memberOwner],
        )
      ).rows[0]?.id as string;
    const memberCourier = await profile(member, true);
    const hiredCourier = await profile(hired, false);
    await su.query(
      `insert into courier_duty_periods (coop_id, courier_id, started_at, ended_at)
       values ($1, $2, now() - interval '10 days', now() - interval '10 days' + interval '4 hours'), ($1, $3, now() - interval '1 hour', null)`,
      [coopId, memberCourier, hiredCourier],
    );
    expect(await compliance.checkCoop(coopId)).toMatchObject({
      coopId,
      activeCouriers: 2,
      memberCouriers: 1,
      share: 0.5,
    });
  });
});
