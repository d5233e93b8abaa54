import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import {
  APP_ROLE,
  OWNER_ROLE,
  dropDatabase,
  migrate,
  provisionDatabase,
  withDatabase,
} from '@federacycle/platform-database';

export const TEST_OWNER_PASSWORD = 'fc_owner_test';
export const TEST_APP_PASSWORD = 'fc_app_test';

/** A superuser URL of the server the integration tests use (env, else the local default). */
export function adminUrl(): string {
  return process.env['TEST_ADMIN_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function testRedisUrl(): string {
  return process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
}

export function workspaceRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 10; i += 1) {
    try {
      readFileSync(join(dir, 'nx.json'));
      return dir;
    } catch {
      dir = resolve(dir, '..');
    }
  }
  throw new Error('nx.json not found above ' + __dirname);
}

export function migrationsDir(): string {
  return join(workspaceRoot(), 'migrations');
}

/** The template database name changes whenever a migration changes. */
export function templateName(): string {
  const dir = migrationsDir();
  const hash = createHash('sha256');
  for (const file of readdirSync(dir).sort()) hash.update(file).update(readFileSync(join(dir, file)));
  return `fc_test_tpl_${hash.digest('hex').slice(0, 12)}`;
}

/** Creates (once per migration set) a migrated template database. Jest globalSetup calls it. */
export async function ensureTemplate(): Promise<string> {
  const name = templateName();
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount) return name;
  } finally {
    await admin.end();
  }
  const building = `${name}_build_${randomBytes(3).toString('hex')}`;
  await provisionDatabase({
    adminUrl: adminUrl(),
    database: building,
    ownerPassword: TEST_OWNER_PASSWORD,
    appPassword: TEST_APP_PASSWORD,
  });
  await migrate(withDatabase(adminUrl(), building, OWNER_ROLE, TEST_OWNER_PASSWORD), migrationsDir());
  const rename = new Client({ connectionString: adminUrl() });
  await rename.connect();
  try {
    const exists = await rename.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount) {
      await rename.query(`drop database "${building}" with (force)`);
    } else {
      await rename.query(`alter database "${building}" rename to "${name}"`);
    }
    // Templates of older migration sets are left in place: another test run (another
    // checkout, another branch) may be cloning from them right now.
  } finally {
    await rename.end();
  }
  return name;
}

export interface TestDatabase {
  name: string;
  /** the application role: what the api and worker use; RLS applies */
  appUrl: string;
  /** the owner role: what migrations use */
  ownerUrl: string;
  /** a superuser on the same database: sees every row (RLS does not apply), for assertions */
  superUrl: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file, cloned from the template (fast). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = await ensureTemplate();
  const name = `fc_test_${randomBytes(5).toString('hex')}`;
  await provisionDatabase({
    adminUrl: adminUrl(),
    database: name,
    ownerPassword: TEST_OWNER_PASSWORD,
    appPassword: TEST_APP_PASSWORD,
    template,
  });
  return {
    name,
    appUrl: withDatabase(adminUrl(), name, APP_ROLE, TEST_APP_PASSWORD),
    ownerUrl: withDatabase(adminUrl(), name, OWNER_ROLE, TEST_OWNER_PASSWORD),
    superUrl: withDatabase(adminUrl(), name),
    drop: () => dropDatabase(adminUrl(), name),
  };
}

/** A queue prefix of its own per test file: tests share one Redis without meeting. */
export function testQueuePrefix(): string {
  return `fc-test-${randomBytes(4).toString('hex')}`;
}
