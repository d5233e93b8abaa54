/**
 * The API benchmarks' harness: the framework path (Nest, the access guard with its session
 * check, the unit of work with RLS as the application role) against a bare node:http + pg
 * endpoint running the same query for the same coop, at 10 and then 1,000 coops in one database.
 *
 * A benchmark is a list of scenarios (a route, the SQL the API sends for it, how its data is
 * seeded). The servers run in a child process so that autocannon (in this process) does not
 * steal their event loop. Bare and framework runs alternate, `rounds` times each per scale and
 * scenario, and the table shows the median of each figure over the runs (a shared 2-core
 * machine drifts by 10-20 % between runs); non-2xx answers and errors are summed.
 *
 *   --duration 6   seconds per run      --connections 20      --rounds 5
 *   BENCH_CPU_PROF=1: a V8 CPU profile of the servers' process in dist/bench/prof
 *   BENCH_KEEP_DB=1: keep the seeded database (to EXPLAIN its queries)
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

export const BENCH_PASSWORD = 'bench-password-123';

/** What a scenario's seed gets: the superuser connection and the bench coops' range. */
export interface SeedContext {
  su: Client;
  /** bench coops `bench-<from>` … `bench-<to>` exist (slug, no data yet) */
  from: number;
  to: number;
  passwordHash: string;
}

