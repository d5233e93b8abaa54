import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

export interface MigrationFile {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Reads `migrations/NNNN_name.sql` in order; refuses gaps-free-but-duplicated versions. */
export function readMigrations(dir: string): MigrationFile[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    throw new MigrationError(`migrations folder not found: ${dir}`);
  }
  const files = entries.filter((f) => f.endsWith('.sql')).sort();
  const seen = new Set<string>();
  return files.map((file) => {
    const match = FILE_PATTERN.exec(file);
    if (!match) throw new MigrationError(`migration file name must look like 0001_create_things.sql: ${file}`);
    const [, version, name] = match as unknown as [string, string, string];
    if (seen.has(version)) throw new MigrationError(`two migrations share version ${version}`);
    seen.add(version);
    const sql = readFileSync(join(dir, file), 'utf8');
    return { version, name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
  });
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies pending migrations as the OWNER role, each in its own transaction, recorded in
 * `schema_migrations`. Forward only: an applied migration whose file changed or vanished
 * stops the run (a migration is never edited after it shipped; write a new one).
 */
export async function migrate(ownerUrl: string, dir: string): Promise<MigrateResult> {
  const files = readMigrations(dir);
  const client = new Client({ connectionString: ownerUrl, application_name: 'federacycle-migrate' });
  await client.connect();
  try {
    // One migrator at a time, across processes (api and worker may both start).
    await client.query('select pg_advisory_lock(727274)');
    await client.query(`create table if not exists schema_migrations (
      version text primary key,
      name text not null,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`);
    const applied = await client.query<{ version: string; name: string; checksum: string }>(
      'select version, name, checksum from schema_migrations order by version',
    );
    const byVersion = new Map(files.map((f) => [f.version, f]));
    for (const row of applied.rows) {
      const file = byVersion.get(row.version);
      if (!file)
        throw new MigrationError(`migration ${row.version}_${row.name}.sql was applied but its file is missing`);
      if (file.checksum !== row.checksum) {
        throw new MigrationError(
          `migration ${row.version}_${row.name}.sql changed after it was applied; add a new migration instead`,
        );
      }
    }
    const done = new Set(applied.rows.map((r) => r.version));
    const result: MigrateResult = { applied: [], alreadyApplied: done.size };
    for (const file of files) {
      if (done.has(file.version)) continue;
      try {
        await client.query('begin');
        await client.query(file.sql);
        await client.query('insert into schema_migrations (version, name, checksum) values ($1, $2, $3)', [
          file.version,
          file.name,
          file.checksum,
        ]);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        const reason = error instanceof Error ? error.message : String(error);
        throw new MigrationError(`migration ${file.version}_${file.name}.sql failed: ${reason}`);
      }
      result.applied.push(`${file.version}_${file.name}`);
    }
    return result;
  } finally {
    await client.query('select pg_advisory_unlock(727274)').catch(() => undefined);
    await client.end();
  }
}
