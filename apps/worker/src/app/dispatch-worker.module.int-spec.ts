import { BullModule, getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  DISPATCH_QUEUE,
  DispatchProcessor,
  DispatchWorkerModule,
  FleetEventsProcessor,
  PICKUP_DELAY_SWEEP_JOB,
  PlanningService,
} from '@federacycle/dispatch-server';
import { FederationWorkerModule } from '@federacycle/federation-server';
import { FLEET_EVENTS_QUEUE, FleetCourierRosterModule } from '@federacycle/fleet-server';
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
import { WORKER_QUEUES } from './worker.module';

describe("the worker's dispatch module, wired as in the worker (entities registered by the modules)", () => {
  let testDb: TestDatabase;
  let dataDir: string;
  let app: INestApplicationContext;
  let bullRedis: ReturnType<typeof createRedis>;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'fc-dispatch-worker-'));
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
      imports: [
        ConfigModule.forRoot(config),
        MetricsModule.forRoot(new Metrics('worker-test')),
        DatabaseModule,
        RedisModule,
        BullModule.forRoot({ connection: bullRedis, prefix: config.queuePrefix }),
        FleetCourierRosterModule,
        FederationWorkerModule,
        DispatchWorkerModule,
      ],
    }).compile();
    app = await moduleRef.init();
  });
  afterAll(async () => {
    if (app) {
      await obliterate([
        app.get<Queue>(getQueueToken(DISPATCH_QUEUE)),
        app.get<Queue>(getQueueToken(FLEET_EVENTS_QUEUE)),
      ]);
    }
    await app?.close();
    await bullRedis?.quit();
    await testDb?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("registers dispatch's queue (the relay finds it) and its processor, and plans a coop with no work", async () => {
    expect(WORKER_QUEUES).toContain(DISPATCH_QUEUE);
    expect(app.get(DispatchProcessor)).toBeInstanceOf(DispatchProcessor);
    expect(app.get<Queue>(getQueueToken(DISPATCH_QUEUE)).name).toBe(DISPATCH_QUEUE);
    // fleet's events queue is dispatch's to consume (duty changes), and the delayed-pickup sweep is scheduled
    expect(WORKER_QUEUES).toContain(FLEET_EVENTS_QUEUE);
    expect(app.get(FleetEventsProcessor)).toBeInstanceOf(FleetEventsProcessor);
    const schedulers = await app.get<Queue>(getQueueToken(DISPATCH_QUEUE)).getJobSchedulers();
    expect(schedulers.map((j) => j.name)).toEqual([PICKUP_DELAY_SWEEP_JOB.name]);
    // no settings row: manual, nothing to do (the coop need not exist for a read)
    expect(await app.get(PlanningService).run('00000000-0000-4000-8000-000000000001')).toMatchObject({
      mode: 'manual',
      assigned: 0,
    });
  });
});
