/**
 * API benchmark: the framework path (Nest, the access guard with its session check, the unit
 * of work with RLS as the application role) against a bare node:http + pg endpoint running the
 * same list query for the same coop and page size, at 10 and then 1,000 coops in one database.
 *
 *   npm run bench:api -- [--duration 6] [--connections 20] [--rounds 5]
 *
 * The servers run in a child process so that autocannon (in this process) does not steal
 * their event loop. Bare and framework runs alternate, `rounds` times each per scale, and the
 * table shows the median of each figure over the runs (a shared 2-core machine drifts by 10-20 %
 * between runs); non-2xx answers and errors are summed.
 * Writes dist/bench/api.json with every run.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Client, Pool } from 'pg';
import { loadConfig } from '@federacycle/platform-config';
import { createTestDatabase, testQueuePrefix, testRedisUrl, workspaceRoot } from '@federacycle/platform-testing';
import { hashPassword } from '@federacycle/identity-server';
// the benchmark drives the API exactly as it ships
import { createApiApp } from '../../apps/api/src/app/create-api-app';

/** The bare endpoint's query: what the API's member list sends (TypeORM builds the API's). */
const LIST_MEMBERS_SQL = `
  select m.user_id, u.email, u.name, m.roles, u.status, m.status as membership_status, m.created_at,
         count(*) over () as total
    from memberships m
    join users u on u.id = m.user_id
   where m.coop_id = $1
   order by u.name, m.user_id
   limit $2 offset $3`;

interface BareMemberRow {
  user_id: string;
  email: string;
  name: string;
  roles: string[];
  status: string;
  membership_status: string;
  created_at: Date;
  total: string;
}

function toBareMemberView(row: BareMemberRow) {
  return {
    userId: row.user_id,
    email: row.email,
    name: row.name,
    roles: row.roles,
    status: row.status,
    membershipStatus: row.membership_status,
    joinedAt: row.created_at.toISOString(),
  };
}

const PAGE_SIZE = 50;
const ROWS_PER_COOP = 300;
const PASSWORD = 'bench-password-123';

interface Ports {
  api: number;
  bare: number;
}
interface Run {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** req/s of every run of the series this median comes from */
  runs: number[];
}
type Sample = Omit<Run, 'name' | 'runs'>;

function arg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

