import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import {
  WebhookFanOut,
  WebhookSender,
  WebhookSubscriptionsService,
  WebhooksProcessor,
  WEBHOOKS_QUEUE,
  WEBHOOK_MAX_ATTEMPTS,
  WebhookMetrics,
  verifyFederacycleSignature,
} from '@federacycle/ordering-server';
import type { DeliveryEventPayload } from '@federacycle/dispatch-server';
import { MailService } from '@federacycle/identity-server';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';
import { Database, TenantContext } from '@federacycle/platform-database';
import { Metrics } from '@federacycle/platform-observability';
import { createRedis, type JobEnvelope } from '@federacycle/platform-queue';
import { mailDirectory } from '@federacycle/platform-notifications';
import { decodeQuotedPrintable } from '../../testing/api-test-app';
import { insertMerchantRow } from '../merchants/merchants-fixture';
import { createPartner, licenseCoop } from './partner-fixture';
import { insertCoop, insertUser, signIn, startHarness, type IdentityHarness } from '../identity/identity-harness';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on 127.0.0.1: answers each path with its scripted statuses (then 200), records every call. */
class Receiver {
  readonly calls: Received[] = [];
  readonly script = new Map<string, number[]>();
  private server!: Server;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        this.calls.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        const status = this.script.get(path)?.shift() ?? 200;
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok thanks' : 'x'.repeat(2000));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  on(path: string): Received[] {
    return this.calls.filter((c) => c.path === path);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('webhooks: subscriptions, signed calls, retries, failing, replay (real PostgreSQL, Redis, HTTP)', () => {
  let h: IdentityHarness;
  let coopA: string;
  let coopB: string;
  let merchantA: string;
  let courierA: string;
  const token: Record<string, string> = {};
  const receiver = new Receiver();
  let fanOut: WebhookFanOut;
  let sender: WebhookSender;
  let processor: WebhooksProcessor;
  let subscriptions: WebhookSubscriptionsService;
  let queue: Queue;
  let redis: ReturnType<typeof createRedis>;
  let config: AppConfig;
  let registry: Metrics;

  beforeAll(async () => {
    await receiver.start();
    h = await startHarness({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' });
    coopA = await insertCoop(h.su, 'hooks-a', 'Hooks A');
    coopB = await insertCoop(h.su, 'hooks-b', 'Hooks B');
    const adminA = await insertUser(h, 'admin@hooks-a.test', 'Admin A', [[coopA, ['coop_admin']]]);
    await h.su.query(`update users set locale = 'fr' where id = $1`, [adminA]);
    await insertUser(h, 'dispatcher@hooks-a.test', 'Dispatcher A', [[coopA, ['dispatcher']]]);
    await insertUser(h, 'admin@hooks-b.test', 'Admin B', [[coopB, ['coop_admin']]]);
    const rider = await insertUser(h, 'rider@hooks-a.test', 'Rider A', [[coopA, ['courier']]]);
    for (const [key, email] of [
      ['adminA', 'admin@hooks-a.test'],
      ['dispatcherA', 'dispatcher@hooks-a.test'],
      ['adminB', 'admin@hooks-b.test'],
    ]) {
      token[key as string] = (await signIn(h, email as string)).accessToken;
    }
    merchantA = await insertMerchantRow(h.su, coopA, 'Hooks shop');
    courierA = (
      await h.su.query<{ id: string }>(
        `insert into couriers (coop_id, user_id, display_name, vehicle) values ($1, $2, 'Rider A', 'bike') returning id`,
        [coopA, rider],
      )
    ).rows[0]?.id as string;

    config = h.app.get<AppConfig>(APP_CONFIG);
    const db = h.app.get(Database);
    redis = createRedis(config.redisUrl);
    queue = new Queue(WEBHOOKS_QUEUE, { connection: redis, prefix: config.queuePrefix });
    registry = new Metrics('webhooks-test');
    const metrics = new WebhookMetrics(registry);
    sender = new WebhookSender(db, config, metrics);
    fanOut = new WebhookFanOut(db, queue);
    processor = new WebhooksProcessor(db, sender, h.app.get(MailService), config, new Metrics('webhooks-test-jobs'));
    subscriptions = h.app.get(WebhookSubscriptionsService);
  });
  afterAll(async () => {
    await queue?.obliterate({ force: true });
    await queue?.close();
    await redis?.quit();
    await h?.close();
    await receiver.stop();
  });

  /** a job's context (the processor restores it from the envelope), or a partner request's */
  const inCoopA = <T>(fn: () => Promise<T>): Promise<T> =>
    TenantContext.run({ coopId: coopA, actorId: null, requestId: 'webhooks-test' }, fn);

  const call = (who: string, method: 'get' | 'post' | 'patch' | 'delete', url: string, body?: object) => {
    const req = h.http()[method](url).set('Authorization', `Bearer ${token[who]}`);
    return body === undefined ? req : req.send(body);
  };

  const newDelivery = async (
    merchantId: string | null = null,
  ): Promise<{ id: string; tasks: Array<{ id: string }> }> => {
    const res = await call('dispatcherA', 'post', '/api/dispatch/deliveries', {
      ...(merchantId ? { merchantId } : {}),
      tasks: [
        { kind: 'pickup', address: '3 rue Mercière, Lyon', lat: 45.7625, lng: 4.8339, before: iso(Date.now() + HOUR) },
        {
          kind: 'dropoff',
          address: '10 cours Vitton, Lyon',
          lat: 45.7699,
          lng: 4.8531,
          before: iso(Date.now() + 2 * HOUR),
        },
      ],
    });
    expect(res.status).toBe(201);
    return res.body;
  };

  /** The delivery events dispatch wrote for one delivery, oldest first, as the relay would hand them over. */
  const eventsOf = async (deliveryId: string): Promise<Array<JobEnvelope<DeliveryEventPayload>>> => {
    const rows = await h.su.query<{ id: string; coop_id: string; payload: DeliveryEventPayload; request_id: string }>(
      `select id, coop_id, payload, request_id from outbox
        where job_name = 'dispatch.delivery-event' and payload->>'deliveryId' = $1 order by created_at, id`,
      [deliveryId],
    );
    return rows.rows.map((r) => ({
      coopId: r.coop_id,
      actorId: null,
      requestId: r.request_id,
      outboxId: r.id,
      payload: r.payload,
    }));
  };

  const outboxRows = async (jobName: string): Promise<Array<JobEnvelope<never>>> => {
    const rows = await h.su.query<{ id: string; coop_id: string; payload: never; processed_at: Date | null }>(
      `select id, coop_id, payload, processed_at from outbox where job_name = $1 order by created_at, id`,
      [jobName],
    );
    return rows.rows.map((r) => ({
      coopId: r.coop_id,
      actorId: null,
      requestId: 'test',
      outboxId: r.id,
      payload: r.payload,
    }));
  };

  const subscribe = async (path: string, events: string[]): Promise<{ id: string; secret: string }> => {
    const res = await call('adminA', 'post', '/api/webhooks/subscriptions', { url: receiver.url(path), events });
    expect(res.status).toBe(201);
    return res.body;
  };

  it('announces every state change of a delivery once, from the one place dispatch writes them', async () => {
    const delivery = await newDelivery();
    const [pickup, dropoff] = delivery.tasks as [{ id: string }, { id: string }];
    for (const task of [pickup, dropoff]) {
      expect(
        (await call('dispatcherA', 'post', `/api/dispatch/tasks/${task.id}/assign`, { courierId: courierA })).status,
      ).toBe(200);
    }
    const act = (id: string, action: string) =>
      call('dispatcherA', 'post', `/api/dispatch/tasks/${id}/actions`, { action });
    for (const [id, action] of [
      [pickup.id, 'start'],
      [pickup.id, 'complete'],
      [dropoff.id, 'start'],
      [dropoff.id, 'complete'],
    ] as const) {
      expect((await act(id, action)).status).toBe(200);
    }
    const events = (await eventsOf(delivery.id)).map((e) => e.payload.event);
    // assigned twice: each task was given in its own request
    expect(events).toEqual([
      'delivery.created',
      'delivery.assigned',
      'delivery.assigned',
      'delivery.started',
      'delivery.picked_up',
      'delivery.in_transit',
      'delivery.completed',
    ]);
    // no subscription yet: the fan-out sends nothing and marks the event processed
    const [first] = await eventsOf(delivery.id);
    expect(await fanOut.fanOut(first as JobEnvelope<DeliveryEventPayload>)).toEqual({ webhookDeliveryIds: [] });
    const processed = await h.su.query('select 1 from outbox where id = $1 and processed_at is not null', [
      first?.outboxId,
    ]);
    expect(processed.rowCount).toBe(1);
    const cancelled = await newDelivery();
    expect((await call('dispatcherA', 'post', `/api/dispatch/deliveries/${cancelled.id}/cancel`, {})).status).toBe(200);
    expect((await eventsOf(cancelled.id)).map((e) => e.payload.event)).toEqual([
      'delivery.created',
      'delivery.cancelled',
    ]);
  });

  it('creates a subscription with its secret shown once, signs each call, retries after 500s and logs every attempt', async () => {
    const sub = await subscribe('/ok-after-two', ['delivery.created', 'delivery.completed']);
    expect(sub.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const listed = await call('adminA', 'get', '/api/webhooks/subscriptions');
    expect(listed.body.items[0]).toMatchObject({ id: sub.id, state: 'active', clientId: null, failingSince: null });
    expect(JSON.stringify(listed.body)).not.toContain(sub.secret);
    const stored = await h.su.query<{ secret_encrypted: Buffer }>(
      'select secret_encrypted from webhook_subscriptions where id = $1',
      [sub.id],
    );
    expect(stored.rows[0]?.secret_encrypted.toString('latin1')).not.toContain(sub.secret);

    receiver.script.set('/ok-after-two', [500, 500]);
    const delivery = await newDelivery();
    const [created] = await eventsOf(delivery.id);
    const first = await fanOut.fanOut(created as JobEnvelope<DeliveryEventPayload>);
    expect(first.webhookDeliveryIds).toHaveLength(1);
    // a fan-out run twice adds nothing
    expect((await fanOut.fanOut(created as JobEnvelope<DeliveryEventPayload>)).webhookDeliveryIds).toEqual(
      first.webhookDeliveryIds,
    );
    const rowId = first.webhookDeliveryIds[0] as string;
    expect(await queue.getJob(`wh-${rowId}`)).toBeDefined();

    const one = await sender.attempt(coopA, rowId, { scheduled: 1 });
    expect([one.called, one.outcome?.statusCode, one.state]).toEqual([true, 500, 'retrying']);
    // the same scheduled attempt run again (a job delivered twice) calls nothing
    expect((await sender.attempt(coopA, rowId, { scheduled: 1 })).called).toBe(false);
    expect(receiver.on('/ok-after-two')).toHaveLength(1);
    // a sender that claims attempt 2 and dies before calling: while its lease holds nobody sends,
    // once it ran out the same attempt is taken again
    const db = h.app.get(Database);
    expect(
      await inCoopA(() => db.forCoop(coopA, (tx) => sender.claim(tx, coopA, rowId, { scheduled: 2 }))),
    ).not.toBeNull();
    expect((await sender.attempt(coopA, rowId, { scheduled: 2 })).called).toBe(false);
    await h.su.query(`update webhook_deliveries set sending_until = now() - interval '1 second' where id = $1`, [
      rowId,
    ]);
    const retrying = await h.su.query<{ next_attempt_at: Date }>(
      'select next_attempt_at from webhook_deliveries where id = $1',
      [rowId],
    );
    const wait = (retrying.rows[0]?.next_attempt_at.getTime() as number) - Date.now();
    expect(wait).toBeGreaterThan(50_000);
    expect(wait).toBeLessThan(70_000);

    expect((await sender.attempt(coopA, rowId, { scheduled: 2 })).outcome?.statusCode).toBe(500);
    const three = await sender.attempt(coopA, rowId, { scheduled: 3 });
    expect([three.outcome?.statusCode, three.state]).toEqual([200, 'succeeded']);
    // succeeded: a later scheduled attempt (a stray retry) sends nothing
    expect((await sender.attempt(coopA, rowId, { scheduled: 4 })).called).toBe(false);

    const calls = receiver.on('/ok-after-two');
    expect(calls).toHaveLength(3);
    for (const c of calls) {
      const verified = verifyFederacycleSignature(
        sub.secret,
        String(c.headers['x-federacycle-signature']),
        String(c.headers['x-federacycle-timestamp']),
        c.body,
        Math.floor(Date.now() / 1000),
      );
      expect(verified).toBe(true);
      expect(
        verifyFederacycleSignature(
          'whsec_wrong',
          String(c.headers['x-federacycle-signature']),
          String(c.headers['x-federacycle-timestamp']),
          c.body,
          Math.floor(Date.now() / 1000),
        ),
      ).toBe(false);
      expect(c.headers['x-coopcycle-signature']).toBeUndefined();
      expect(JSON.parse(c.body)).toEqual({
        id: created?.outboxId,
        type: 'delivery.created',
        createdAt: created?.payload.at,
        data: { deliveryId: delivery.id, reference: null, courierId: null },
      });
    }

    const log = await call('adminA', 'get', `/api/webhooks/subscriptions/${sub.id}/deliveries`);
    expect(log.status).toBe(200);
    expect(log.body.total).toBe(1);
    const entry = log.body.items[0];
    expect(entry).toMatchObject({
      id: rowId,
      event: 'delivery.created',
      state: 'succeeded',
      // the dead sender's attempt counts (no call was logged for it)
      attempts: 4,
      lastStatusCode: 200,
      nextAttemptAt: null,
    });
    expect(entry.history.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 200]);
    // only an excerpt of the answer is kept
    expect(entry.history[0].responseExcerpt).toHaveLength(500);
    // counted by outcome, timed
    const scraped = await registry.registry.metrics();
    expect(scraped).toMatch(/webhook_sends_total\{outcome="http_error",kind="scheduled"[^}]*\} 2/);
    expect(scraped).toMatch(/webhook_sends_total\{outcome="succeeded",kind="scheduled"[^}]*\} 1/);
    expect(scraped).toMatch(/webhook_send_duration_seconds_count\{[^}]*outcome="succeeded"[^}]*\} 1/);

    // a replay: a new attempt, logged as one, sent once however often its job runs
    const replay = await call('adminA', 'post', `/api/webhooks/subscriptions/${sub.id}/deliveries/${rowId}/replay`, {});
    expect([replay.status, replay.body]).toEqual([202, { webhookDeliveryId: rowId, queued: true }]);
    const [job] = await outboxRows('webhooks.replay');
    await processor.replay(job as never);
    await processor.replay(job as never);
    expect(receiver.on('/ok-after-two')).toHaveLength(4);
    const after = await call('adminA', 'get', `/api/webhooks/subscriptions/${sub.id}/deliveries`);
    expect(after.body.items[0].history.map((a: { attempt: number; replay: boolean }) => [a.attempt, a.replay])).toEqual(
      [
        [1, false],
        [3, false],
        [4, false],
        [5, true],
      ],
    );
  });

