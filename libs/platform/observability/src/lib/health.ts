import type IORedis from 'ioredis';
import type { Database } from '@federacycle/platform-database';
import { pingRedis } from '@federacycle/platform-queue';

export interface ReadinessReport {
  status: 'ok' | 'unavailable';
  checks: { database: 'ok' | 'down'; redis: 'ok' | 'down' };
}

/** Readiness: the process can serve only when both PostgreSQL and Redis answer. */
export async function checkReadiness(db: Database, redis: IORedis): Promise<ReadinessReport> {
  const [database, cache] = await Promise.all([
    db.ping().then(
      () => 'ok' as const,
      () => 'down' as const,
    ),
    pingRedis(redis).then(
      () => 'ok' as const,
      () => 'down' as const,
    ),
  ]);
  return {
    status: database === 'ok' && cache === 'ok' ? 'ok' : 'unavailable',
    checks: { database, redis: cache },
  };
}
