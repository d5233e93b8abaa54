import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { join, resolve } from 'node:path';
import { ensureDevServices } from '../db/dev-services';
import { prepareDevDatabase } from '../db/dev-database';
import { demoTracking, runSeed, type DemoCredential, type SeedResult } from '../seed/seed';

/**
 * `npm start`: services (reused or started), database (roles, migrations, demo seed),
 * builds, then the API (serving the console) and the worker. Ctrl-C stops what it started.
 */
const root = resolve(__dirname, '..', '..');
const apiPort = Number(process.env['API_PORT'] ?? 3000);
const workerPort = Number(process.env['WORKER_PORT'] ?? 3001);

function portInUse(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

async function waitReady(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url} did not start (exit code ${child.exitCode})`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} not ready after ${timeoutMs / 1000} s`);
}

function printCredentials(credentials: DemoCredential[]): void {
  if (!credentials.length) return;
  const passwords = new Set(credentials.map((c) => c.password));
  const shared = passwords.size === 1 ? [...passwords][0] : null;
  console.log(`\nDemo accounts${shared ? ` (password for all: ${shared})` : ''}:`);
  for (const c of credentials) {
    console.log(`  ${c.email.padEnd(34)} ${shared ? '' : c.password.padEnd(18) + ' '}${c.coop.padEnd(11)} ${c.roles}`);
  }
}

/** The demo partner client's credentials and the two base URLs to give it. */
function printPartner(partner: SeedResult['partner'], port: number): void {
  if (!partner) return;
  console.log(`
Demo partner API client: ${partner.clientName} (${partner.coopSlug})
  native API    http://localhost:${port}/api/partner/v1   (API key: Authorization: Bearer <key>, or X-Api-Key)
  CoopCycle     http://localhost:${port}/coopcycle/${partner.coopSlug}   (base URL for CoopCycle's plugins and SDK)
  API key       ${partner.apiKey}
  OAuth2 key    ${partner.oauthKey}
  OAuth2 secret ${partner.oauthSecret}
  try it        curl -H 'X-Api-Key: ${partner.apiKey}' http://localhost:${port}/api/partner/v1/me`);
}

/**
 * The environment of the Nx build: without this script's own ts-node settings, which
 * webpack's tsconfig-paths plugin would otherwise pick up (TS_NODE_PROJECT).
 */
function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
  for (const key of Object.keys(env)) if (key.startsWith('TS_NODE_')) delete env[key];
  return env;
}

async function main(): Promise<void> {
  for (const [port, name] of [
    [apiPort, 'API_PORT'],
    [workerPort, 'WORKER_PORT'],
  ] as const) {
    if (await portInUse(port)) throw new Error(`port ${port} is already in use; stop what uses it or set ${name}`);
  }
  const services = await ensureDevServices(join(root, '.data'));
  const children: ChildProcess[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
    await services.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  try {
    for (const line of services.started) console.log(`started ${line}`);
    const db = await prepareDevDatabase(services.adminUrl, root);
    console.log(
      `database: ${db.migrated.applied.length} migrations applied, ${db.migrated.alreadyApplied} already there`,
    );
    const { accounts: credentials, partner } = await runSeed(db.appUrl);
    const tracking = await demoTracking(db.appUrl);

    console.log('building api, worker and console (cached after the first time)...');
    const build = spawnSync(
      'npx',
      ['nx', 'run-many', '-t', 'build', '-p', 'api', 'worker', 'console', '--output-style=static'],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: buildEnv(),
      },
    );
    if (build.status !== 0) {
      process.stderr.write(build.stdout.toString().slice(-4000));
      throw new Error('the build failed (output above)');
    }

    const env = {
      ...process.env,
      NODE_ENV: process.env['NODE_ENV'] ?? 'development',
      LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
      DATABASE_URL: db.appUrl,
      DATABASE_OWNER_URL: db.ownerUrl,
      REDIS_URL: services.redisUrl,
      API_PORT: String(apiPort),
      WORKER_PORT: String(workerPort),
      CONSOLE_DIR: join(root, 'dist/apps/console/browser'),
      DATA_DIR: join(root, '.data'),
      PUBLIC_URL: process.env['PUBLIC_URL'] ?? `http://localhost:${apiPort}`,
    };
    for (const app of ['api', 'worker']) {
      const child = spawn(process.execPath, [join(root, `dist/apps/${app}/main.js`)], {
        cwd: root,
        env,
        stdio: 'inherit',
      });
      child.on('exit', (code) => {
        if (!stopping) {
          console.error(`${app} exited (code ${code}); stopping everything`);
          void stop(1);
        }
      });
      children.push(child);
    }
    await waitReady(`http://127.0.0.1:${apiPort}/health/ready`, children[0] as ChildProcess);
    await waitReady(`http://127.0.0.1:${workerPort}/health/ready`, children[1] as ChildProcess);
    console.log(`
Federacycle is running:
  console       http://localhost:${apiPort}/
  API docs      http://localhost:${apiPort}/api/docs   (OpenAPI: /api/openapi.json)
  API health    http://localhost:${apiPort}/health/ready
  API metrics   http://localhost:${apiPort}/metrics
  worker        http://localhost:${workerPort}/health/ready  and  /metrics
  mail (dev)    ${join(root, '.data/mail')}`);
    printCredentials(credentials);
    printPartner(partner, apiPort);
    if (tracking.underWay) {
      console.log(`\nA recipient's tracking page (a delivery under way in Lyon):
  http://localhost:${apiPort}/track/${tracking.underWay}`);
    }
    console.log('\nPress Ctrl-C to stop.');
  } catch (error) {
    console.error(`start: ${error instanceof Error ? error.message : String(error)}`);
    await stop(1);
  }
}

void main();