  it('marks the subscription failing after the last attempt, mails the admins in their language, and recovers on success', async () => {
    const sub = await subscribe('/down', ['delivery.created']);
    receiver.script.set(
      '/down',
      Array.from({ length: WEBHOOK_MAX_ATTEMPTS }, () => 503),
    );
    const delivery = await newDelivery();
    const [created] = await eventsOf(delivery.id);
    const { webhookDeliveryIds } = await fanOut.fanOut(created as JobEnvelope<DeliveryEventPayload>);
    // the other subscriptions of the coop got their own row: pick this one's
    const rows = await h.su.query<{ id: string }>('select id from webhook_deliveries where subscription_id = $1', [
      sub.id,
    ]);
    const rowId = rows.rows[0]?.id as string;
    expect(webhookDeliveryIds).toContain(rowId);
    for (let n = 1; n < WEBHOOK_MAX_ATTEMPTS; n += 1) {
      // the processor throws while BullMQ must retry
      await expect(
        inCoopA(() =>
          processor.send(
            { coopId: coopA, actorId: null, requestId: 't', outboxId: null, payload: { webhookDeliveryId: rowId } },
            n,
          ),
        ),
      ).rejects.toThrow('the endpoint answered 503');
    }
    const last = await inCoopA(() =>
      processor.send(
        { coopId: coopA, actorId: null, requestId: 't', outboxId: null, payload: { webhookDeliveryId: rowId } },
        WEBHOOK_MAX_ATTEMPTS,
      ),
    );
    expect([last.state, last.becameFailing]).toEqual(['failed', true]);
    const view = (await call('adminA', 'get', `/api/webhooks/subscriptions/${sub.id}`)).body;
    expect(view.state).toBe('failing');
    expect(Date.parse(view.failingSince)).toBeGreaterThan(Date.now() - 60_000);

    const mails = await outboxRows('webhooks.failing-mail');
    expect(mails).toHaveLength(1);
    expect(await processor.mailAdmins(mails[0] as never)).toEqual({ mailed: 1 });
    expect(await processor.mailAdmins(mails[0] as never)).toEqual({ mailed: 0 });
    const dir = mailDirectory(h.dataDir);
    const texts = await Promise.all(
      (await readdir(dir)).map(async (f) => decodeQuotedPrintable(await readFile(join(dir, f), 'utf8'))),
    );
    const mail = texts.find((t) => t.includes('To: admin@hooks-a.test') && t.includes(receiver.url('/down')));
    expect(mail).toContain('en échec');

    // the endpoint is back: a replay succeeds and the subscription is active again
    await call('adminA', 'post', `/api/webhooks/subscriptions/${sub.id}/deliveries/${rowId}/replay`, {});
    const replays = await outboxRows('webhooks.replay');
    const result = await processor.replay(replays[replays.length - 1] as never);
    expect(result.outcome?.statusCode).toBe(200);
    expect((await call('adminA', 'get', `/api/webhooks/subscriptions/${sub.id}`)).body).toMatchObject({
      state: 'active',
      failingSince: null,
    });
  });

