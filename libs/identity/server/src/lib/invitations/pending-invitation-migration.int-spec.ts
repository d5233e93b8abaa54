import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { OWNER_ROLE, dropDatabase, migrate, provisionDatabase, withDatabase } from '@federacycle/platform-database';
import { TEST_APP_PASSWORD, TEST_OWNER_PASSWORD, adminUrl, migrationsDir } from '@federacycle/platform-testing';

const MIGRATION = '0012_one_pending_invitation.sql';

/**
 * Migration 0012 on a database that already holds the defect: duplicate pending invitations
 * of one email in one coop are reduced to the newest, per coop, with row-level security left
 * forced; then the partial unique index refuses new duplicates.
 */
describe('migration 0012: one pending invitation per email per coop, on existing data', () => {
  const database = `fc_test_m12_${randomBytes(4).toString('hex')}`;
  const before = mkdtempSync(join(tmpdir(), 'fc-migrations-'));
  let su: Client;

  beforeAll(async () => {
    for (const file of readdirSync(migrationsDir()).filter((f) => f < MIGRATION)) {
      copyFileSync(join(migrationsDir(), file), join(before, file));
    }
    await provisionDatabase({
      adminUrl: adminUrl(),
      database,
      ownerPassword: TEST_OWNER_PASSWORD,
      appPassword: TEST_APP_PASSWORD,
    });
    await migrate(withDatabase(adminUrl(), database, OWNER_ROLE, TEST_OWNER_PASSWORD), before);
    su = new Client({ connectionString: withDatabase(adminUrl(), database) });
    await su.connect();
  });
  afterAll(async () => {
    await su?.end();
    await dropDatabase(adminUrl(), database);
    rmSync(before, { recursive: true, force: true });
  });

  it('revokes all but the newest pending invitation of an email, coop by coop, and then refuses duplicates', async () => {
    const coop = async (slug: string) =>
      (
        await su.query<{ id: string }>(
          `insert into coops (slug, name, city, country, timezone, currency)
           values ($1, $1, 'City', 'FR', 'Europe/Paris', 'EUR') returning id`,
          [slug],
        )
      ).rows[0]?.id as string;
    const a = await coop('coop-a');
    const b = await coop('coop-b');
    const invite = async (coopId: string, email: string, ageMinutes: number, state = '') =>
      (
        await su.query<{ id: string }>(
          `insert into invitations (coop_id, email, roles, token_hash, expires_at, created_at${state ? `, ${state}` : ''})
           values ($1, $2, '{member}', $3, now() + interval '1 day', now() - make_interval(mins => $4)${state ? ', now()' : ''})
           returning id`,
          [coopId, email, randomBytes(32).toString('hex'), ageMinutes],
        )
      ).rows[0]?.id as string;
    await invite(a, 'dup@example.org', 30);
    await invite(a, 'dup@example.org', 20);
    const newestA = await invite(a, 'dup@example.org', 10);
    const acceptedA = await invite(a, 'dup@example.org', 40, 'accepted_at');
    const soleB = await invite(b, 'dup@example.org', 50);
    const otherA = await invite(a, 'other@example.org', 60);

    const result = await migrate(withDatabase(adminUrl(), database, OWNER_ROLE, TEST_OWNER_PASSWORD), migrationsDir());
    // this migration first (later ones follow it)
    expect(result.applied[0]).toBe('0012_one_pending_invitation');

    const live = await su.query<{ id: string }>(
      'select id from invitations where accepted_at is null and revoked_at is null order by created_at',
    );
    expect(live.rows.map((r) => r.id).sort()).toEqual([newestA, soleB, otherA].sort());
    const accepted = await su.query('select revoked_at from invitations where id = $1', [acceptedA]);
    expect(accepted.rows).toEqual([{ revoked_at: null }]);
    const rls = await su.query(
      "select relrowsecurity, relforcerowsecurity from pg_class where relname = 'invitations' and relkind = 'r'",
    );
    expect(rls.rows).toEqual([{ relrowsecurity: true, relforcerowsecurity: true }]);
    await expect(invite(a, 'dup@example.org', 0)).rejects.toThrow(/invitations_pending_email/);
  });
});
