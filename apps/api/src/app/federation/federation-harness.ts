import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CoopApplicationRequest, SessionResponse } from '@federacycle/contracts';
import { CLOCK, type Clock } from '@federacycle/federation-server';
import { ThrottleService, hashPassword, mailDirectory } from '@federacycle/identity-server';
import { decodeQuotedPrintable, startApiTestApp, type ApiTestApp } from '../../testing/api-test-app';

export const PASSWORD = 'federation-int-password-42';
export const DAY_MS = 86_400_000;

/** The API on a fresh database, with a controllable clock and a superuser client for assertions. */
export interface FederationHarness extends ApiTestApp {
  /** moves the federation clock (null: real time) */
  setNow(date: Date | null): void;
  insertCoop(slug: string, country?: string): Promise<string>;
  insertUser(
    email: string,
    memberships: Array<[coopId: string, roles: string[]]>,
    platformRoles?: string[],
  ): Promise<string>;
  signIn(email: string, coopId?: string): Promise<string>;
  mails(): Promise<string[]>;
  /** clears the rate-limit counters (sign-in, application form): each test starts with a fresh window */
  resetThrottle(): Promise<void>;
  close(): Promise<void>;
}

export async function startFederationHarness(): Promise<FederationHarness> {
  const base = await startApiTestApp();
  const { app, su, dataDir, http } = base;
  const passwordHash = await hashPassword(PASSWORD);
  const clock = app.get<Clock>(CLOCK);
  const realNow = clock.now.bind(clock);
  let fixed: Date | null = null;
  clock.now = () => (fixed ? new Date(fixed.getTime()) : realNow());
  const throttle = app.get(ThrottleService);
  return {
    ...base,
    setNow: (date) => {
      fixed = date;
    },
    async insertCoop(slug, country = 'FR') {
      const row = await su.query<{ id: string }>(
        `insert into coops (slug, name, city, country, timezone, currency) values ($1, $2, 'City', $3, 'Europe/Paris', 'EUR') returning id`,
        [slug, `Coop ${slug}`, country],
      );
      return row.rows[0]?.id as string;
    },
    async insertUser(email, memberships, platformRoles = []) {
      const row = await su.query<{ id: string }>(
        'insert into users (email, name, password_hash, platform_roles) values ($1, $2, $3, $4) returning id',
        [email, email.split('@')[0], passwordHash, platformRoles],
      );
      const id = row.rows[0]?.id as string;
      for (const [coopId, roles] of memberships)
        await su.query('insert into memberships (coop_id, user_id, roles) values ($1, $2, $3)', [coopId, id, roles]);
      return id;
    },
    async signIn(email, coopId) {
      await throttle.reset();
      const res = await http()
        .post('/api/auth/sign-in')
        .send({ email, password: PASSWORD, ...(coopId ? { coopId } : {}) });
      if (res.status !== 200) throw new Error(`sign-in of ${email}: ${res.status} ${JSON.stringify(res.body)}`);
      return (res.body as SessionResponse).accessToken;
    },
    async mails() {
      const dir = mailDirectory(dataDir);
      const files = await readdir(dir).catch(() => [] as string[]);
      return Promise.all(files.sort().map((f) => readFile(join(dir, f), 'utf8').then(decodeQuotedPrintable)));
    },
    resetThrottle: () => throttle.reset(),
    async close() {
      await throttle.reset();
      await base.close();
    },
  };
}

/** A valid French SIREN: the 8 digits given and their Luhn check digit. */
export function siren(first8: string): string {
  for (let check = 0; check <= 9; check += 1) {
    const digits = `${first8}${check}`;
    const sum = [...digits].reverse().reduce((total, d, i) => {
      const n = Number(d) * (i % 2 === 1 ? 2 : 1);
      return total + (n > 9 ? n - 9 : n);
    }, 0);
    if (sum % 10 === 0) return digits;
  }
  throw new Error('unreachable');
}

export const PDF = Buffer.from('%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

export function applicationBody(overrides: Partial<CoopApplicationRequest> = {}): CoopApplicationRequest {
  return {
    name: 'Vélo Coop Test',
    city: 'Nantes',
    country: 'FR',
    timezone: 'Europe/Paris',
    currency: 'EUR',
    legalForm: 'fr_scop_sarl',
    registrationNumber: '732829320',
    declarations: {
      workersAreMembersOrEmployees: true,
      socialEconomyStatus: true,
    },
    admin: { name: 'Camille Admin', email: 'camille@coop.test' },
    ...overrides,
  };
}

/** POST /api/public/applications as multipart. */
export function submit(
  h: FederationHarness,
  application: unknown,
  statutes: Buffer | null = PDF,
  fileName = 'statutes.pdf',
) {
  let req = h.http().post('/api/public/applications');
  if (application !== undefined)
    req = req.field('application', typeof application === 'string' ? application : JSON.stringify(application));
  if (statutes)
    req = req.attach('statutes', statutes, {
      filename: fileName,
      contentType: 'application/pdf',
    });
  return req;
}

/** Polls until `predicate` holds on the mails written so far. */
export async function waitForMail(h: FederationHarness, predicate: (mail: string) => boolean): Promise<string> {
  for (let i = 0; i < 100; i += 1) {
    const found = (await h.mails()).find(predicate);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('mail not found');
}
