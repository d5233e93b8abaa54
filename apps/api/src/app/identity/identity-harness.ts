import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Client } from 'pg';
import type { Principal, SessionResponse } from '@federacycle/contracts';
import { ThrottleService, hashPassword, mailDirectory } from '@federacycle/identity-server';
import { decodeQuotedPrintable, startApiTestApp, type ApiTestApp } from '../../testing/api-test-app';

export const TEST_PASSWORD = 'integration-password-42';

/** The API on a fresh database, a superuser client for raw assertions, and helpers. */
export interface IdentityHarness extends ApiTestApp {
  passwordHash: string;
  resetThrottle(): Promise<void>;
  /** waits for a new mail to `to` and returns the token of its link */
  mailToken(to: string): Promise<string>;
}

export async function startHarness(env: Record<string, string> = {}): Promise<IdentityHarness> {
  const base = await startApiTestApp(env);
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const throttle = base.app.get(ThrottleService);
  const seen = new Set<string>();
  return {
    ...base,
    passwordHash,
    resetThrottle: () => throttle.reset(),
    async close() {
      await throttle.reset();
      await base.close();
    },
    async mailToken(to: string): Promise<string> {
      const dir = mailDirectory(base.dataDir);
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
