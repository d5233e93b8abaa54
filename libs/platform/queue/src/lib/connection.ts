import IORedis, { type RedisOptions } from 'ioredis';

/** A Redis connection for BullMQ: workers need maxRetriesPerRequest = null. */
export function createRedis(url: string, options: RedisOptions = {}): IORedis {
  return new IORedis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, ...options });
}

/** PING with a timeout: readiness probes. */
export async function pingRedis(redis: IORedis, timeoutMs = 2000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('redis ping timed out')), timeoutMs);
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/**
 * Boot check of api and worker: both stores must answer before the process serves, so a
 * wrong URL fails fast with one line instead of a process that looks up but is not.
 */
export async function assertDependenciesReachable(
  db: { ping(timeoutMs?: number): Promise<void> },
  redis: IORedis,
): Promise<void> {
  try {
    await db.ping(5000);
  } catch (error) {
    throw new Error(
      `cannot reach PostgreSQL at DATABASE_URL: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    await pingRedis(redis, 5000);
  } catch (error) {
    throw new Error(`cannot reach Redis at REDIS_URL: ${error instanceof Error ? error.message : String(error)}`);
  }
}
