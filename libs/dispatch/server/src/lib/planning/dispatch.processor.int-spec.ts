import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { Job, Queue } from 'bullmq';
import { Client } from 'pg';
import { FEDERATION_ENTITIES, SettingsReader, StandingService, SystemClock } from '@federacycle/federation-server';
import { DUTY_CHANGED_JOB, FLEET_ENTITIES, FLEET_EVENTS_QUEUE } from '@federacycle/fleet-server';
import { GEO_ENTITIES } from '@federacycle/geo-server';
import { IDENTITY_ENTITIES } from '@federacycle/identity-server';
import { Merchant } from '@federacycle/merchants-server';
import { Database, TenantContext } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
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
import {
  DELIVERY_CREATED_JOB,
  DISPATCH_IMPROVE_QUEUE,
  DISPATCH_QUEUE,
  IMPROVE_COOP_JOB,
  IMPROVE_DELAY_MS,
  IMPROVE_PRIORITY,
  MAX_IMPROVE_ROUNDS,
  PLAN_COOP_JOB,
  PLAN_DEBOUNCE_MS,
  improveDedupId,
  planDedupId,
} from './dispatch.jobs';
import { DispatchProcessor, FleetEventsProcessor } from './dispatch.processor';
import { PlanningMetrics } from './planning-metrics';
import { PlanningService, type PlanRunResult } from './planning.service';
import { ProposalsService } from './proposals.service';

