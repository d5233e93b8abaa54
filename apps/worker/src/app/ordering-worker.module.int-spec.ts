import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Queue } from 'bullmq';
import { Client } from 'pg';
import { DELIVERY_EVENT_JOB, DISPATCH_EVENTS_QUEUE, type DeliveryEventPayload } from '@federacycle/dispatch-server';
import {
  OrderingWorkerModule,
  WEBHOOKS_QUEUE,
  WEBHOOK_RETRY_DELAYS_MS,
  encryptSecret,
} from '@federacycle/ordering-server';
import { ConfigModule, loadConfig, type AppConfig } from '@federacycle/platform-config';
import { DatabaseModule } from '@federacycle/platform-database';
import { Metrics, MetricsModule } from '@federacycle/platform-observability';
import { RedisModule, createRedis, type JobEnvelope } from '@federacycle/platform-queue';
import {
  createTestDatabase,
  obliterate,
  testQueuePrefix,
  testRedisUrl,
  type TestDatabase,
} from '@federacycle/platform-testing';
import { WORKER_QUEUES } from './worker.module';

/** Until `ready()` holds (BullMQ's workers run on their own): bounded, never an assertion on time. */
async function until(ready: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (await ready()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`still waiting for ${what}`);
}

describe("the worker's ordering module: dispatch's delivery events → webhook calls through real BullMQ", () => {
  let testDb: TestDatabase;
  let dataDir: string;
  let app: INestApplicationContext;
  let bullRedis: ReturnType<typeof createRedis>;
  let su: Client;
  let config: AppConfig;
  let server: Server;
  const statuses: number[] = [];
  let calls = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        calls += 1;
        res.writeHead(statuses.shift() ?? 200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    testDb = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'fc-ordering-worker-'));
    config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: testDb.appUrl,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: testQueuePrefix(),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
    });
    bullRedis = createRedis(config.redisUrl);
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config),
        MetricsModule.forRoot(new Metrics('worker-test')),
        DatabaseModule,
        RedisModule,
        BullModule.forRoot({ connection: bullRedis, prefix: config.queuePrefix }),
        OrderingWorkerModule,
      ],
    }).compile();
    app = await moduleRef.init();
    su = new Client({ connectionString: testDb.superUrl });
    await su.connect();
  });
  afterAll(async () => {
    if (app) {
      await obliterate([
        app.get<Queue>(getQueueToken(DISPATCH_EVENTS_QUEUE)),
        app.get<Queue>(getQueueToken(WEBHOOKS_QUEUE)),
      ]);
    }
    await app?.close();
    await bullRedis?.quit();
    await su?.end();
    await testDb?.drop();
    await rm(dataDir, { recursive: true, force: true });
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('registers both queues, fans an event out, calls, and schedules the retry of a 500 on the webhook backoff', async () => {
    expect(WORKER_QUEUES).toEqual(expect.arrayContaining([DISPATCH_EVENTS_QUEUE, WEBHOOKS_QUEUE]));
    const coopId = (
      await su.query<{ id: string }>(
        `insert into coops (slug, name, city, country, timezone, currency) values ('hooks', 'Hooks', 'Lyon', 'FR', 'Europe/Paris', 'EUR') returning id`,
      )
    ).rows[0]?.id as string;
    const deliveryId = (
      await su.query<{ id: string }>(
        `insert into deliveries (coop_id, tracking_token, source) values ($1, $2, 'console') returning id`,
        [coopId, randomBytes(32).toString('base64url')],
      )
    ).rows[0]?.id as string;
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    await su.query(
      `insert into webhook_subscriptions (coop_id, url, events, secret_encrypted, secret_hint)
       values ($1, $2, '{delivery.completed}', $3, 'whsec_test…')`,
      [coopId, url, encryptSecret(config.webhookSecretKey, 'whsec_test')],
    );
    const outboxId = (
      await su.query<{ id: string }>(
        `insert into outbox (coop_id, queue, job_name, payload, request_id) values ($1, $2, $3, $4, 'test') returning id`,
        [
          coopId,
          DELIVERY_EVENT_JOB.queue,
          DELIVERY_EVENT_JOB.name,
          { deliveryId, event: 'delivery.completed', at: new Date().toISOString() },
        ],
      )
    ).rows[0]?.id as string;

    statuses.push(500);
    // what the relay does with the row
    const envelope: JobEnvelope<DeliveryEventPayload> = {
      coopId,
      actorId: null,
      requestId: 'test',
      outboxId,
      payload: { deliveryId, event: 'delivery.completed', at: new Date().toISOString() },
    };
    await app
      .get<Queue>(getQueueToken(DISPATCH_EVENTS_QUEUE))
      .add(DELIVERY_EVENT_JOB.name, envelope, { jobId: outboxId });

    const webhooks = app.get<Queue>(getQueueToken(WEBHOOKS_QUEUE));
    await until(async () => (await webhooks.getDelayedCount()) === 1, 'the send job to wait for its retry');
    expect(calls).toBe(1);
    const [delayed] = await webhooks.getDelayed();
    expect(delayed?.attemptsMade).toBe(1);
    // BullMQ waits as the webhook backoff says (1 minute after the first failure)
    const wait = (delayed?.delay ?? 0) as number;
    expect(wait).toBe(WEBHOOK_RETRY_DELAYS_MS[0]);
    const row = await su.query<{ state: string; attempts: number; outbox_done: boolean }>(
      `select d.state, d.attempts, (select processed_at is not null from outbox where id = $1) as outbox_done
         from webhook_deliveries d where d.event_id = $1`,
      [outboxId],
    );
    expect(row.rows).toEqual([{ state: 'retrying', attempts: 1, outbox_done: true }]);

    // the retry, now: it succeeds
    await delayed?.promote();
    await until(
      async () =>
        (await su.query(`select 1 from webhook_deliveries where event_id = $1 and state = 'succeeded'`, [outboxId]))
          .rowCount === 1,
      'the retried call to succeed',
    );
    expect(calls).toBe(2);
  });
});