// ---------------------------------------------------------------- child: the servers
async function serve(): Promise<void> {
  const appUrl = process.env['BENCH_APP_URL'] as string;
  const superUrl = process.env['BENCH_SUPER_URL'] as string;
  const base = {
    NODE_ENV: 'test',
    DATABASE_URL: appUrl,
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: process.env['BENCH_PREFIX'],
    LOG_LEVEL: 'silent',
    DATA_DIR: join(workspaceRoot(), 'dist', 'bench', '.data'),
  };
  const app = await createApiApp(loadConfig(base));
  await app.listen(0, '127.0.0.1');
  const api = (app.getHttpServer() as Server).address() as AddressInfo;

  // bare: plain node:http, a pg pool of the same size as the API's, the same query, same coop, same page
  const pool = new Pool({ connectionString: superUrl, max: loadConfig(base).databasePoolSize });
  pool.on('error', () => undefined);
  const coopId = process.env['BENCH_COOP_ID'] as string;
  const bare = createServer((_req, res) => {
    pool
      .query<BareMemberRow>(LIST_MEMBERS_SQL, [coopId, PAGE_SIZE, 0])
      .then((result) => {
        const body = JSON.stringify({
          items: result.rows.map(toBareMemberView),
          total: Number(result.rows[0]?.total ?? 0),
        });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(body);
      })
      .catch(() => {
        res.writeHead(500);
        res.end();
      });
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const ports: Ports = { api: api.port, bare: (bare.address() as AddressInfo).port };
  process.send?.(ports);
}

// ---------------------------------------------------------------- parent: seed and measure
async function seedCoops(su: Client, from: number, to: number, passwordHash: string): Promise<void> {
  await su.query(
    `insert into coops (slug, name, city, country, timezone, currency)
     select 'bench-' || g, 'Bench coop ' || g, 'City', 'FR', 'Europe/Paris', 'EUR' from generate_series($1::int, $2::int) g`,
    [from, to],
  );
  await su.query(
    `insert into users (email, name, password_hash)
     select 'u-' || c || '-' || k || '@bench.test', 'Rider ' || c || '-' || k, $3
       from generate_series($1::int, $2::int) c, generate_series(1, $4::int) k`,
    [from, to, passwordHash, ROWS_PER_COOP],
  );
  await su.query(
    `insert into memberships (coop_id, user_id, roles)
     select c.id, u.id, '{member}'
       from users u
       join coops c on c.slug = 'bench-' || split_part(split_part(u.email, '@', 1), '-', 2)
      where u.email like 'u-%@bench.test'
        and split_part(split_part(u.email, '@', 1), '-', 2)::int between $1 and $2`,
    [from, to],
  );
  // as autovacuum leaves a table in steady state: statistics, hint bits and the visibility map
  await su.query('vacuum analyze coops, users, memberships');
}

async function measure(
  url: string,
  headers: Record<string, string>,
  duration: number,
  connections: number,
): Promise<Sample> {
  await autocannon({ url, headers, connections, duration: 2 }); // warm-up
  const result = await autocannon({ url, headers, connections, duration });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** each figure's median over the runs of a series (req/s, p50 and p99 taken separately) */
function median(name: string, runs: Sample[]): Run {
  const mid = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] as number;
  return {
    name,
    requestsPerSecond: mid(runs.map((r) => r.requestsPerSecond)),
    p50: mid(runs.map((r) => r.p50)),
    p99: mid(runs.map((r) => r.p99)),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    runs: runs.map((r) => r.requestsPerSecond),
  };
}

function print(run: Run): void {
  console.warn(
    `  ${run.name.padEnd(30)} ${String(run.requestsPerSecond).padStart(7)} req/s   p50 ${run.p50} ms   p99 ${run.p99} ms   non2xx ${run.non2xx}   (runs: ${run.runs.join(', ')})`,
  );
}

async function main(): Promise<void> {
  const duration = arg('duration', 6);
  const connections = arg('connections', 20);
  const rounds = arg('rounds', 5);
  const db = await createTestDatabase();
  const su = new Client({ connectionString: db.superUrl });
  await su.connect();
  let child: ChildProcess | undefined;
  try {
    const passwordHash = await hashPassword(PASSWORD);
    const t0 = Date.now();
    await seedCoops(su, 1, 10, passwordHash);
    const coop = await su.query<{ id: string }>("select id from coops where slug = 'bench-1'");
    const coopId = coop.rows[0]?.id as string;
    await su.query("insert into users (email, name, password_hash) values ('admin@bench.test', 'Bench Admin', $1)", [
      passwordHash,
    ]);
    await su.query(
      `insert into memberships (coop_id, user_id, roles) select $1, id, '{coop_admin}' from users where email = 'admin@bench.test'`,
      [coopId],
    );
    console.warn(`seeded 10 coops × ${ROWS_PER_COOP} memberships in ${Date.now() - t0} ms`);

    // BENCH_CPU_PROF=1: a V8 CPU profile of the servers' process in dist/bench/prof (where the time goes)
    const profile = process.env['BENCH_CPU_PROF'] === '1';
    child = fork(__filename, ['--serve'], {
      execArgv: profile
        ? [...process.execArgv, '--cpu-prof', `--cpu-prof-dir=${join(workspaceRoot(), 'dist', 'bench', 'prof')}`]
        : process.execArgv,
      env: {
        ...process.env,
        BENCH_APP_URL: db.appUrl,
        BENCH_SUPER_URL: db.superUrl,
        BENCH_PREFIX: testQueuePrefix(),
        BENCH_COOP_ID: coopId,
      },
      stdio: 'inherit',
    });
    const ports = await new Promise<Ports>((resolve, reject) => {
      child?.once('message', (m) => resolve(m as Ports));
      child?.once('exit', (code) => reject(new Error(`servers exited with ${code}`)));
    });
    const signIn = await fetch(`http://127.0.0.1:${ports.api}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@bench.test', password: PASSWORD }),
    });
    const session = (await signIn.json()) as { accessToken: string; principal: { coopId: string } };
    if (session.principal.coopId !== coopId) throw new Error('bench admin signed into the wrong coop');
    const auth = { authorization: `Bearer ${session.accessToken}` };
    const path = `/api/members?limit=${PAGE_SIZE}`;

    const scales: Record<string, Run[]> = {};
    let baseline: Run | undefined;
    const bareUrl = `http://127.0.0.1:${ports.bare}/`;
    const apiUrl = `http://127.0.0.1:${ports.api}${path}`;
    for (const coops of [10, 1000]) {
      if (coops === 1000) {
        const t1 = Date.now();
        await seedCoops(su, 11, 1000, passwordHash);
        console.warn(`seeded up to 1,000 coops (${1000 * ROWS_PER_COOP} memberships) in ${Date.now() - t1} ms`);
      }
      console.warn(`${coops} coops, GET ${path}, ${connections} connections, ${rounds} × ${duration} s each:`);
      const bare: Sample[] = [];
      const framework: Sample[] = [];
      for (let round = 0; round < rounds; round++) {
        bare.push(await measure(bareUrl, {}, duration, connections));
        framework.push(await measure(apiUrl, auth, duration, connections));
      }
      scales[coops] = [median('bare (node:http + pg)', bare), median('framework + RLS + auth', framework)];
      scales[coops]?.forEach(print);
      if (coops === 10) {
        // the floor: the same Nest app on a public route with no database work at all
        baseline = median('framework GET /health/live', [
          await measure(`http://127.0.0.1:${ports.api}/health/live`, {}, duration, connections),
        ]);
        print(baseline);
      }
    }
    const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;
    const [bare10, api10] = scales[10] as [Run, Run];
    const [bare1k, api1k] = scales[1000] as [Run, Run];
    const summary = {
      frameworkOverBareReqs: {
        at10: ratio(api10.requestsPerSecond, bare10.requestsPerSecond),
        at1000: ratio(api1k.requestsPerSecond, bare1k.requestsPerSecond),
      },
      p99At1000OverP99At10: {
        framework: ratio(api1k.p99, api10.p99),
        bare: ratio(bare1k.p99, bare10.p99),
      },
      nestFloorReqs: baseline?.requestsPerSecond ?? null,
      targets: { frameworkOverBareReqs: '>= 0.6', p99At1000OverP99At10: '<= 1.2' },
    };
    console.warn(JSON.stringify(summary, null, 2));
    const out = join(workspaceRoot(), 'dist', 'bench');
    mkdirSync(out, { recursive: true });
    writeFileSync(
      join(out, 'api.json'),
      `${JSON.stringify({ date: new Date().toISOString(), node: process.version, path, pageSize: PAGE_SIZE, rowsPerCoop: ROWS_PER_COOP, duration, connections, rounds, runs: scales, baseline, summary }, null, 2)}\n`,
    );
    console.warn(`wrote ${join(out, 'api.json')}`);
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      // SIGTERM lets a profiled child write its profile on the way out (see serve())
      child.kill(process.env['BENCH_CPU_PROF'] === '1' ? 'SIGTERM' : 'SIGKILL');
      await exited;
    }
    await su.end();
    await db.drop();
  }
}

if (process.argv.includes('--serve')) {
  process.once('SIGTERM', () => process.exit(0));
  serve().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