describe('dispatch worker: work changes → one throttled planning run per coop; runs are idempotent (real Redis and PostgreSQL)', () => {
  let testDb: TestDatabase;
  let db: Database;
  let su: Client;
  let queue: Queue;
  let improveQueue: Queue;
  let redis: ReturnType<typeof createRedis>;
  let processor: DispatchProcessor;
  let settings: SettingsReader;
  let metrics: Metrics;
  let assignments: AssignmentsService;
  let proposals: ProposalsService;
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
    improveQueue = new Queue(DISPATCH_IMPROVE_QUEUE, { connection: redis, prefix: testQueuePrefix() });
    settings = new SettingsReader(db);
    metrics = new Metrics('dispatch-worker-test');
    assignments = new AssignmentsService(db);
    const planningMetrics = new PlanningMetrics(metrics);
    const standing = new StandingService(db, new SystemClock(), settings);
    processor = new DispatchProcessor(
      db,
      new PlanningService(db, assignments, settings, standing, planningMetrics),
      metrics,
      queue,
      improveQueue,
    );
    proposals = new ProposalsService(db, assignments, planningMetrics);
    coopId = (
      await su.query<{ id: string }>(
        `insert into coops (slug, name, city, country, timezone, currency) values ('plan', 'Plan', 'Lyon', 'FR', 'Europe/Paris', 'EUR') returning id`,
      )
    ).rows[0]?.id as string;
    const { publicKey } = generateKeyPairSync('ed25519');
    await su.query('insert into licence_signing_keys (kid, public_jwk) values ($1, $2)', [
      'plan-kid',
      JSON.stringify({ ...publicKey.export({ format: 'jwk' }), kid: 'plan-kid' }),
    ]);
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
      await obliterate([queue, improveQueue]);
      await queue.close();
      await improveQueue.close();
    }
    await redis?.quit();
    await db?.close();
    await su?.end();
    await testDb?.drop();
  });

  const delivery = async (dropoffs = 1): Promise<string> => {
    const d = (
      await su.query<{ id: string }>(
        `insert into deliveries (coop_id, tracking_token, source) values ($1, $2, 'console') returning id`,
        [coopId, randomBytes(32).toString('base64url')],
      )
    ).rows[0]?.id as string;
    await su.query(
      `insert into delivery_tasks (coop_id, delivery_id, kind, seq, address, lat, lng, window_before) values
         ($1, $2, 'pickup', 0, 'Boulangerie, rue Mercière', 45.7625, 4.8339, now() + interval '1 hour')`,
      [coopId, d],
    );
    for (let i = 0; i < dropoffs; i++) {
      await su.query(
        `insert into delivery_tasks (coop_id, delivery_id, kind, seq, address, lat, lng, window_before) values
           ($1, $2, 'dropoff', $3, '10 cours Vitton', $4, 4.8531, now() + interval '2 hours')`,
        [coopId, d, i + 1, 45.7699 - i * 0.01],
      );
    }
    return d;
  };
  const inCoop = <T>(fn: () => Promise<T>): Promise<T> =>
    TenantContext.run({ coopId, actorId: null, requestId: 'test' }, fn);
  const tasksOf = async (deliveryId: string) =>
    (
      await su.query<{ id: string; state: string; courier_id: string | null }>(
        `select t.id, t.state, a.courier_id from delivery_tasks t
           left join task_assignments a on a.coop_id = t.coop_id and a.task_id = t.id and a.ended_at is null
          where t.coop_id = $1 and t.delivery_id = $2 order by t.seq`,
        [coopId, deliveryId],
      )
    ).rows;
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
    // a window wide enough that the second delivery lands in it however slow the machine is
    processor.planWindowMs = 60_000;
    try {
      expect(await processor.process(job as Job<JobEnvelope>)).toEqual({ asked: true });
      expect(await processor.process(job as Job<JobEnvelope>)).toEqual({ asked: false });
      const plans = await pendingPlans();
      expect(plans).toHaveLength(1);
      expect(plans[0]?.opts.deduplication).toEqual({ id: planDedupId(coopId), ttl: 60_000 });
      expect(plans[0]?.opts.delay).toBe(60_000);
    } finally {
      processor.planWindowMs = PLAN_DEBOUNCE_MS;
      await obliterate([queue]);
    }
    const row = await su.query('select processed_at from outbox where id = $1', [outboxId]);
    expect(row.rows[0]?.processed_at).not.toBeNull();
  });

  it('manual mode plans nothing; suggest proposes without assigning', async () => {
    await setMode('manual');
    const before = await truth();
    const job = await planJob();
    expect(await processor.process(job)).toMatchObject({ mode: 'manual', assigned: 0 });
    await setMode('suggest');
    const suggested = (await processor.process(job)) as PlanRunResult;
    expect(suggested.mode).toBe('suggest');
    expect(suggested.proposed.length).toBeGreaterThan(0);
    expect(suggested.assigned).toBe(0);
    expect(await truth()).toBe(before);
    // the proposal is stored for the board: the open delivery's two tasks, to one courier
    const proposal = await inCoop(() => proposals.current(coopId));
    expect(proposal?.couriers).toHaveLength(1);
    expect(proposal?.couriers[0]?.taskIds).toHaveLength(2);
    expect(couriers).toContain(proposal?.couriers[0]?.courierId);
    expect(proposal?.unassignedTaskIds).toEqual([]);
    expect(proposal?.stats.distanceKm).toBeGreaterThan(0);
  });

  it('auto mode without the auto_dispatch capability (no licence) plans like suggest and says why', async () => {
    await setMode('auto');
    const before = await truth();
    const run = (await processor.process(await planJob())) as PlanRunResult;
    expect(run).toMatchObject({ mode: 'auto', ranAs: 'suggest', assigned: 0 });
    expect(run.note).toMatch(/^LICENCE_REQUIRED: /);
    expect(await truth()).toBe(before);
    expect(await inCoop(() => proposals.current(coopId))).not.toBeNull();
    // the federation licenses the coop: auto mode now applies
    await su.query(
      `insert into licences (id, licensed_coop_id, kid, token, issued_at, expires_at) values (gen_random_uuid(), $1, 'plan-kid', 'x.y.z', now() - interval '1 day', now() + interval '300 days')`,
      [coopId],
    );
  });

  it('auto mode assigns open deliveries; the same planning job delivered twice changes nothing', async () => {
    await setMode('auto');
    await delivery();
    await delivery();
    const job = await planJob();
    const first = (await processor.process(job)) as PlanRunResult;
    // three open deliveries (one from the first test), each a pickup and a dropoff
    expect(first).toMatchObject({ ranAs: 'auto', note: null, assigned: 6 });
    // the suggest mode's proposal went with the switch to auto
    expect(await inCoop(() => proposals.current(coopId))).toBeNull();
    const text = await metrics.text();
    expect(text).toMatch(/dispatch_planning_runs_total\{[^}]*mode="auto"[^}]*outcome="applied"[^}]*\} 1/);
    expect(text).toMatch(/dispatch_assignment_latency_seconds_count\{[^}]*source="worker"[^}]*\} 3/);
    const after = await truth();
    const second = (await processor.process(job)) as PlanRunResult;
    expect(second).toMatchObject({ assigned: 0, moved: 0, proposed: [] });
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

  it('auto mode plans a 1→N delivery whole: its pickup and both dropoffs with one courier', async () => {
    await setMode('auto');
    const d = await delivery(2);
    const run = (await processor.process(await planJob())) as PlanRunResult;
    expect(run.assigned).toBe(3);
    const tasks = await tasksOf(d);
    expect(tasks.map((t) => t.state)).toEqual(['assigned', 'assigned', 'assigned']);
    expect(new Set(tasks.map((t) => t.courier_id)).size).toBe(1);
  });

  it('a fast run that placed work asks for one delayed improvement on the improvement queue; the last round asks no more', async () => {
    await setMode('auto');
    await obliterate([queue, improveQueue]);
    await delivery();
    const fast = await inCoop(() =>
      processor.plan({
        coopId,
        actorId: null,
        requestId: 'fast',
        outboxId: null,
        payload: { reason: 'test' },
      }),
    );
    expect(fast.assigned).toBe(2);
    await processor.askForImprovement(coopId, 'again', 1); // a second ask lands on the pending one
    const pending = (await improveQueue.getJobs(['delayed', 'waiting', 'prioritized'])).filter(
      (j) => j.name === IMPROVE_COOP_JOB.name,
    );
    expect(pending).toHaveLength(1);
    expect(pending[0]?.opts).toMatchObject({
      priority: IMPROVE_PRIORITY,
      delay: IMPROVE_DELAY_MS,
      deduplication: { id: improveDedupId(coopId) },
    });
    expect(pending[0]?.data.payload).toEqual({ round: 1 });
    await obliterate([queue, improveQueue]);
    const last = await inCoop(() =>
      processor.improve({
        coopId,
        actorId: null,
        requestId: 'improve',
        outboxId: null,
        payload: { round: MAX_IMPROVE_ROUNDS },
      }),
    );
    expect(last).toMatchObject({ kind: 'improve', assigned: 0 });
    expect(await improveQueue.getJobs(['delayed', 'waiting', 'prioritized'])).toEqual([]);
  });

  it('accepting a proposal assigns what is still open and reports a delivery taken meanwhile', async () => {
    await setMode('suggest');
    const taken = await delivery();
    const free = await delivery();
    await processor.process(await planJob());
    const proposal = await inCoop(() => proposals.current(coopId));
    const proposed = proposal?.couriers.flatMap((c) => c.taskIds) ?? [];
    const [takenPickup, takenDropoff] = (await tasksOf(taken)).map((t) => t.id);
    const freeTasks = (await tasksOf(free)).map((t) => t.id);
    expect(proposed.sort()).toEqual([takenPickup, takenDropoff, ...freeTasks].sort());
    // a dispatcher gives the pickup of one delivery to a courier before the proposal is accepted
    await inCoop(() =>
      assignments.assign(coopId, takenPickup as string, couriers[1] as string, { pinned: true, source: 'console' }),
    );
    const result = await inCoop(() => proposals.accept(coopId, undefined));
    expect(result.assigned).toBe(2);
    expect(result.conflicts.sort((a, b) => a.taskId.localeCompare(b.taskId))).toEqual(
      [takenPickup, takenDropoff].sort().map((taskId) => ({ taskId, code: 'PROPOSAL_STALE' })),
    );
    expect((await tasksOf(free)).map((t) => t.state)).toEqual(['assigned', 'assigned']);
    expect((await tasksOf(taken)).map((t) => t.state)).toEqual(['assigned', 'open']);
    // everything was handled: the proposal is gone, and accepting again says there is none
    expect(await inCoop(() => proposals.current(coopId))).toBeNull();
    const again = await inCoop(() => proposals.accept(coopId, undefined)).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ApiException);
    expect((again as ApiException).code).toBe('NO_PROPOSAL');
  });

  it('asks for a planning run when fleet reports a duty change, and for coops with a delayed pickup', async () => {
    await obliterate([queue]);
    const late = (
      await su.query<{ id: string }>(
        `insert into deliveries (coop_id, tracking_token, source) values ($1, $2, 'console') returning id`,
        [coopId, randomBytes(32).toString('base64url')],
      )
    ).rows[0]?.id as string;
    await su.query(
      `insert into delivery_tasks (coop_id, delivery_id, kind, seq, address, lat, lng, window_after, window_before) values
         ($1, $2, 'pickup', 0, 'Boulangerie', 45.7625, 4.8339, now() - interval '330 seconds', now() + interval '1 hour'),
         ($1, $2, 'dropoff', 1, 'Vitton', 45.7699, 4.8531, null, now() + interval '2 hours')`,
      [coopId, late],
    );
    expect(await processor.sweepDelayedPickups()).toEqual({ coops: 1 });
    expect(await pendingPlans()).toHaveLength(1);
    // a sweep a minute later finds it no more (it became delayed in the previous interval)
    expect(await processor.sweepDelayedPickups(Date.now() + 120_000)).toEqual({ coops: 0 });
    // fleet's duty change (its own queue, consumed by dispatch) asks for the same throttled run
    await obliterate([queue]);
    const payload = { courierId: couriers[0] as string, onDuty: false };
    const outboxId = (
      await su.query<{ id: string }>(
        `insert into outbox (coop_id, queue, job_name, payload, request_id) values ($1, $2, $3, $4, 'req-duty') returning id`,
        [coopId, FLEET_EVENTS_QUEUE, DUTY_CHANGED_JOB.name, JSON.stringify(payload)],
      )
    ).rows[0]?.id as string;
    const fleetEvents = new FleetEventsProcessor(processor, metrics);
    const job = {
      name: DUTY_CHANGED_JOB.name,
      data: { coopId, actorId: null, requestId: 'req-duty', outboxId, payload },
    };
    expect(await fleetEvents.process(job as Job<JobEnvelope>)).toEqual({ asked: true });
    expect(await pendingPlans()).toHaveLength(1);
  });
});
