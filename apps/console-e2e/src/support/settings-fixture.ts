import IORedis from 'ioredis';
import { Client } from 'pg';

/** governance's channel: every process forgets its cached settings of the coop it names */
const SETTINGS_CHANGED_CHANNEL = 'federacycle:settings-changed';

/**
 * A journey's fixture: writes a new version of a coop's `dispatch_mode` over a superuser connection
 * (as the integration specs' fixtures do; governance is what writes versions in the product) and
 * tells the API and the worker, as governance's enactment does. Answers the mode it replaced, so
 * the journey can put it back. Journeys share one seeded stack: one whose story needs a mode sets
 * it rather than trusting what an earlier journey left (governance-vote enacts Lyon's `auto`).
 */
export async function setDispatchMode(slug: string, mode: string): Promise<string> {
  const db = new Client({ connectionString: process.env['E2E_DATABASE_SUPER_URL'] });
  const redis = new IORedis(process.env['E2E_REDIS_URL'] as string, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await db.connect();
  try {
    const coop = await db.query<{ id: string }>(`select id from coops where slug = $1`, [slug]);
    const coopId = coop.rows[0]?.id as string;
    // a superuser connection (as the integration specs' fixtures): row-level security does not apply
    const before = await db.query<{ value: string }>(
      `select value from coop_setting_versions where coop_id = $1 and key = 'dispatch_mode'
        order by version desc limit 1`,
      [coopId],
    );
    await db.query(
      `insert into coop_setting_versions (coop_id, key, version, value, source)
       select $1, 'dispatch_mode', coalesce(max(version), 0) + 1, to_jsonb($2::text), 'initial'
         from coop_setting_versions where coop_id = $1 and key = 'dispatch_mode'`,
      [coopId, mode],
    );
    await redis.connect();
    await redis.publish(SETTINGS_CHANGED_CHANNEL, JSON.stringify({ scope: 'coop', coopId }));
    return before.rows[0]?.value ?? 'manual';
  } finally {
    await db.end();
    redis.disconnect();
  }
}
