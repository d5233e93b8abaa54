/**
 * `npm run bench:pipeline`: deliveries through the real pipeline on this machine. The built API
 * and worker (as they ship) run on free ports against a fresh database and the local Redis;
 * `--coops` coops (default 10), each licensed (so `auto_dispatch` is allowed) with dispatch mode
 * `auto` (a coop setting version) and `--couriers` couriers on duty with a position (default 50).
 * Dispatchers create 1→1 deliveries through `POST /api/dispatch/deliveries` at a fixed arrival
 * rate (open loop, round robin over the coops) for `--duration` seconds per step, stepping the
 * rate up (`--rates 10,25,50,100,150`); after each step the bench waits up to `--drain` seconds
 * for the step's deliveries to be assigned, then reads from the database:
 *  - create→assigned per delivery: the delivery's `created_at` to the first `assigned` event of
 *    its last task to be assigned (task_events.at is the clock time of the assignment);
 *  - lost: deliveries with a task never assigned within the drain;
 *  - doubly assigned: tasks with two active assignments (the partial unique index forbids it,
 *    counted anyway) or assigned twice without an unassignment.
 * The highest sustained rate is the highest step with p99 ≤ 2 s, 0 lost, 0 doubly assigned and
 * no failed creation. A warm-up delivery per coop goes through first, unmeasured. Between steps
 * the open deliveries are cancelled in SQL, so each step starts from an empty board with the same
 * couriers. Prints a table, writes
 * test-output/bench/pipeline.json.
 *
 *   --rates 10,25,50,100,150   --duration 10   --drain 20   --coops 10   --couriers 50
 *   --skip-build (reuse dist/apps/api and dist/apps/worker)   --keep-going (do not stop after a failing step)
 *   --dist <dir> (run the api and worker built in <dir>/api and <dir>/worker; implies --skip-build)
 *   --profile (the API and the worker write V8 CPU profiles to test-output/bench/profiles, to open
 *   in Chrome DevTools or read with tools/bench-api/cpu-profile-top.ts)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { hashPassword } from '@federacycle/identity-server';
import { createTestDatabase, testQueuePrefix, testRedisUrl, workspaceRoot } from '@federacycle/platform-testing';
import { freePort, waitReady } from '../e2e/processes';

const PASSWORD = 'bench-password-123';
/** Lyon, where the couriers ride. */
const CENTRE = { lat: 45.76, lng: 4.835 };
const P99_GOAL_MS = 2000;

interface StepResult {
  rate: number;
  durationS: number;
  sent: number;
  created: number;
  createFailures: number;
  /** failed creations by HTTP status, or the client error's name (e.g. a timeout) */
  failuresBy: Record<string, number>;
  createP50Ms: number;
  createP99Ms: number;
  assigned: number;
  lost: number;
  doublyAssigned: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** the arrival rate actually achieved by the generator */
  achievedRate: number;
  sustained: boolean;
  loadAverage: number[];
  /**
   * CPU time per created delivery over the step and its drain (ms): the API process, the worker
   * process and the PostgreSQL backends of the bench's database, read from /proc. Unlike the
   * latencies, these hardly depend on what else runs on the machine.
   */
  cpuMsPerDelivery: { api: number; worker: number; postgres: number };
}

/** user + system CPU time of these processes, in ms (/proc/<pid>/stat; Linux only, 0 elsewhere). */
function cpuMsOf(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // fields after the command (which may hold spaces): state is field 3, utime 14, stime 15
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process is gone
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

interface CpuProbe {
  api: number;
  worker: number;
  postgres: () => Promise<number[]>;
}

async function cpuNow(probe: CpuProbe): Promise<{ api: number; worker: number; postgres: number }> {
  return { api: cpuMsOf([probe.api]), worker: cpuMsOf([probe.worker]), postgres: cpuMsOf(await probe.postgres()) };
}

function args(): Map<string, string> {
  const out = new Map<string, string>();
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i] as string;
    if (!key.startsWith('--')) continue;
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      out.set(key.slice(2), next);
      i++;
    } else out.set(key.slice(2), 'true');
  }
  return out;
}

