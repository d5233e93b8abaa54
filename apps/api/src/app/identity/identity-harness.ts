import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import type { Principal, SessionResponse } from '@federacycle/contracts';
import { ThrottleService, hashPassword, mailDirectory } from '@federacycle/identity-server';
import { loadConfig, type AppConfig } from '@federacycle/platform-config';
import { createTestDatabase, testQueuePrefix, testRedisUrl, type TestDatabase } from '@federacycle/platform-testing';
import { createApiApp } from '../create-api-app';

export const TEST_PASSWORD = 'integration-password-42';

/** The API on a fresh database, a superuser client for raw assertions, and helpers. */
export interface IdentityHarness {
  app: INestApplication;
  config: AppConfig;
  testDb: TestDatabase;
  /** superuser: sees every row (RLS does not apply): the raw truth for assertions */
  su: Client;
  http: () => ReturnType<typeof request>;
  passwordHash: string;
  close(): Promise<void>;
  resetThrottle(): Promise<void>;
  /** waits for a new mail to `to` and returns the token of its link */
  mailToken(to: string): Promise<string>;
}

export async function startHarness(): Promise<IdentityHarness> {
  const testDb = await createTestDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), 'fc-identity-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: testDb.appUrl,
    DATABASE_OWNER_URL: testDb.ownerUrl,
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: testQueuePrefix(),
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    PUBLIC_URL: 'http://console.test',
  });
  const app = await createApiApp(config);
  await app.init();
  const su = new Client({ connectionString: testDb.superUrl });
  await su.connect();
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const throttle = app.get(ThrottleService);
  const seen = new Set<string>();
  return {
    app,
    config,
    testDb,
    su,
    passwordHash,
    http: () => request(app.getHttpServer()),
    resetThrottle: () => throttle.reset(),
    async close() {
      await throttle.reset();
      await app.close();
      await su.end();
      await testDb.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
    async mailToken(to: string): Promise<string> {
      const dir = mailDirectory(dataDir);
      for (let i = 0; i < 100; i += 1) {
        const files = await readdir(dir).catch(() => [] as string[]);
        for (const file of files.sort().reverse()) {
          const text = decodeQuotedPrintable(await readFile(join(dir, file), 'utf8'));
          const match = /token=([A-Za-z0-9_-]{43})/.exec(text);
          if (text.includes(`To: ${to}`) && match && !seen.has(file)) {
            seen.add(file);
            return match[1] as string;
          }
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`no mail to ${to}`);
    },
  };
}

function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export async function insertCoop(su: Client, slug: string, name: string): Promise<string> {
  const row = await su.query<{ id: string }>(
    `insert into coops (slug, name, city, country, timezone, currency) values ($1, $2, 'City', 'FR', 'Europe/Paris', 'EUR') returning id`,
    [slug, name],
  );
  return row.rows[0]?.id as string;
}

export async function insertUser(
  h: IdentityHarness,
  email: string,
  name: string,
  memberships: Array<[coopId: string, roles: string[]]>,
  platformRoles: string[] = [],
): Promise<string> {
  const row = await h.su.query<{ id: string }>(
    'insert into users (email, name, password_hash, platform_roles) values ($1, $2, $3, $4) returning id',
    [email, name, h.passwordHash, platformRoles],
  );
  const id = row.rows[0]?.id as string;
  for (const [coopId, roles] of memberships) {
    await h.su.query('insert into memberships (coop_id, user_id, roles) values ($1, $2, $3)', [coopId, id, roles]);
  }
  return id;
}

export async function signIn(h: IdentityHarness, email: string, coopId?: string): Promise<SessionResponse> {
  const res = await h
    .http()
    .post('/api/auth/sign-in')
    .send({ email, password: TEST_PASSWORD, ...(coopId ? { coopId } : {}) });
  if (res.status !== 200) throw new Error(`sign-in of ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as SessionResponse;
}

export type { Principal };
