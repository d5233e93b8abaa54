import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { FEDERATION_ENTITIES, SettingsReader, StandingService, SystemClock } from '@federacycle/federation-server';
import { FLEET_ENTITIES } from '@federacycle/fleet-server';
import { GEO_ENTITIES } from '@federacycle/geo-server';
import { IDENTITY_ENTITIES } from '@federacycle/identity-server';
import { Database, TenantContext } from '@federacycle/platform-database';
import { Metrics } from '@federacycle/platform-observability';
import { createTestDatabase, type TestDatabase } from '@federacycle/platform-testing';
import { AssignmentsService } from '../assignments/assignments.service';
import { DISPATCH_ENTITIES } from '../dispatch.entities';
import { PlanningMetrics } from './planning-metrics';
import { PlanningService } from './planning.service';
import { Merchant } from '@federacycle/merchants-server';

/**
 * Reliability: a worker killed in the middle of a planning run loses no assignment and leaves no
 * half-applied plan. The run is a child process (plan-run.child.ts); the spec holds a row lock the
 * run's last write needs (the coop's stale proposal, deleted at the end of an auto run), waits
 * until the child has written its assignments and waits on that lock while holding the coop's
 * planning lock (read from pg_locks and pg_stat_activity, no timing), kills it with SIGKILL, and
 * checks that nothing of the run remains and that a new run completes the plan.
 */
