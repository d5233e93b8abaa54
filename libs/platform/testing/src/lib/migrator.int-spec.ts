import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  MigrationError,
  OWNER_ROLE,
  dropDatabase,
  migrate,
  provisionDatabase,
  readMigrations,
  withDatabase,
} from '@federacycle/platform-database';
import { adminUrl } from './test-database';

describe('migrator', () => {
  const database = `fc_test_migrator_${process.pid}`;
  let dir: string;
  let ownerUrl: string;

  beforeAll(async () => {
    await provisionDatabase({
      adminUrl: adminUrl(),
      database,
      ownerPassword: 'fc_owner_test',
      appPassword: 'fc_app_test',
    });
    ownerUrl = withDatabase(adminUrl(), database, OWNER_ROLE, 'fc_owner_test');
    dir = mkdtempSync(join(tmpdir(), 'fc-migrations-'));
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await dropDatabase(adminUrl(), database);
  });

  it('applies pending migrations once, in order, and records them', async () => {
    writeFileSync(join(dir, '0001_first.sql'), 'create table first (id int primary key);');
    writeFileSync(join(dir, '0002_second.sql'), 'insert into first values (1);');
    expect(await migrate(ownerUrl, dir)).toEqual({ applied: ['0001_first', '0002_second'], alreadyApplied: 0 });
    expect(await migrate(ownerUrl, dir)).toEqual({ applied: [], alreadyApplied: 2 });
  });

  it('rolls back a failing migration whole and names it', async () => {
    writeFileSync(join(dir, '0003_broken.sql'), 'insert into first values (2); select no_such_function();');
    await expect(migrate(ownerUrl, dir)).rejects.toThrow(
      /0003_broken\.sql failed: function no_such_function\(\) does not exist/,
    );
    const client = new Client({ connectionString: ownerUrl });
    await client.connect();
    const rows = await client.query('select id from first order by id');
    await client.end();
    expect(rows.rows).toEqual([{ id: 1 }]);
    rmSync(join(dir, '0003_broken.sql'));
  });

  it('refuses an applied migration whose file changed or vanished', async () => {
    writeFileSync(join(dir, '0002_second.sql'), 'insert into first values (99);');
    await expect(migrate(ownerUrl, dir)).rejects.toThrow('migration 0002_second.sql changed after it was applied');
    rmSync(join(dir, '0002_second.sql'));
    await expect(migrate(ownerUrl, dir)).rejects.toThrow(MigrationError);
    await expect(migrate(ownerUrl, dir)).rejects.toThrow(
      'migration 0002_second.sql was applied but its file is missing',
    );
  });

  it('rejects badly named files and missing folders with one line', () => {
    writeFileSync(join(dir, 'oops.sql'), 'select 1;');
    expect(() => readMigrations(dir)).toThrow('migration file name must look like 0001_create_things.sql: oops.sql');
    expect(() => readMigrations(join(dir, 'nope'))).toThrow('migrations folder not found');
  });
});