  it('rotates the secret with an overlap (both sign), disables (nothing sent, replay refused) and deletes', async () => {
    const sub = await subscribe('/rotate', ['delivery.created']);
    const rotated = await call('adminA', 'post', `/api/webhooks/subscriptions/${sub.id}/rotate-secret`, {
      overlapMinutes: 30,
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(sub.secret);
    expect(Date.parse(rotated.body.previousSecretUntil)).toBeGreaterThan(Date.now() + 29 * 60_000);
    const delivery = await newDelivery();
    const [created] = await eventsOf(delivery.id);
    await fanOut.fanOut(created as JobEnvelope<DeliveryEventPayload>);
    const rowId = (
      await h.su.query<{ id: string }>('select id from webhook_deliveries where subscription_id = $1', [sub.id])
    ).rows[0]?.id as string;
    await sender.attempt(coopA, rowId, { scheduled: 1 });
    const [c] = receiver.on('/rotate') as [Received];
    const args = [
      String(c.headers['x-federacycle-signature']),
      String(c.headers['x-federacycle-timestamp']),
      c.body,
      Math.floor(Date.now() / 1000),
    ] as const;
    expect(String(c.headers['x-federacycle-signature']).split(',')).toHaveLength(2);
    expect(verifyFederacycleSignature(rotated.body.secret, ...args)).toBe(true);
    expect(verifyFederacycleSignature(sub.secret, ...args)).toBe(true);

    const disabled = await call('adminA', 'patch', `/api/webhooks/subscriptions/${sub.id}`, { enabled: false });
    expect(disabled.body.state).toBe('disabled');
    const refused = await call(
      'adminA',
      'post',
      `/api/webhooks/subscriptions/${sub.id}/deliveries/${rowId}/replay`,
      {},
    );
    expect([refused.status, refused.body.code]).toEqual([409, 'WEBHOOK_SUBSCRIPTION_DISABLED']);
    const next = await newDelivery();
    const [nextCreated] = await eventsOf(next.id);
    await fanOut.fanOut(nextCreated as JobEnvelope<DeliveryEventPayload>);
    expect((await h.su.query('select 1 from webhook_deliveries where subscription_id = $1', [sub.id])).rowCount).toBe(
      1,
    );

    expect((await call('adminA', 'delete', `/api/webhooks/subscriptions/${sub.id}`)).status).toBe(204);
    expect((await call('adminA', 'get', `/api/webhooks/subscriptions/${sub.id}`)).status).toBe(404);
    expect((await h.su.query('select 1 from webhook_deliveries where subscription_id = $1', [sub.id])).rowCount).toBe(
      0,
    );
  });

  it('refuses bad input with stable codes, and another coop never sees or touches a subscription', async () => {
    const sub = await subscribe('/mine', ['delivery.completed']);
    const before = (await call('adminA', 'get', '/api/webhooks/subscriptions')).body.total as number;
    for (const [body, status, code] of [
      [{ url: receiver.url('/x'), events: ['delivery.exploded'] }, 400, 'VALIDATION_FAILED'],
      [{ url: receiver.url('/x'), events: [] }, 400, 'VALIDATION_FAILED'],
      [{ url: receiver.url('/x'), events: ['delivery.created'], secret: 'mine' }, 400, 'VALIDATION_FAILED'],
      [{ url: 'ftp://example.org/x', events: ['delivery.created'] }, 400, 'WEBHOOK_URL_INVALID'],
      [{ url: 'https://user:pw@example.org/x', events: ['delivery.created'] }, 400, 'WEBHOOK_URL_INVALID'],
      [{ url: 'not a url', events: ['delivery.created'] }, 400, 'WEBHOOK_URL_INVALID'],
      [{ url: 'https://nowhere.invalid/x', events: ['delivery.created'] }, 400, 'WEBHOOK_HOST_UNRESOLVED'],
    ] as const) {
      const res = await call('adminA', 'post', '/api/webhooks/subscriptions', body);
      expect([JSON.stringify(body), res.status, res.body.code]).toEqual([JSON.stringify(body), status, code]);
    }
    expect((await call('adminA', 'get', '/api/webhooks/subscriptions')).body.total).toBe(before);
    expect((await call('adminA', 'patch', `/api/webhooks/subscriptions/${sub.id}`, { events: ['nope'] })).status).toBe(
      400,
    );
    expect((await call('adminA', 'get', '/api/webhooks/subscriptions/not-a-uuid')).body.code).toBe('INVALID_ID');

    // coop B: not listed, 404 on every route of coop A's subscription
    expect((await call('adminB', 'get', '/api/webhooks/subscriptions')).body.total).toBe(0);
    for (const [method, url, body] of [
      ['get', `/api/webhooks/subscriptions/${sub.id}`],
      ['patch', `/api/webhooks/subscriptions/${sub.id}`, { enabled: false }],
      ['post', `/api/webhooks/subscriptions/${sub.id}/rotate-secret`, {}],
      ['get', `/api/webhooks/subscriptions/${sub.id}/deliveries`],
      ['delete', `/api/webhooks/subscriptions/${sub.id}`],
    ] as const) {
      const res = await call('adminB', method, url, body);
      expect([method, url, res.status]).toEqual([method, url, 404]);
    }
    // a dispatcher does not manage webhooks
    expect((await call('dispatcherA', 'get', '/api/webhooks/subscriptions')).status).toBe(403);
  });

  it('refuses internal targets in production mode, at subscribe time and again at call time (DNS rebinding)', async () => {
    Object.assign(config, { webhooksAllowPrivateTargets: false });
    try {
      for (const url of [
        'http://example.org/hook',
        'https://127.0.0.1/hook',
        'https://localhost/hook',
        'https://10.1.2.3/hook',
        'https://[::1]/hook',
        'https://169.254.169.254/latest/meta-data',
      ]) {
        const res = await call('adminA', 'post', '/api/webhooks/subscriptions', { url, events: ['delivery.created'] });
        expect([url, res.status]).toEqual([url, 400]);
        expect(['WEBHOOK_URL_INVALID', 'WEBHOOK_TARGET_FORBIDDEN']).toContain(res.body.code);
      }
      // rebinding: the name was public when saved, points inside when called
      subscriptions.resolver = async () => [{ address: '93.184.215.14', family: 4 }];
      const saved = await call('adminA', 'post', '/api/webhooks/subscriptions', {
        url: 'https://rebind.example/hook',
        events: ['delivery.created'],
      });
      expect(saved.status).toBe(201);
      sender.resolver = async () => [{ address: '127.0.0.1', family: 4 }];
      const delivery = await newDelivery();
      const [created] = await eventsOf(delivery.id);
      await fanOut.fanOut(created as JobEnvelope<DeliveryEventPayload>);
      const rowId = (
        await h.su.query<{ id: string }>('select id from webhook_deliveries where subscription_id = $1', [
          saved.body.id,
        ])
      ).rows[0]?.id as string;
      const before = receiver.calls.length;
      const result = await sender.attempt(coopA, rowId, { scheduled: 1 });
      expect(result.outcome).toMatchObject({ statusCode: null });
      expect(result.outcome?.error).toContain('127.0.0.1 (loopback)');
      expect(receiver.calls.length).toBe(before);
    } finally {
      Object.assign(config, { webhooksAllowPrivateTargets: true });
      subscriptions.resolver = undefined;
      sender.resolver = undefined;
    }
  });

  it("sends a partner's subscription the events of the deliveries it created only", async () => {
    const client = (
      await h.su.query<{ id: string }>(
        `insert into partner_clients (coop_id, name, kind, merchant_id, scopes) values ($1, 'Hooks shop site', 'shop', $2, '{webhooks}') returning id`,
        [coopA, merchantA],
      )
    ).rows[0]?.id as string;
    const partner = { kind: 'partner', clientId: client } as const;
    const sub = await inCoopA(() =>
      subscriptions.create(
        coopA,
        partner,
        { url: receiver.url('/partner'), events: ['delivery.created'] },
        'coopcycle',
      ),
    );
    // the partner reaches its own subscription only
    expect((await inCoopA(() => subscriptions.list(coopA, partner, 50, 0))).items.map((s) => s.id)).toEqual([sub.id]);
    const coopOwn = await subscribe('/coop-own', ['delivery.created']);
    await expect(inCoopA(() => subscriptions.get(coopA, partner, coopOwn.id))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // the coop admin sees the partner's, with its owner
    const all = (await call('adminA', 'get', '/api/webhooks/subscriptions')).body.items;
    expect(all.find((s: { id: string }) => s.id === sub.id)).toMatchObject({
      clientId: client,
      clientName: 'Hooks shop site',
      flavour: 'coopcycle',
    });

    // both for the partner's store; only one created by the partner (its partner_deliveries row)
    const theirs = await newDelivery(merchantA);
    const other = await newDelivery(merchantA);
    await h.su.query('insert into partner_deliveries (coop_id, delivery_id, client_id) values ($1, $2, $3)', [
      coopA,
      theirs.id,
      client,
    ]);
    for (const d of [theirs, other]) {
      const [created] = await eventsOf(d.id);
      await fanOut.fanOut(created as JobEnvelope<DeliveryEventPayload>);
    }
    const rows = await h.su.query<{ id: string; delivery_id: string }>(
      'select id, delivery_id from webhook_deliveries where subscription_id = $1',
      [sub.id],
    );
    expect(rows.rows.map((r) => r.delivery_id)).toEqual([theirs.id]);
    await sender.attempt(coopA, rows.rows[0]?.id as string, { scheduled: 1 });
    const [received] = receiver.on('/partner') as [Received];
    // CoopCycle's body has no delivery.created name of its own: the native name is kept
    // and names the delivery by its CoopCycle number, as CoopCycle's GET /api/deliveries/{id} reads it
    const [number] = (
      await h.su.query<{ number: string }>(
        `select number from coopcycle_ids where coop_id = $1 and kind = 'delivery' and ref_id = $2`,
        [coopA, theirs.id],
      )
    ).rows;
    expect(JSON.parse(received.body)).toEqual({
      data: { object: `/api/deliveries/${number?.number}`, event: 'delivery.created' },
    });
    const expected = createHmac('sha256', sub.secret).update(received.body).digest('base64');
    expect(received.headers['x-coopcycle-signature']).toBe(expected);
  });

  it('lets a partner manage its own subscriptions over its API (scope webhooks), never another partner’s', async () => {
    await licenseCoop(h.su, coopA);
    const shop = await createPartner(h, coopA, { scopes: ['webhooks'], merchantId: merchantA, name: 'Shop API' });
    const other = await createPartner(h, coopA, { scopes: ['webhooks'], name: 'Other API' });
    const readOnly = await createPartner(h, coopA, { scopes: ['deliveries:read'], name: 'Read-only API' });
    const as = (key: string) => ({
      get: (url: string) => h.http().get(url).set('X-Api-Key', key),
      post: (url: string, body: object) => h.http().post(url).set('X-Api-Key', key).send(body),
      del: (url: string) => h.http().delete(url).set('X-Api-Key', key),
    });
    const created = await as(shop.apiKey).post('/api/partner/v1/webhooks', {
      url: receiver.url('/shop-api'),
      events: ['delivery.completed'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ clientId: shop.clientId, clientName: 'Shop API', flavour: 'native' });
    expect(created.body.secret).toMatch(/^whsec_/);
    const mine = await as(shop.apiKey).get('/api/partner/v1/webhooks');
    expect(mine.body.items.map((s: { id: string }) => s.id)).toEqual([created.body.id]);
    // another partner of the same coop: not listed, 404 everywhere
    expect((await as(other.apiKey).get('/api/partner/v1/webhooks')).body.total).toBe(0);
    expect((await as(other.apiKey).get(`/api/partner/v1/webhooks/${created.body.id}/deliveries`)).status).toBe(404);
    expect((await as(other.apiKey).del(`/api/partner/v1/webhooks/${created.body.id}`)).status).toBe(404);
    // the coop's own subscriptions are not a partner's either
    const coopOwn = await subscribe('/coop-own-2', ['delivery.created']);
    expect((await as(shop.apiKey).get(`/api/partner/v1/webhooks/${coopOwn.id}/deliveries`)).status).toBe(404);
    // without the webhooks scope: refused with its code
    const refused = await as(readOnly.apiKey).get('/api/partner/v1/webhooks');
    expect([refused.status, refused.body.code]).toEqual([403, 'PARTNER_SCOPE_MISSING']);
    // a person's token is no partner credential
    expect((await call('adminA', 'get', '/api/partner/v1/webhooks')).status).toBe(401);
    // the coop admin sees it, with its owner
    const all = (await call('adminA', 'get', '/api/webhooks/subscriptions')).body.items;
    expect(all.find((s: { id: string }) => s.id === created.body.id)).toMatchObject({ clientName: 'Shop API' });
    expect((await as(shop.apiKey).del(`/api/partner/v1/webhooks/${created.body.id}`)).status).toBe(204);
  });
  it('lets a CoopCycle integration subscribe one event per webhook under its coop’s base URL', async () => {
    await licenseCoop(h.su, coopA);
    const plugin = await createPartner(h, coopA, { scopes: ['webhooks'], merchantId: merchantA, name: 'Woo plugin' });
    const base = '/coopcycle/hooks-a/api/webhooks';
    const post = (url: string, body: object) => h.http().post(url).set('X-Api-Key', plugin.apiKey).send(body);
    const created = await post(base, { url: receiver.url('/woo'), event: 'delivery.completed' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ '@type': 'Webhook', url: receiver.url('/woo'), event: 'delivery.completed' });
    expect(created.body['@id']).toMatch(/^\/api\/webhooks\//);
    expect(created.body.secret).toMatch(/^whsec_/);
    // stored in CoopCycle's flavour, owned by the plugin's client, listed under its one event
    const id = String(created.body['@id']).split('/').pop() as string;
    const row = await h.su.query('select flavour, client_id, events from webhook_subscriptions where id = $1', [id]);
    expect(row.rows[0]).toMatchObject({ flavour: 'coopcycle', client_id: plugin.clientId });
    const list = await h.http().get(base).set('X-Api-Key', plugin.apiKey);
    expect(list.body['hydra:member'].map((w: { event: string }) => w.event)).toEqual(['delivery.completed']);
    // CoopCycle's validation answer; an event its API does not have is a violation too
    const bad = await post(base, { url: '', event: 'delivery.exploded' });
    expect(bad.status).toBe(400);
    expect(bad.body['@type']).toBe('ConstraintViolationList');
    expect(bad.body.violations.map((v: { propertyPath: string }) => v.propertyPath)).toEqual(['url', 'event']);
    // another coop's base URL refuses the credential; then the plugin deletes its webhook
    expect(
      (await post('/coopcycle/hooks-b/api/webhooks', { url: receiver.url('/woo'), event: 'delivery.completed' }))
        .status,
    ).toBe(401);
    expect((await h.http().delete(`${base}/${id}`).set('X-Api-Key', plugin.apiKey)).status).toBe(204);
    expect((await h.su.query('select 1 from webhook_subscriptions where id = $1', [id])).rowCount).toBe(0);
  });
});