describe('a planning run killed mid-transaction (a child process, real PostgreSQL)', () => {
  let testDb: TestDatabase;
  let su: Client;
  let holder: Client;
  let db: Database;
  let coopId: string;
  let child: ChildProcess | null = null;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    su = new Client({ connectionString: testDb.superUrl });
    await su.connect();
    holder = new Client({ connectionString: testDb.superUrl });
    await holder.connect();
    db = await Database.connect({
      url: testDb.appUrl,
      max: 2,
      entities: [
        ...IDENTITY_ENTITIES,
        ...FEDERATION_ENTITIES,
        ...GEO_ENTITIES,
        // a delivery's merchant is a foreign key (migration 0057)
        Merchant,
        ...FLEET_ENTITIES,
        ...DISPATCH_ENTITIES,
      ],
    });
    coopId = (
      await su.query<{ id: string }>(
        `insert into coops (slug, name, city, country, timezone, currency) values ('kill', 'Kill', 'Lyon', 'FR', 'Europe/Paris', 'EUR') returning id`,
      )
    ).rows[0]?.id as string;
    const { publicKey } = generateKeyPairSync('ed25519');
    await su.query('insert into licence_signing_keys (kid, public_jwk) values ($1, $2)', [
      'kill-kid',
      JSON.stringify({ ...publicKey.export({ format: 'jwk' }), kid: 'kill-kid' }),
    ]);
    await su.query(
      `insert into licences (id, licensed_coop_id, kid, token, issued_at, expires_at) values (gen_random_uuid(), $1, 'kill-kid', 'x.y.z', now() - interval '1 day', now() + interval '300 days')`,
      [coopId],
    );
    await su.query(
      `insert into coop_setting_versions (coop_id, key, version, value, source) values ($1, 'dispatch_mode', 1, '"auto"', 'initial')`,
      [coopId],
    );
    for (const [i, [lat, lng]] of [
      [45.757, 4.832],
      [45.77, 4.85],
    ].entries()) {
      const u = (
        await su.query<{ id: string }>(
          `insert into users (email, name, password_hash) values ($1, $2, 'x') returning id`,
          [`rider${i}@kill.test`, `Rider ${i}`],
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
    }
    for (let i = 0; i < 3; i++) {
      const d = (
        await su.query<{ id: string }>(
          `insert into deliveries (coop_id, tracking_token, source) values ($1, $2, 'console') returning id`,
          [coopId, randomBytes(32).toString('base64url')],
        )
      ).rows[0]?.id as string;
      await su.query(
        `insert into delivery_tasks (coop_id, delivery_id, kind, seq, address, lat, lng, window_before) values
           ($1, $2, 'pickup', 0, 'Boulangerie', $3, 4.8339, now() + interval '1 hour'),
           ($1, $2, 'dropoff', 1, 'Vitton', 45.7699, 4.8531, now() + interval '2 hours')`,
        [coopId, d, 45.7625 + i * 0.002],
      );
    }
    // a proposal left from suggest mode: an auto run deletes it, its last write
    await su.query(`insert into plan_proposals (coop_id) values ($1)`, [coopId]);
  });
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await db?.close();
    await holder?.end();
    await su?.end();
    await testDb?.drop();
  });

  /** polls PostgreSQL until `check` holds (synchronising on observable state, not on time) */
  const until = async (check: () => Promise<boolean>): Promise<void> => {
    while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 100));
  };
  const appBackends = (where: string) =>
    su.query<{ pid: number }>(
      `select a.pid from pg_stat_activity a
        where a.datname = current_database() and a.usename <> current_user and a.pid <> pg_backend_pid() ${where}`,
    );

  it('leaves no assignment of the killed run, and the next run completes the plan', async () => {
    await holder.query('begin');
    await holder.query('select 1 from plan_proposals where coop_id = $1 for update', [coopId]);
    const root = process.cwd();
    child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        join(__dirname, 'plan-run.child.ts'),
        testDb.appUrl,
        coopId,
      ],
      { cwd: root, env: { ...process.env, TS_NODE_PROJECT: join(root, 'tsconfig.integration.json') }, stdio: 'pipe' },
    );
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child?.on('exit', (code, signal) => resolve(signal ?? code)),
    );
    // the child holds the coop's planning lock, has written assignments, and waits on our lock
    await until(async () => {
      const waiting = await appBackends(`
        and a.wait_event_type = 'Lock'
        and exists (select 1 from pg_locks l where l.pid = a.pid and l.locktype = 'advisory' and l.granted)
        and exists (select 1 from pg_locks l join pg_class c on c.oid = l.relation
                     where l.pid = a.pid and c.relname = 'task_assignments' and l.mode = 'RowExclusiveLock')`);
      if (child?.exitCode !== null) throw new Error(`the planning run ended before it could be killed: ${output}`);
      return waiting.rows.length === 1;
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    await holder.query('rollback');
    // its backend notices the closed connection and rolls back
    await until(async () => (await appBackends('')).rows.length === 0);

    const assignments = await su.query('select count(*)::int as n from task_assignments where coop_id = $1', [coopId]);
    expect(assignments.rows[0]).toEqual({ n: 0 });
    const states = await su.query(
      'select state, count(*)::int as n from delivery_tasks where coop_id = $1 group by state',
      [coopId],
    );
    expect(states.rows).toEqual([{ state: 'open', n: 6 }]);
    const events = await su.query('select count(*)::int as n from task_events where coop_id = $1', [coopId]);
    expect(events.rows[0]).toEqual({ n: 0 });
    const proposal = await su.query('select count(*)::int as n from plan_proposals where coop_id = $1', [coopId]);
    expect(proposal.rows[0]).toEqual({ n: 1 });

    // a new run (another worker) completes the plan
    const settings = new SettingsReader(db);
    const planning = new PlanningService(
      db,
      new AssignmentsService(db),
      settings,
      new StandingService(db, new SystemClock(), settings),
      new PlanningMetrics(new Metrics('plan-kill-test')),
    );
    const rerun = await TenantContext.run({ coopId, actorId: null, requestId: 'rerun' }, () => planning.run(coopId));
    expect(rerun).toMatchObject({ ranAs: 'auto', assigned: 6 });
    const after = await su.query(
      `select t.delivery_id, count(distinct a.courier_id)::int as holders, count(*)::int as tasks
         from delivery_tasks t join task_assignments a on a.coop_id = t.coop_id and a.task_id = t.id and a.ended_at is null
        where t.coop_id = $1 group by t.delivery_id`,
      [coopId],
    );
    expect(after.rows.map((r) => [r.holders, r.tasks])).toEqual([
      [1, 2],
      [1, 2],
      [1, 2],
    ]);
    expect((await su.query('select 1 from plan_proposals where coop_id = $1', [coopId])).rows).toEqual([]);
  }, 300_000);
});