function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function build(root: string): void {
  const env: NodeJS.ProcessEnv = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
  for (const key of Object.keys(env)) if (key.startsWith('TS_NODE_')) delete env[key];
  print('building api and worker…');
  const result = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'worker', '--output-style=static'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout.toString().slice(-3000)}`);
}

/** Coops, licences, dispatchers, couriers on duty with positions, dispatch mode auto. */
async function seed(su: Client, coops: number, couriersPerCoop: number): Promise<string[]> {
  const hash = await hashPassword(PASSWORD);
  const kid = 'bench-pipeline';
  const { publicKey } = generateKeyPairSync('ed25519');
  await su.query('insert into licence_signing_keys (kid, public_jwk) values ($1, $2)', [
    kid,
    JSON.stringify({ ...publicKey.export({ format: 'jwk' }), kid }),
  ]);
  const emails: string[] = [];
  for (let c = 1; c <= coops; c++) {
    const coop = await su.query<{ id: string }>(
      `insert into coops (slug, name, city, country, timezone, currency)
       values ($1, $2, 'Lyon', 'FR', 'Europe/Paris', 'EUR') returning id`,
      [`pipeline-${c}`, `Pipeline coop ${c}`],
    );
    const coopId = coop.rows[0]?.id as string;
    // a current licence: the coop is licensed, so every capability (auto_dispatch included) is allowed
    await su.query(
      `insert into licences (id, licensed_coop_id, kid, token, issued_at, expires_at)
       values (gen_random_uuid(), $1, $2, 'bench.licence.token', now() - interval '1 day', now() + interval '365 days')`,
      [coopId, kid],
    );
    await su.query(
      `insert into coop_setting_versions (coop_id, key, version, value, source)
       select $1, 'dispatch_mode', coalesce(max(version), 0) + 1, '"auto"'::jsonb, 'initial'
         from coop_setting_versions where coop_id = $1 and key = 'dispatch_mode'`,
      [coopId],
    );
    const email = `dispatcher@pipeline-${c}.bench`;
    emails.push(email);
    await su.query(
      `with u as (insert into users (email, name, password_hash) values ($1, $2, $3) returning id)
       insert into memberships (coop_id, user_id, roles) select $4, id, '{dispatcher}' from u`,
      [email, `Dispatcher ${c}`, hash, coopId],
    );
    // couriers: users and memberships, the courier profile, an open duty period, a position
    await su.query(
      `with u as (
         insert into users (email, name, password_hash)
         select 'courier' || g || '@pipeline-' || $2 || '.bench', 'Courier ' || g, $3 from generate_series(1, $4::int) g
         returning id, name),
       m as (insert into memberships (coop_id, user_id, roles) select $1, id, '{courier}' from u returning user_id),
       k as (
         insert into couriers (coop_id, user_id, display_name, vehicle, capacity_weight_kg, member_owner)
         select $1, u.id, u.name, (array['bike','cargo_bike','e_bike','bike'])[1 + (row_number() over ()) % 4], 0, true
           from u join m on m.user_id = u.id
         returning id)
       insert into courier_duty_periods (coop_id, courier_id, started_at) select $1, id, now() from k`,
      [coopId, c, hash, couriersPerCoop],
    );
    await su.query(
      `insert into courier_locations (coop_id, courier_id, lat, lng, accuracy_m, recorded_at)
       select coop_id, id, $2 + (random() - 0.5) * 0.06, $3 + (random() - 0.5) * 0.08, 10, now()
         from couriers where coop_id = $1`,
      [coopId, CENTRE.lat, CENTRE.lng],
    );
  }
  await su.query('vacuum analyze coops, users, memberships, couriers, courier_duty_periods, courier_locations');
  return emails;
}

async function signIn(baseUrl: string, email: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

function deliveryBody(i: number): object {
  const jitter = () => (Math.random() - 0.5) * 0.05;
  const now = Date.now();
  return {
    reference: `BENCH-${i}`,
    tasks: [
      {
        kind: 'pickup',
        address: `Restaurant ${i % 40}, Lyon`,
        lat: CENTRE.lat + jitter(),
        lng: CENTRE.lng + jitter(),
        serviceMinutes: 2,
        weightGrams: 1500,
      },
      {
        kind: 'dropoff',
        address: `${1 + (i % 200)} rue de la République, Lyon`,
        lat: CENTRE.lat + jitter(),
        lng: CENTRE.lng + jitter(),
        before: new Date(now + 3 * 3_600_000).toISOString(),
        serviceMinutes: 3,
      },
    ],
  };
}

interface Measured {
  assigned: number;
  lost: number;
  latencies: number[];
}

async function readAssignments(su: Client, ids: readonly string[]): Promise<Measured> {
  const rows = await su.query<{ tasks: number; assigned: number; latency_ms: number | null }>(
    `with firsts as (
       select e.coop_id, e.task_id, min(e.at) as at
         from task_events e where e.type = 'assigned' and e.delivery_id = any($1::uuid[])
        group by e.coop_id, e.task_id)
     select count(t.id)::int as tasks, count(f.task_id)::int as assigned,
            extract(epoch from (max(f.at) - d.created_at)) * 1000 as latency_ms
       from deliveries d
       join delivery_tasks t on t.coop_id = d.coop_id and t.delivery_id = d.id
       left join firsts f on f.coop_id = t.coop_id and f.task_id = t.id
      where d.id = any($1::uuid[])
      group by d.coop_id, d.id, d.created_at`,
    [ids],
  );
  const latencies: number[] = [];
  let lost = 0;
  for (const r of rows.rows) {
    if (r.assigned < r.tasks || r.latency_ms === null) lost++;
    else latencies.push(Number(r.latency_ms));
  }
  lost += ids.length - rows.rows.length;
  return { assigned: latencies.length, lost, latencies: latencies.sort((a, b) => a - b) };
}

async function doublyAssigned(su: Client, ids: readonly string[]): Promise<number> {
  const active = await su.query<{ n: number }>(
    `select count(*)::int as n from (
       select a.task_id from task_assignments a join delivery_tasks t on t.coop_id = a.coop_id and t.id = a.task_id
        where t.delivery_id = any($1::uuid[]) and a.ended_at is null group by a.coop_id, a.task_id having count(*) > 1) x`,
    [ids],
  );
  const twice = await su.query<{ n: number }>(
    `select count(*)::int as n from (
       select e.task_id from task_events e where e.delivery_id = any($1::uuid[])
        group by e.coop_id, e.task_id
       having count(*) filter (where e.type = 'assigned') > 1 + count(*) filter (where e.type = 'unassigned')) x`,
    [ids],
  );
  return (active.rows[0]?.n ?? 0) + (twice.rows[0]?.n ?? 0);
}

async function runStep(
  baseUrl: string,
  tokens: readonly string[],
  su: Client,
  rate: number,
  durationS: number,
  drainS: number,
  probe: CpuProbe,
): Promise<StepResult> {
  const cpuBefore = await cpuNow(probe);
  const total = Math.round(rate * durationS);
  const ids: string[] = [];
  const createLatencies: number[] = [];
  let failures = 0;
  const failuresBy: Record<string, number> = {};
  const fail = (why: string) => {
    failures++;
    failuresBy[why] = (failuresBy[why] ?? 0) + 1;
  };
  const inflight: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = t0 + (i * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    const token = tokens[i % tokens.length] as string;
    const sentAt = performance.now();
    inflight.push(
      fetch(`${baseUrl}/api/dispatch/deliveries`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'x-request-id': randomUUID(),
        },
        body: JSON.stringify(deliveryBody(i)),
      })
        .then(async (res) => {
          const body = (await res.json()) as { id?: string };
          createLatencies.push(performance.now() - sentAt);
          if (res.status === 201 && body.id) ids.push(body.id);
          else fail(String(res.status));
        })
        .catch((error: unknown) => {
          const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
          fail(cause instanceof Error ? ((cause as Error & { code?: string }).code ?? cause.name) : 'error');
        }),
    );
  }
  const sendSeconds = (performance.now() - t0) / 1000;
  await Promise.all(inflight);
  // drain: until every delivery of the step is assigned, or the drain period is over
  const drainEnd = performance.now() + drainS * 1000;
  let measured = await readAssignments(su, ids);
  while (measured.lost > 0 && performance.now() < drainEnd) {
    await sleep(1000);
    measured = await readAssignments(su, ids);
  }
  const doubly = await doublyAssigned(su, ids);
  const cpuAfter = await cpuNow(probe);
  const perDelivery = (key: 'api' | 'worker' | 'postgres') =>
    ids.length > 0 ? (cpuAfter[key] - cpuBefore[key]) / ids.length : NaN;
  createLatencies.sort((a, b) => a - b);
  const p99 = percentile(measured.latencies, 99);
  const result: StepResult = {
    rate,
    durationS,
    sent: total,
    created: ids.length,
    createFailures: failures,
    failuresBy,
    createP50Ms: percentile(createLatencies, 50),
    createP99Ms: percentile(createLatencies, 99),
    assigned: measured.assigned,
    lost: measured.lost,
    doublyAssigned: doubly,
    p50Ms: percentile(measured.latencies, 50),
    p99Ms: p99,
    maxMs: measured.latencies.at(-1) ?? NaN,
    achievedRate: total > 1 ? (total - 1) / Math.max(sendSeconds, 1e-9) : total,
    sustained: failures === 0 && measured.lost === 0 && doubly === 0 && p99 <= P99_GOAL_MS,
    loadAverage: loadavg(),
    cpuMsPerDelivery: { api: perDelivery('api'), worker: perDelivery('worker'), postgres: perDelivery('postgres') },
  };
  // a fresh board for the next step: the step's work is cancelled (the couriers stay on duty),
  // coop by coop under the planning run's advisory lock, so a late run and the reset never deadlock
  const coops = await su.query<{ id: string }>('select id from coops order by id');
  for (const { id } of coops.rows) {
    await su.query('begin');
    try {
      await su.query(`select pg_advisory_xact_lock(hashtextextended('dispatch.plan:' || $1::text, 0))`, [id]);
      await su.query(
        `update deliveries set state = 'cancelled', updated_at = clock_timestamp() where coop_id = $1 and state in ('open', 'in_progress')`,
        [id],
      );
      // the clock, not the transaction's start: an assignment committed while this waited for the lock is younger
      await su.query(
        `update task_assignments set ended_at = clock_timestamp() where coop_id = $1 and ended_at is null`,
        [id],
      );
      await su.query('commit');
    } catch (error) {
      await su.query('rollback');
      throw error;
    }
  }
  return result;
}

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '-');

async function main(): Promise<void> {
  const a = args();
  const rates = (a.get('rates') ?? '10,25,50,100,150')
    .split(',')
    .map(Number)
    .filter((r) => r > 0);
  const durationS = Number(a.get('duration') ?? 10);
  const drainS = Number(a.get('drain') ?? 20);
  const coops = Number(a.get('coops') ?? 10);
  const couriers = Number(a.get('couriers') ?? 50);
  const keepGoing = a.has('keep-going');
  // another build's apps (e.g. an earlier commit's, for a before/after on the same machine state)
  const distDir = a.get('dist') ?? join(workspaceRoot(), 'dist', 'apps');
  const root = workspaceRoot();
  if (!a.has('skip-build') && !a.has('dist')) build(root);

  const db = await createTestDatabase();
  const su = new Client({ connectionString: db.superUrl });
  await su.connect();
  const children: ChildProcess[] = [];
  const stop = async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
    await su.end();
    await db.drop();
  };
  try {
    const t0 = Date.now();
    const emails = await seed(su, coops, couriers);
    print(
      `seeded ${coops} coops × ${couriers} couriers on duty (dispatch mode auto, licensed) in ${Date.now() - t0} ms`,
    );
    const dataDir = join(root, 'test-output', 'bench', 'pipeline-data');
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    const [apiPort, workerPort] = [await freePort(), await freePort()];
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: db.appUrl,
      DATABASE_OWNER_URL: db.ownerUrl,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: testQueuePrefix(),
      API_PORT: String(apiPort),
      WORKER_PORT: String(workerPort),
      PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
      DATA_DIR: dataDir,
      THROTTLE_DISABLED: 'true',
      ACCESS_TOKEN_TTL_SECONDS: '7200',
    };
    const profileDir = join(root, 'test-output', 'bench', 'profiles');
    if (a.has('profile')) mkdirSync(profileDir, { recursive: true });
    const profileArgs = (app: string) =>
      a.has('profile')
        ? ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-name', `${app}-${Date.now()}.cpuprofile`]
        : [];
    for (const app of ['api', 'worker']) {
      children.push(
        spawn(process.execPath, [...profileArgs(app), join(distDir, app, 'main.js')], {
          cwd: root,
          env,
          stdio: ['ignore', 'inherit', 'inherit'],
        }),
      );
    }
    const baseUrl = `http://127.0.0.1:${apiPort}`;
    await waitReady(`${baseUrl}/health/ready`, children[0] as ChildProcess);
    await waitReady(`http://127.0.0.1:${workerPort}/health/ready`, children[1] as ChildProcess);
    const tokens = await Promise.all(emails.map((email) => signIn(baseUrl, email)));
    const database = (await su.query<{ db: string }>('select current_database() as db')).rows[0]?.db as string;
    const probe: CpuProbe = {
      api: children[0]?.pid as number,
      worker: children[1]?.pid as number,
      // the backends serving the bench's database (the API's and the worker's pools), not this client
      postgres: async () =>
        (
          await su.query<{ pid: number }>(
            'select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
            [database],
          )
        ).rows.map((r) => r.pid),
    };
    // warm-up (not measured): one delivery per coop through the whole pipeline, so the first step
    // does not pay for cold code paths and connection pools
    const warm = await runStep(baseUrl, tokens, su, Math.max(1, tokens.length), 1, 30, probe);
    print(`warm-up: ${warm.assigned}/${warm.sent} assigned, p99 ${ms(warm.p99Ms)} ms (not counted)`);

    print(
      `pipeline: ${coops} coops, ${couriers} couriers each, ${durationS} s per step, drain ${drainS} s, ${cpus().length} cores (API, worker, PostgreSQL, Redis and this generator share them)`,
    );
    print(
      '  rate/s  achieved  created  fail  create p99   assigned  lost  double   p50 ms   p99 ms   max ms  ok   CPU ms/delivery: api worker postgres   load',
    );
    const steps: StepResult[] = [];
    for (const rate of rates) {
      const s = await runStep(baseUrl, tokens, su, rate, durationS, drainS, probe);
      steps.push(s);
      print(
        `  ${String(rate).padStart(6)} ${s.achievedRate.toFixed(1).padStart(9)} ${String(s.created).padStart(8)} ${String(s.createFailures).padStart(5)} ${ms(s.createP99Ms).padStart(11)} ${String(s.assigned).padStart(10)} ${String(s.lost).padStart(5)} ${String(s.doublyAssigned).padStart(7)} ${ms(s.p50Ms).padStart(8)} ${ms(s.p99Ms).padStart(8)} ${ms(s.maxMs).padStart(8)}  ${(s.sustained ? 'yes' : 'no').padEnd(3)} ${s.cpuMsPerDelivery.api.toFixed(1).padStart(20)} ${s.cpuMsPerDelivery.worker.toFixed(1).padStart(6)} ${s.cpuMsPerDelivery.postgres.toFixed(1).padStart(8)} ${s.loadAverage[0]?.toFixed(1).padStart(6)}`,
      );
      if (!s.sustained && !keepGoing) break;
    }
    const sustained = steps.filter((s) => s.sustained).map((s) => s.rate);
    const highest = sustained.length > 0 ? Math.max(...sustained) : 0;
    print();
    for (const s of steps) {
      if (s.createFailures > 0) print(`  ${s.rate}/s: failed creations ${JSON.stringify(s.failuresBy)}`);
    }
    print(
      `highest sustained rate (p99 create→assigned ≤ ${P99_GOAL_MS} ms, 0 lost, 0 doubly assigned): ${highest} deliveries/s (goal ≥ 100)`,
    );
    const outDir = join(root, 'test-output', 'bench');
    mkdirSync(outDir, { recursive: true });
    const out = join(outDir, 'pipeline.json');
    writeFileSync(
      out,
      JSON.stringify(
        {
          coops,
          couriersPerCoop: couriers,
          durationS,
          drainS,
          p99GoalMs: P99_GOAL_MS,
          highestSustainedRate: highest,
          node: process.version,
          cpus: cpus().length,
          steps,
        },
        null,
        1,
      ),
    );
    print(`written ${out}`);
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
