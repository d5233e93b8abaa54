import { Client } from 'pg';

/** The two roles of DESIGN.md: fixed names, referenced by the migrations' grants. */
export const OWNER_ROLE = 'fc_owner';
export const APP_ROLE = 'fc_app';

export interface ProvisionOptions {
  /** a superuser connection (trust auth on a dev machine, embedded cluster) */
  adminUrl: string;
  database: string;
  ownerPassword: string;
  appPassword: string;
  /** clone from this database instead of creating an empty one (fast test databases) */
  template?: string;
}

function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe identifier: ${name}`);
  return `"${name}"`;
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Creates, when missing, the owner and application roles and the database (owned by the
 * owner). The application role is created NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE
 * and owns nothing: table privileges come from the migrations' default privileges.
 * Used by `npm start` on a developer machine and by the integration tests; production
 * provisions roles with its own tooling and only runs migrations.
 */
export async function provisionDatabase(options: ProvisionOptions): Promise<void> {
  const admin = new Client({ connectionString: options.adminUrl, application_name: 'federacycle-provision' });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(727273)');
    for (const [role, password, extra] of [
      [OWNER_ROLE, options.ownerPassword, 'NOSUPERUSER NOBYPASSRLS CREATEDB'],
      [APP_ROLE, options.appPassword, 'NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT'],
    ] as const) {
      const exists = await admin.query('select 1 from pg_roles where rolname = $1', [role]);
      const verb = exists.rowCount ? 'ALTER' : 'CREATE';
      await admin.query(`${verb} ROLE ${ident(role)} LOGIN ${extra} PASSWORD ${literal(password)}`);
    }
    const db = await admin.query('select 1 from pg_database where datname = $1', [options.database]);
    if (!db.rowCount) {
      const template = options.template ? ` TEMPLATE ${ident(options.template)}` : '';
      await admin.query(`CREATE DATABASE ${ident(options.database)} OWNER ${ident(OWNER_ROLE)}${template}`);
    }
    await admin.query(`REVOKE ALL ON DATABASE ${ident(options.database)} FROM PUBLIC`);
    await admin.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${ident(options.database)} TO ${ident(APP_ROLE)}`);
  } finally {
    await admin.query('select pg_advisory_unlock(727273)').catch(() => undefined);
    await admin.end();
  }
  // The public schema must belong to the owner so that migrations can revoke from PUBLIC.
  const inDb = new Client({ connectionString: withDatabase(options.adminUrl, options.database) });
  await inDb.connect();
  try {
    await inDb.query(`ALTER SCHEMA public OWNER TO ${ident(OWNER_ROLE)}`);
  } finally {
    await inDb.end();
  }
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${ident(database)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** The same server URL pointing at another database and, optionally, another user. */
export function withDatabase(url: string, database: string, user?: string, password?: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  if (user !== undefined) {
    parsed.username = user;
    parsed.password = password ?? '';
  }
  return parsed.toString();
}
