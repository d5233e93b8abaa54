import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { loadConfig, type AppConfig } from '@federacycle/platform-config';
import { createTestDatabase, testQueuePrefix, testRedisUrl, type TestDatabase } from '@federacycle/platform-testing';
import { createApiApp } from '../app/create-api-app';

/**
 * The whole API as it ships (helmet, body limits, filters, every module) on a fresh
 * database of its own, with a superuser client for raw assertions. Shared by the API's
 * integration specs; each domain harness adds its own helpers on top.
 */
export interface ApiTestApp {
  app: INestApplication;
  config: AppConfig;
  testDb: TestDatabase;
  /** superuser: sees every row (RLS does not apply): the raw truth for assertions */
  su: Client;
  /** this app's DATA_DIR (development mail, licence keys) */
  dataDir: string;
  http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

export async function startApiTestApp(env: Record<string, string> = {}): Promise<ApiTestApp> {
  const testDb = await createTestDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), 'fc-api-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: testDb.appUrl,
    DATABASE_OWNER_URL: testDb.ownerUrl,
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: testQueuePrefix(),
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    PUBLIC_URL: 'http://console.test',
    ...env,
  });
  const app = await createApiApp(config);
  await app.init();
  const su = new Client({ connectionString: testDb.superUrl });
  await su.connect();
  return {
    app,
    config,
    testDb,
    su,
    dataDir,
    http: () => request(app.getHttpServer()),
    async close() {
      await app.close();
      await su.end();
      await testDb.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Development mail is written as raw .eml: undo quoted-printable soft breaks and escapes (each run
 * of escaped bytes decoded as UTF-8, so that accented text reads as written).
 */
export function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, '')
    .replace(/(?:=[0-9A-F]{2})+/g, (run: string) => Buffer.from(run.replace(/=/g, ''), 'hex').toString('utf8'));
}
