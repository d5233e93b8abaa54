import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, testQueuePrefix, testRedisUrl } from '@federacycle/platform-testing';
import { demoTracking, runSeed } from '../seed/seed';
import { freePort, waitReady } from './processes';

/**
 * The whole product for the browser journeys: a fresh database (seeded with the demo
 * federation), the built API serving the built console, and the worker, on free ports.
 */
export interface Stack {
  baseUrl: string;
  /** where the API writes development mail (journeys read invitation links from it) */
  mailDir: string;
  /** milliseconds written here move the clock of the API and the worker (OffsetFileClock) */
  clockFile: string;
  /** the seeded demo day's tracking tokens (a delivery under way, one delivered) */
  tracking: { underWay: string | null; delivered: string | null };
  /** a superuser on the stack's database (RLS does not apply) and the Redis URL, for a journey's fixtures */
  databaseSuperUrl: string;
  redisUrl: string;
  stop(): Promise<void>;
}

const root = join(__dirname, '..', '..');

/** The Nx build's environment, without ts-node settings that webpack's tsconfig-paths would pick up. */
function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
  for (const key of Object.keys(env)) if (key.startsWith('TS_NODE_')) delete env[key];
  return env;
}

export async function startStack(): Promise<Stack> {
  const build = spawnSync(
    'npx',
    ['nx', 'run-many', '-t', 'build', '-p', 'api', 'worker', 'console', '--output-style=static'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: buildEnv(),
    },
  );
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout.toString().slice(-3000)}`);
  const db = await createTestDatabase();
  await runSeed(db.appUrl);
  const tracking = await demoTracking(db.appUrl);
  const dataDir = join(root, 'test-output', 'e2e-data');
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
    CONSOLE_DIR: join(root, 'dist/apps/console/browser'),
    DATA_DIR: dataDir,
    THROTTLE_DISABLED: 'true',
    CLOCK_OFFSET_FILE: join(dataDir, 'clock-offset-ms'),
    GOVERNANCE_SWEEP_EVERY_MS: '1000',
    // the webhooks journey's receiver listens on 127.0.0.1
    WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
  };
  const children = ['api', 'worker'].map((app) =>
    spawn(process.execPath, [join(root, `dist/apps/${app}/main.js`)], {
      cwd: root,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    }),
  );
  const stop = async () => {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
    await db.drop();
  };
  try {
    await waitReady(`http://127.0.0.1:${apiPort}/health/ready`, children[0] as ChildProcess);
    await waitReady(`http://127.0.0.1:${workerPort}/health/ready`, children[1] as ChildProcess);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    baseUrl: `http://127.0.0.1:${apiPort}`,
    mailDir: join(dataDir, 'mail'),
    clockFile: join(dataDir, 'clock-offset-ms'),
    tracking,
    databaseSuperUrl: db.superUrl,
    redisUrl: env.REDIS_URL,
    stop,
  };
}
