import { Queue, QueueEvents, Worker, type Job } from 'bullmq';
import { Client } from 'pg';
import { Database, TenantContext } from '@federacycle/platform-database';
import {
  createTestDatabase,
  testQueuePrefix,
  testRedisUrl,
  waitForQueuesIdle,
  type TestDatabase,
} from '@federacycle/platform-testing';
import { recordAuditEvent } from './audit-recorder';
import { createRedis } from './connection';
import { writeOutbox } from './outbox';
import { OutboxRelay } from './outbox-relay';
import type { EnvelopeOf, JobEnvelope } from './jobs';
import { AUDIT_RECORD_JOB, PlatformQueue } from './queue-names';

describe('transactional outbox through real PostgreSQL and Redis', () => {
  let testDb: TestDatabase;
  let db: Database;
  /** superuser on the test database: the raw truth, unaffected by RLS */
  let owner: Client;
  let queue: Queue;
  const prefix = testQueuePrefix();
  const redis = createRedis(testRedisUrl());
  const coopA = '0a000000-0000-4000-8000-00000000000a';
  const coopB = '0b000000-0000-4000-8000-00000000000b';

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = await Database.connect({ url: testDb.appUrl, max: 4 });
    owner = new Client({ connectionString: testDb.superUrl });
    await owner.connect();
    for (const [id, slug] of [
      [coopA, 'coop-a'],
      [coopB, 'coop-b'],
    ]) {
      await owner.query(
        `insert into coops (id, slug, name, city, country, timezone, currency) values ($1, $2, $2, 'City', 'FR', 'Europe/Paris', 'EUR')`,
        [id, slug],
      );
    }
    queue = new Queue(PlatformQueue.EVENTS, { connection: redis, prefix });
  });

  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
    redis.disconnect();
    await owner.end();
    await db.close();
    await testDb.drop();
  });

  const audit = (action: string) => ({ action, subjectType: 'test', subjectId: null, data: { action } });
  const inCoop = <T>(coopId: string, fn: () => Promise<T>) =>
    TenantContext.run({ coopId, actorId: null, requestId: `req-${coopId.slice(0, 2)}` }, fn);

  it('hides tenant rows from the application role unless the coop is set', async () => {
    await inCoop(coopA, () => db.unitOfWork((tx) => writeOutbox(tx, AUDIT_RECORD_JOB, audit('a1'))));
    await inCoop(coopB, () => db.unitOfWork((tx) => writeOutbox(tx, AUDIT_RECORD_JOB, audit('b1'))));
    const none = await db.platform((tx) => tx.query('select * from outbox'));
    expect(none).toHaveLength(0);
    const onlyA = await db.forCoop(coopA, (tx) => tx.query<{ coop_id: string }>('select coop_id from outbox'));
    expect(onlyA.map((r) => r.coop_id)).toEqual([coopA]);
    // writing a row for another coop is refused by the policy's WITH CHECK
    await expect(
      db.forCoop(coopA, (tx) =>
        tx.execute(
          `insert into outbox (coop_id, queue, job_name, payload, request_id) values ($1, 'events', 'x', '{}', 'r')`,
          [coopB],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    // and reading the coop from an unset context throws rather than running for nobody
    expect(() => db.unitOfWork(async () => 1)).toThrow(/No work context/);
  });

  it('relays only committed rows, with jobId = outbox id, and marks them enqueued', async () => {
    await expect(
      inCoop(coopA, () =>
        db.unitOfWork(async (tx) => {
          await writeOutbox(tx, AUDIT_RECORD_JOB, audit('rolled-back'));
          throw new Error('business rule failed');
        }),
      ),
    ).rejects.toThrow('business rule failed');

    const relay = new OutboxRelay(db, (name) => (name === PlatformQueue.EVENTS ? queue : undefined));
    const result = await relay.relayOnce();
    expect(result).toEqual({ enqueued: 2, requeued: 0 });

    const jobs = await queue.getJobs(['waiting']);
    const actions = jobs.map((j: Job<JobEnvelope>) => (j.data.payload as { action: string }).action).sort();
    expect(actions).toEqual(['a1', 'b1']);
    const rows = await owner.query<{ id: string; status: string }>(`select id, status from outbox order by created_at`);
    expect(rows.rows.every((r) => r.status === 'enqueued')).toBe(true);
    expect(jobs.map((j) => j.id).sort()).toEqual(rows.rows.map((r) => r.id).sort());
    // a second pass finds nothing due
    expect(await relay.relayOnce()).toEqual({ enqueued: 0, requeued: 0 });
  });

  it('processes each job in its coop, and a job run twice changes nothing the second time', async () => {
    const seen: (string | null)[] = [];
    const workerRedis = createRedis(testRedisUrl());
    const eventsRedis = createRedis(testRedisUrl());
    const worker = new Worker<EnvelopeOf<typeof AUDIT_RECORD_JOB>>(
      PlatformQueue.EVENTS,
      async (job) => {
        seen.push(job.data.coopId);
        return recordAuditEvent(db, job.data);
      },
      { connection: workerRedis, prefix },
    );
    const events = new QueueEvents(PlatformQueue.EVENTS, { connection: eventsRedis, prefix });
    await waitForQueuesIdle([queue]);
    await worker.close();
    await events.close();
    workerRedis.disconnect();
    eventsRedis.disconnect();
    expect(seen.sort()).toEqual([coopA, coopB].sort());

    const before = await owner.query('select * from audit_events order by action');
    expect(before.rows.map((r) => [r.coop_id, r.action])).toEqual([
      [coopA, 'a1'],
      [coopB, 'b1'],
    ]);
    expect(before.rows[0].request_id).toBe('req-0a');

    const outboxRow = await owner.query<{ id: string; payload: JobEnvelope['payload'] }>(
      `select id, payload from outbox where coop_id = $1`,
      [coopA],
    );
    const [row] = outboxRow.rows;
    if (!row) throw new Error('outbox row of coop A missing');
    const again: EnvelopeOf<typeof AUDIT_RECORD_JOB> = {
      coopId: coopA,
      actorId: null,
      requestId: 'replay',
      outboxId: row.id,
      payload: row.payload as EnvelopeOf<typeof AUDIT_RECORD_JOB>['payload'],
    };
    expect(await recordAuditEvent(db, again)).toBe(false);
    const after = await owner.query('select * from audit_events order by action');
    expect(after.rows).toEqual(before.rows);
  });

  it('re-enqueues stale rows that were enqueued but never processed', async () => {
    const id = await inCoop(coopB, () => db.unitOfWork((tx) => writeOutbox(tx, AUDIT_RECORD_JOB, audit('lost'))));
    const relay = new OutboxRelay(db, (name) => (name === PlatformQueue.EVENTS ? queue : undefined), {
      staleSeconds: 60,
    });
    expect(await relay.relayOnce()).toEqual({ enqueued: 1, requeued: 0 });
    // the job is lost (Redis flushed, worker crashed before acking)
    await queue.obliterate({ force: true });
    expect(await relay.relayOnce()).toEqual({ enqueued: 0, requeued: 0 });
    await owner.query(`update outbox set enqueued_at = now() - interval '2 minutes' where id = $1`, [id]);
    expect(await relay.relayOnce()).toEqual({ enqueued: 0, requeued: 1 });
    const job = await queue.getJob(id);
    expect(job?.data.coopId).toBe(coopB);
    const row = await owner.query<{ attempts: number }>('select attempts from outbox where id = $1', [id]);
    expect(row.rows[0]?.attempts).toBe(2);
  });
});
