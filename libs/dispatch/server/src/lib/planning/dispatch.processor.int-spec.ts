import { randomBytes } from 'node:crypto';
import { Job, Queue } from 'bullmq';
import { Client } from 'pg';
import { FEDERATION_ENTITIES, SettingsReader } from '@federacycle/federation-server';
import { FLEET_ENTITIES } from '@federacycle/fleet-server';
import { GEO_ENTITIES } from '@federacycle/geo-server';
import { IDENTITY_ENTITIES } from '@federacycle/identity-server';
import { Merchant } from '@federacycle/merchants-server';
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
import { AssignmentsService } from '../assignments/assignments.service';
import { DISPATCH_ENTITIES } from '../dispatch.entities';
import { DELIVERY_CREATED_JOB, DISPATCH_QUEUE, PLAN_COOP_JOB, planDedupId } from './dispatch.jobs';
import { DispatchProcessor } from './dispatch.processor';
import { PlanningService } from './planning.service';

describe('dispatch worker: work changes → one debounced planning run per coop; runs are idempotent (real Redis and PostgreSQL)', () => {
  let testDb: TestDatabase;
  let db: Database;
  let su: Client;
  let queue: Queue;
  let redis: ReturnType<typeof createRedis>;
  let processor: DispatchProcessor;
  let settings: SettingsReader;
  let coopId: string;
  const couriers: string[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = await Database.connect({
      url: testDb.appUrl,
      max: 3,
      entities: [
        ...IDENTITY_ENTITIES,
        ...FEDERATION_ENTITIES,
        ...GEO_ENTITIES,
        // a delivery names its merchant (the foreign key's entity)
        Merchant,
        ...FLEET_ENTITIES,
        ...DISPATCH_ENTITIES,
      ],
    });
    su = new Client({ connectionString: testDb.superUrl });
    await su.connect();
    redis = createRedis(testRedisUrl());
    queue = new Queue(DISPATCH_QUEUE, { connection: redis, prefix: testQueuePrefix() });
    settings = new SettingsReader(db);
    processor = new DispatchProcessor(
      db,
      new PlanningService(db, new AssignmentsService(db), settings),
      new Metrics('dispatch-worker-test'),
      queue,
    );
    coopId = (
      await su.query<{ id: string }>(
        `insert into coops (slug, name, city, country, timezone, currency) values ('plan', 'Plan', 'Lyon', 'FR', 'Europe/Paris', 'EUR') returning id`,
      )
    ).rows[0]?.id as string;
    for (const [i, [lat, lng]] of [
      [45.757, 4.832],
      [45.77, 4.85],
    ].entries()) {
      const u = (
        await su.query<{ id: string }>(
          `insert into users (email, name, password_hash) values ($1, $2, 'x') returning id`,
          [`rider${i}@plan.test`, `Rider ${i}`],
        )
      ).rows[0]?.id;
      await su.query(`insert into memberships (coop_id, user_id, roles) values ($1, $2, '{courier}')`, [coopId, u]);
      const c = (
        await su.query<{ id: string }>(
          `insert into couriers (coop_id, user_id, display_name, vehicle) values ($1, $2, $3, 'bike') returning id`,
          [coopId, u, `Rider ${i}`],
        )
      ).rows[0]?.id as string;
      await su.query(`insert into courier_duty_periods (coop_id, courier_id) values ($1, $2)`, [coopId, c]);
      await su.query(
        `insert into courier_locations (coop_id, courier_id, lat, lng, recorded_at) values ($1, $2, $3, $4, now())`,
        [coopId, c, lat, lng],
      );
      couriers.push(c);
    }
  });
  afterAll(async () => {
    if (queue) {
      await obliterate([queue]);
      await queue.close();
    }
    await redis?.quit();
    await db?.close();
    await su?.end();
    await testDb?.drop();
  });

  const delivery = async (): Promise<string> => {
    const d = (
      await su.query<{ id: string }>(
        `insert into deliveries (coop_id, tracking_token, source) values ($1, $2, 'console') returning id`,
        [coopId, randomBytes(32).toString('base64url')],
      )
    ).rows[0]?.id as string;
    await su.query(
      `insert into delivery_tasks (coop_id, delivery_id, kind, seq, address, lat, lng, window_before) values
         ($1, $2, 'pickup', 0, 'Boulangerie, rue Mercière', 45.7625, 4.8339, now() + interval '1 hour'),
         ($1, $2, 'dropoff', 1, '10 cours Vitton', 45.7699, 4.8531, now() + interval '2 hours')`,
      [coopId, d],
    );
    return d;
  };
  /** a new version of governance's dispatch_mode setting, as an enacted proposal would write it */
  const setMode = async (mode: string) => {
    await su.query(
      `insert into coop_setting_versions (coop_id, key, version, value, source)
       select $1, 'dispatch_mode', coalesce(max(version), 0) + 1, to_jsonb($2::text), 'initial'
         from coop_setting_versions where coop_id = $1 and key = 'dispatch_mode'`,
      [coopId, mode],
    );
    await settings.announce('coop', coopId);
  };
  /** the state a planning run writes: assignments, events, task and delivery states */
  const truth = async () =>
    JSON.stringify(
      await Promise.all([
        su.query(
          'select task_id, courier_id, position, pinned, ended_at from task_assignments where coop_id = $1 order by task_id',
          [coopId],
        ),
        su.query('select count(*)::int as n from task_events where coop_id = $1', [coopId]),
        su.query('select id, state from delivery_tasks where coop_id = $1 order by id', [coopId]),
        su.query('select id, state from deliveries where coop_id = $1 order by id', [coopId]),
      ]).then((results) => results.map((r) => r.rows)),
    );
  const pendingPlans = async () =>
    (await queue.getJobs(['delayed', 'waiting'])).filter((j) => j.name === PLAN_COOP_JOB.name);
  const planJob = async (): Promise<Job<JobEnvelope>> => {
    await processor.askForPlan(coopId, null, 'test', 'test');
    const [job] = await pendingPlans();
    if (!job) throw new Error('no planning job pending');
    return job as Job<JobEnvelope>;
  };

  it('a work-change job delivered twice asks for one planning run and claims its outbox row once', async () => {
    await obliterate([queue]);
    const deliveryId = await delivery();
    const outboxId = (
      await su.query<{ id: string }>(
        `insert into outbox (coop_id, queue, job_name, payload, request_id) values ($1, $2, $3, $4, 'req-1') returning id`,
        [coopId, DISPATCH_QUEUE, DELIVERY_CREATED_JOB.name, JSON.stringify({ deliveryId, taskIds: [] })],
      )
    ).rows[0]?.id as string;
    const job = await queue.add(
      DELIVERY_CREATED_JOB.name,
      { coopId, actorId: null, requestId: 'req-1', outboxId, payload: { deliveryId, taskIds: [] } },
      { jobId: outboxId },
    );
    expect(await processor.process(job as Job<JobEnvelope>)).toEqual({ asked: true });
    expect(await processor.process(job as Job<JobEnvelope>)).toEqual({ asked: false });
    const plans = await pendingPlans();
    expect(plans).toHaveLength(1);
    expect(plans[0]?.opts.deduplication?.id).toBe(planDedupId(coopId));
    const row = await su.query('select processed_at from outbox where id = $1', [outboxId]);
    expect(row.rows[0]?.processed_at).not.toBeNull();
  });

  it('manual mode plans nothing; suggest proposes without assigning', async () => {
    await setMode('manual');
    const before = await truth();
    const job = await planJob();
    expect(await processor.process(job)).toMatchObject({ mode: 'manual', assigned: 0 });
    await setMode('suggest');
    const suggested = (await processor.process(job)) as { mode: string; proposed: unknown[]; assigned: number };
    expect(suggested.mode).toBe('suggest');
    expect(suggested.proposed.length).toBeGreaterThan(0);
    expect(suggested.assigned).toBe(0);
    expect(await truth()).toBe(before);
  });

  it('auto mode assigns open deliveries; the same planning job delivered twice changes nothing', async () => {
    await setMode('auto');
    await delivery();
    await delivery();
    const job = await planJob();
    const first = (await processor.process(job)) as { assigned: number; proposed: unknown[] };
    // three open deliveries (one from the first test), each a pickup and a dropoff
    expect(first.assigned).toBe(6);
    const after = await truth();
    const second = (await processor.process(job)) as { assigned: number; proposed: unknown[] };
    expect(second).toMatchObject({ assigned: 0, proposed: [] });
    expect(await truth()).toBe(after);
    const events = await su.query(
      `select source, count(*)::int as n from task_events where coop_id = $1 and type = 'assigned' group by source`,
      [coopId],
    );
    expect(events.rows).toEqual([{ source: 'worker', n: 6 }]);
    // both tasks of a delivery go to one courier, who is on duty
    const pairs = await su.query(
      `select t.delivery_id, count(distinct a.courier_id)::int as holders, min(a.courier_id::text) as courier
         from delivery_tasks t join task_assignments a on a.coop_id = t.coop_id and a.task_id = t.id and a.ended_at is null
        where t.coop_id = $1 group by t.delivery_id`,
      [coopId],
    );
    for (const p of pairs.rows) {
      expect(p.holders).toBe(1);
      expect(couriers).toContain(p.courier);
    }
  });
});