export interface Scenario {
  /** short name, also the key in the JSON */
  name: string;
  /** what one coop holds, for the table's header */
  data: string;
  /** the API route measured, for the bench coop `bench-1` (its ids from `prepare`) */
  path(ids: Record<string, string>): string;
  /** seeds the scenario's rows for coops from..to (the coops exist) */
  seed(ctx: SeedContext): Promise<void>;
  /** after the first seed: ids the route and the bare query need (e.g. a merchant of bench-1) */
  prepare?(su: Client, coopId: string): Promise<Record<string, string>>;
  /** the statement the API sends for that route, as the bare endpoint runs it */
  bareSql: string;
  bareParams(coopId: string, ids: Record<string, string>): unknown[];
  /** the JSON body the API answers, built from the bare query's rows */
  bareBody(rows: Record<string, unknown>[]): unknown;
  /** the tables to vacuum-analyse after seeding */
  tables: string[];
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
async function serve(scenarios: readonly Scenario[]): Promise<void> {
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

  // bare: plain node:http, a pg pool of the same size as the API's, the same query, same coop
  const pool = new Pool({ connectionString: superUrl, max: loadConfig(base).databasePoolSize });
  pool.on('error', () => undefined);
  const coopId = process.env['BENCH_COOP_ID'] as string;
  const ids = JSON.parse(process.env['BENCH_IDS'] ?? '{}') as Record<string, Record<string, string>>;
  const bare = createServer((req, res) => {
    const scenario = scenarios.find((s) => req.url === `/${s.name}`);
    if (!scenario) {
      res.writeHead(404);
      res.end();
      return;
    }
    pool
      .query(scenario.bareSql, scenario.bareParams(coopId, ids[scenario.name] ?? {}))
      .then((result) => {
        const body = JSON.stringify(scenario.bareBody(result.rows));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(body);
      })
      .catch(() => {
        res.writeHead(500);
        res.end();
      });
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  process.send?.({ api: api.port, bare: (bare.address() as AddressInfo).port });
}

// ---------------------------------------------------------------- parent: seed and measure
async function seedCoops(su: Client, from: number, to: number): Promise<void> {
  await su.query(
    `insert into coops (slug, name, city, country, timezone, currency)
     select 'bench-' || g, 'Bench coop ' || g, 'Lyon', 'FR', 'Europe/Paris', 'EUR' from generate_series($1::int, $2::int) g`,
    [from, to],
  );
}

async function seedAll(su: Client, scenarios: readonly Scenario[], from: number, to: number, hash: string) {
  await seedCoops(su, from, to);
  for (const scenario of scenarios) await scenario.seed({ su, from, to, passwordHash: hash });
  // as autovacuum leaves a table in steady state: statistics, hint bits and the visibility map
  const tables = new Set(['coops', 'users', 'memberships', ...scenarios.flatMap((s) => s.tables)]);
  await su.query(`vacuum analyze ${[...tables].join(', ')}`);
}

async function measure(url: string, headers: Record<string, string>, duration: number, connections: number) {
  await autocannon({ url, headers, connections, duration: 2 }); // warm-up
  const result = await autocannon({ url, headers, connections, duration });
  const sample: Sample = {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
  return sample;
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

const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;

async function measureAll(entry: string, scenarios: readonly Scenario[], outName: string): Promise<void> {
  const duration = arg('duration', 6);
  const connections = arg('connections', 20);
  const rounds = arg('rounds', 5);
  const db = await createTestDatabase();
  const su = new Client({ connectionString: db.superUrl });
  await su.connect();
  let child: ChildProcess | undefined;
  try {
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    const t0 = Date.now();
    await seedAll(su, scenarios, 1, 10, passwordHash);
    const coop = await su.query<{ id: string }>("select id from coops where slug = 'bench-1'");
    const coopId = coop.rows[0]?.id as string;
    await su.query("insert into users (email, name, password_hash) values ('admin@bench.test', 'Bench Admin', $1)", [
      passwordHash,
    ]);
    await su.query(
      `insert into memberships (coop_id, user_id, roles) select $1, id, '{coop_admin}' from users where email = 'admin@bench.test'`,
      [coopId],
    );
    const ids: Record<string, Record<string, string>> = {};
    for (const s of scenarios) ids[s.name] = (await s.prepare?.(su, coopId)) ?? {};
    console.warn(`seeded 10 coops (${scenarios.map((s) => s.data).join('; ')}) in ${Date.now() - t0} ms`);

    const profile = process.env['BENCH_CPU_PROF'] === '1';
    child = fork(entry, ['--serve'], {
      execArgv: profile
        ? [...process.execArgv, '--cpu-prof', `--cpu-prof-dir=${join(workspaceRoot(), 'dist', 'bench', 'prof')}`]
        : process.execArgv,
      env: {
        ...process.env,
        BENCH_APP_URL: db.appUrl,
        BENCH_SUPER_URL: db.superUrl,
        BENCH_PREFIX: testQueuePrefix(),
        BENCH_COOP_ID: coopId,
        BENCH_IDS: JSON.stringify(ids),
      },
      stdio: 'inherit',
    });
    const ports = await new Promise<{ api: number; bare: number }>((resolve, reject) => {
      child?.once('message', (m) => resolve(m as { api: number; bare: number }));
      child?.once('exit', (code) => reject(new Error(`servers exited with ${code}`)));
    });
    const signIn = await fetch(`http://127.0.0.1:${ports.api}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@bench.test', password: BENCH_PASSWORD }),
    });
    const session = (await signIn.json()) as { accessToken: string; principal: { coopId: string } };
    if (session.principal.coopId !== coopId) throw new Error('bench admin signed into the wrong coop');
    const auth = { authorization: `Bearer ${session.accessToken}` };

    // both endpoints must answer the same thing, or the comparison means nothing
    for (const s of scenarios) {
      const apiRes = await fetch(`http://127.0.0.1:${ports.api}${s.path(ids[s.name] ?? {})}`, { headers: auth });
      const bareRes = await fetch(`http://127.0.0.1:${ports.bare}/${s.name}`);
      const [apiText, bareText] = [await apiRes.text(), await bareRes.text()];
      if (apiRes.status !== 200 || bareRes.status !== 200 || apiText.length !== bareText.length) {
        throw new Error(
          `${s.name}: the API (${apiRes.status}, ${apiText.length} bytes) and the bare endpoint (${bareRes.status}, ${bareText.length} bytes) differ: ${apiText.slice(0, 300)}`,
        );
      }
    }

    const results: Record<string, Record<string, Run[]>> = {};
    let baseline: Run | undefined;
    for (const coops of [10, 1000]) {
      if (coops === 1000) {
        const t1 = Date.now();
        await seedAll(su, scenarios, 11, 1000, passwordHash);
        console.warn(`seeded up to 1,000 coops in ${Date.now() - t1} ms`);
      }
      for (const s of scenarios) {
        const path = s.path(ids[s.name] ?? {});
        console.warn(
          `${coops} coops, ${s.name}: GET ${path} (${s.data}), ${connections} connections, ${rounds} × ${duration} s each:`,
        );
        const bare: Sample[] = [];
        const framework: Sample[] = [];
        for (let round = 0; round < rounds; round++) {
          bare.push(await measure(`http://127.0.0.1:${ports.bare}/${s.name}`, {}, duration, connections));
          framework.push(await measure(`http://127.0.0.1:${ports.api}${path}`, auth, duration, connections));
        }
        const runs = [median('bare (node:http + pg)', bare), median('framework + RLS + auth', framework)];
        runs.forEach(print);
        (results[s.name] ??= {})[coops] = runs;
      }
      if (coops === 10) {
        // the floor: the same Nest app on a public route with no database work at all
        baseline = median('framework GET /health/live', [
          await measure(`http://127.0.0.1:${ports.api}/health/live`, {}, duration, connections),
        ]);
        print(baseline);
      }
    }
    const summary: Record<string, unknown> = {};
    for (const s of scenarios) {
      const [bare10, api10] = results[s.name]?.[10] as Run[] as [Run, Run];
      const [bare1k, api1k] = results[s.name]?.[1000] as Run[] as [Run, Run];
      summary[s.name] = {
        frameworkOverBareReqs: {
          at10: ratio(api10.requestsPerSecond, bare10.requestsPerSecond),
          at1000: ratio(api1k.requestsPerSecond, bare1k.requestsPerSecond),
        },
        p99At1000OverP99At10: { framework: ratio(api1k.p99, api10.p99), bare: ratio(bare1k.p99, bare10.p99) },
      };
    }
    summary['nestFloorReqs'] = baseline?.requestsPerSecond ?? null;
    summary['targets'] = { frameworkOverBareReqs: '>= 0.6', p99At1000OverP99At10: '<= 1.2' };
    console.warn(JSON.stringify(summary, null, 2));
    const out = join(workspaceRoot(), 'dist', 'bench');
    mkdirSync(out, { recursive: true });
    const file = join(out, `${outName}.json`);
    const meta = scenarios.map((s) => ({ name: s.name, data: s.data, path: s.path(ids[s.name] ?? {}) }));
    writeFileSync(
      file,
      `${JSON.stringify({ date: new Date().toISOString(), node: process.version, scenarios: meta, duration, connections, rounds, runs: results, baseline, summary }, null, 2)}\n`,
    );
    console.warn(`wrote ${file}`);
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      // SIGTERM lets a profiled child write its profile on the way out (see runBench)
      child.kill(process.env['BENCH_CPU_PROF'] === '1' ? 'SIGTERM' : 'SIGKILL');
      await exited;
    }
    await su.end();
    // BENCH_KEEP_DB=1 keeps the seeded database to look at its plans (its URL is printed)
    if (process.env['BENCH_KEEP_DB'] === '1') console.warn(`kept ${db.superUrl}`);
    else await db.drop();
  }
}

/** The entry of a benchmark script: the parent measures, the forked child (`--serve`) serves. */
export function runBench(entry: string, scenarios: readonly Scenario[], outName: string): void {
  if (process.argv.includes('--serve')) {
    process.once('SIGTERM', () => process.exit(0));
    serve(scenarios).catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
    return;
  }
  measureAll(entry, scenarios, outName).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
