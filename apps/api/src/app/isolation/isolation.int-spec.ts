import type { IncomingMessage } from 'node:http';
import type { Response } from 'superagent';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHmac, randomBytes } from 'node:crypto';
import { Database } from '@federacycle/platform-database';
import { insertCoop, insertUser, signIn, startHarness, type IdentityHarness } from '../identity/identity-harness';
import { AccessTokenService, listRoutes, type AccessClaims, type RouteAccess } from '@federacycle/identity-server';
import { createPartner, licenseCoop } from '../ordering/partner-fixture';
import {
  COOP_ROLES,
  OUTSIDE_NEST,
  type Actor,
  type CoopFixture,
  type PartnerFixture,
  type Probe,
} from './access-expectation';
import { EXPECTED } from './expected-access';

describe('tenant isolation, through every route of the live API, as the application role', () => {
  let h: IdentityHarness;
  let routes: RouteAccess[];
  /** every route of the live express router, with the permission Nest's discovery gives it */
  let liveRoutes: RouteAccess[];
  const coops: CoopFixture[] = [];
  const actors: Actor[] = [];
  /** two partner clients per coop (p1 bound to the coop's merchant when a fixture made one) */
  const partners: PartnerFixture[] = [];

  beforeAll(async () => {
    h = await startHarness();
    routes = listRoutes(h.app);
    const express = h.app.getHttpAdapter().getInstance() as {
      router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> };
    };
    const declared = new Map(routes.map((r) => [`${r.method} ${r.path}`, r.permission]));
    liveRoutes = express.router.stack
      .filter((layer) => layer.route)
      .flatMap((layer) =>
        Object.keys(layer.route?.methods ?? {}).map((m) => ({
          method: m.toUpperCase(),
          path: layer.route?.path as string,
        })),
      )
      .map((r) => ({ ...r, permission: declared.get(`${r.method} ${r.path}`) ?? OUTSIDE_NEST }));
    for (const slug of ['a', 'b', 'c']) {
      const canary = `canary-${slug}-${randomBytes(4).toString('hex')}`;
      const id = await insertCoop(h.su, `coop-${slug}`, `Coop ${canary}`);
      const users: Record<string, string> = {};
      for (const role of COOP_ROLES) {
        users[role] = await insertUser(h, `${role}.${canary}@fc.test`, `Person ${canary} ${role}`, [[id, [role]]]);
      }
      const inv = await h.su.query<{ id: string }>(
        `insert into invitations (coop_id, email, roles, token_hash, expires_at) values ($1, $2, '{member}', $3, now() + interval '1 day') returning id`,
        [id, `invitee.${canary}@fc.test`, randomBytes(32).toString('hex')],
      );
      coops.push({ slug, id, canary, users, invitationId: inv.rows[0]?.id as string, refs: {} });
    }
    for (const expected of Object.values(EXPECTED)) {
      for (const coop of coops) await expected.fixture?.(h.su, coop);
    }
    for (const coop of coops) {
      for (const label of ['p1', 'p2'] as const) {
        const canary = `partner-${label}-${randomBytes(4).toString('hex')}`;
        const made = await createPartner(h, coop.id, {
          name: `Partner ${coop.canary} ${canary}`,
          merchantId: label === 'p1' ? (coop.refs['merchant'] ?? null) : null,
          scopes: ['deliveries', 'webhooks'],
        });
        partners.push({ coop, label, clientId: made.clientId, apiKey: made.apiKey, canary, refs: {} });
      }
    }
    for (const expected of Object.values(EXPECTED)) {
      for (const partner of partners) await expected.partner?.fixture?.(h.su, partner);
    }
    await insertUser(h, 'fed@fc.test', 'Federation', [], ['federation_admin']);
    for (const coop of coops) {
      for (const role of COOP_ROLES)
        actors.push({ role, coop, session: await signIn(h, `${role}.${coop.canary}@fc.test`) });
    }
    actors.push({ role: 'federation_admin', coop: null, session: await signIn(h, 'fed@fc.test') });
  });
  afterAll(() => h?.close());

  const foreignOf = (actor: Actor): CoopFixture => {
    const index = actor.coop ? coops.indexOf(actor.coop) : 2;
    return coops[(index + 1) % coops.length] as CoopFixture;
  };
  /**
   * Every tenant table (a coop_id column), read from the catalog: a table a new domain adds joins
   * the snapshot without being listed here.
   */
  let tenantTables: string[] = [];
  /** The raw truth of a coop's rows, read as superuser (RLS does not apply). */
  const snapshot = async (coop: CoopFixture): Promise<string> => {
    if (tenantTables.length === 0) {
      const found = await h.su.query<{ table: string }>(
        `select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p')
            and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'coop_id' and not a.attisdropped)
          order by c.relname`,
      );
      tenantTables = found.rows.map((r) => r.table);
    }
    const parts = await Promise.all([
      ...tenantTables.map((table) =>
        // a credential's last_used_at moves with its own calls (at most once a minute): not the coop's data
        h.su.query(
          `select to_jsonb(t) - 'last_used_at' as r from "${table}" t where coop_id = $1 order by to_jsonb(t)::text`,
          [coop.id],
        ),
      ),
      // platform rows about the coop: the coop itself, its people's accounts, its licences
      h.su.query('select to_jsonb(c) as r from coops c where id = $1', [coop.id]),
      h.su.query(
        'select to_jsonb(u) as r from users u where id in (select user_id from memberships where coop_id = $1) order by id',
        [coop.id],
      ),
      h.su.query('select to_jsonb(l) as r from licences l where licensed_coop_id = $1 order by id', [coop.id]),
    ]);
    expect(tenantTables).toEqual(expect.arrayContaining(['memberships', 'invitations', 'outbox', 'coop_storefronts']));
    return JSON.stringify(parts.map((p) => p.rows));
  };
  const send = (probe: Probe, token?: string) => {
    let req = h.http()[probe.method](probe.url);
    if (token) req = req.set('Authorization', `Bearer ${token}`);
    if (probe.attach) return req.attach(probe.attach.field, probe.attach.content, probe.attach.filename);
    if (probe.stream) return req.buffer(true).parse(untilReady);
    return probe.body ? req.send(probe.body) : req;
  };

  it('matches the committed route snapshot, and every route declares its access', () => {
    const file = join(__dirname, 'route-access.snapshot.json');
    // UPDATE_ROUTE_SNAPSHOT=1 rewrites the file; review the diff: it is the change of access
    if (process.env['UPDATE_ROUTE_SNAPSHOT'] === '1') writeFileSync(file, `${JSON.stringify(routes, null, 2)}\n`);
    const committed = JSON.parse(readFileSync(file, 'utf8')) as RouteAccess[];
    expect(routes).toEqual(committed);
    expect(routes.filter((r) => r.permission === 'NONE')).toEqual([]);
  });

  it('finds every Nest route in the live express router; the rest is the OpenAPI document and its UI only', () => {
    const live = liveRoutes.map((r) => `${r.method} ${r.path}`);
    expect(routes.map((r) => `${r.method} ${r.path}`).filter((k) => !live.includes(k))).toEqual([]);
    for (const r of liveRoutes.filter((x) => x.permission === OUTSIDE_NEST))
      expect(r.path).toMatch(/^\/api\/(docs|openapi\.json)/);
  });

  it('has an expected-access entry for every live route, and no stale entry', () => {
    const keys = liveRoutes.map((r) => `${r.method} ${r.path}`);
    expect(keys.filter((k) => !(k in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((k) => !keys.includes(k))).toEqual([]);
    for (const route of liveRoutes)
      expect([route.path, route.permission]).toEqual([
        route.path,
        EXPECTED[`${route.method} ${route.path}`]?.permission,
      ]);
  });

  it('every role of every coop: foreign reads 404, lists without foreign canaries, foreign writes refused with rows unchanged', async () => {
    let checks = 0;
    const unexpected: string[] = [];
    for (const route of liveRoutes) {
      await h.resetThrottle(); // throttling has its own test; here every actor must get through
      const started = Date.now();
      const key = `${route.method} ${route.path}`;
      const expected = EXPECTED[key];
      if (!expected) {
        // probe every known route first, then fail naming the routes nobody described
        unexpected.push(key);
        continue;
      }
      for (const actor of actors) {
        const foreign = foreignOf(actor);
        const allowed = expected.allowed === 'everyone' || expected.allowed.includes(actor.role);
        let token = actor.session.accessToken;
        if (key === 'POST /api/auth/sign-out') token = (await signIn(h, actor.session.principal.email)).accessToken;
        const before = await snapshot(foreign);
        const res = await send(
          expected.probe(foreign, actor),
          ['public', OUTSIDE_NEST].includes(expected.permission) ? undefined : token,
        );
        const body = JSON.stringify(res.body ?? '') + (res.text ?? '');
        const label = `${key} as ${actor.role}@${actor.coop?.slug ?? 'platform'}`;
        const defaults = { list: 200, read: 404, write: 404, body: 403, fixed: 200, partner: 401 };
        // a partner route refuses every person's token (401); people's routes refuse by role (403)
        const status = expected.kind === 'partner' ? 401 : allowed ? (expected.status ?? defaults[expected.kind]) : 403;
        expect([label, res.status]).toEqual([label, status]);
        const foreignCanaries = coops.filter((c) => c !== actor.coop).map((c) => c.canary);
        const platformList = key.startsWith('GET /api/federation/coops') || key === 'GET /api/federation/directory';
        if (!(platformList && actor.role === 'federation_admin')) {
          // a federation admin sees coops (platform rows, names included); nobody sees another coop's tenant rows
          for (const canary of foreignCanaries) expect([label, body.includes(canary)]).toEqual([label, false]);
        }
        if (expected.kind === 'list' && allowed && actor.coop) {
          expect([label, body.includes(actor.coop.canary)]).toEqual([label, true]); // not vacuous
        }
        expect([label, await snapshot(foreign)]).toEqual([label, before]);
        checks += 1;
      }
      if (process.env['TIMING']) console.warn(key, Date.now() - started);
    }
    expect(unexpected).toEqual([]);
    expect(checks).toBe(liveRoutes.length * actors.length);
    // every route × every actor: a few thousand requests, minutes on a loaded 2-core machine (a budget, not a measure)
  }, 900_000);

  it('merchant staff, inside their own coop: another merchant and its menu are neither shown nor changed', async () => {
    let checks = 0;
    for (const [key, expected] of Object.entries(EXPECTED)) {
      if (!expected.sameCoop) continue;
      for (const actor of actors.filter((a) => a.role === 'merchant_staff')) {
        await h.resetThrottle();
        const own = actor.coop as CoopFixture;
        const label = `${key} as merchant_staff@${own.slug}, aimed at another merchant of the coop`;
        expect([label, own.refs['otherMerchant'], own.refs['otherCanary']]).toEqual([
          label,
          expect.any(String),
          expect.any(String),
        ]);
        const before = await snapshot(own);
        const res = await send(expected.sameCoop(own), actor.session.accessToken);
        const status = expected.sameCoopStatus ?? (expected.kind === 'list' ? 200 : 404);
        expect([label, res.status]).toEqual([label, status]);
        const body = JSON.stringify(res.body ?? '') + (res.text ?? '');
        expect([label, body.includes(own.refs['otherCanary'] as string)]).toEqual([label, false]);
        expect([label, body.includes(own.refs['otherMerchant'] as string)]).toEqual([label, false]);
        if (expected.kind === 'list') expect([label, body.includes(own.canary)]).toEqual([label, true]);
        expect([label, await snapshot(own)]).toEqual([label, before]);
        checks += 1;
      }
    }
    expect(checks).toBeGreaterThan(0);
  });

  it('partners: every partner route, as every partner of every coop, aimed at another coop’s partner and at the other partner of its own coop', async () => {
    for (const coop of coops) await licenseCoop(h.su, coop.id); // the partner_api capability (after the people's probes)
    let checks = 0;
    for (const [key, expected] of Object.entries(EXPECTED)) {
      const partnerProbe = expected.partner;
      if (!partnerProbe) continue;
      for (const actor of partners) {
        await h.resetThrottle();
        const foreignCoop = coops[(coops.indexOf(actor.coop) + 1) % coops.length];
        const targets = [
          partners.find((p) => p.coop === foreignCoop && p.label === actor.label) as PartnerFixture,
          partners.find((p) => p.coop === actor.coop && p !== actor) as PartnerFixture,
        ];
        for (const target of targets) {
          const label = `${key} as ${actor.coop.slug}/${actor.label}, aimed at ${target.coop.slug}/${target.label}`;
          const before = await snapshot(target.coop);
          const probe = partnerProbe.probe(target, actor);
          let req = h.http()[probe.method](probe.url).set('X-Api-Key', actor.apiKey);
          if (probe.body) req = req.send(probe.body);
          const res = await req;
          const defaults = { list: 200, read: 404, write: 404, fixed: 200 };
          expect([label, res.status]).toEqual([label, partnerProbe.status ?? defaults[partnerProbe.kind]]);
          const body = JSON.stringify(res.body ?? '') + (res.text ?? '');
          const hidden = [
            target.canary,
            ...coops.filter((c) => c !== actor.coop).map((c) => c.canary),
            ...partners.filter((p) => p !== actor).map((p) => p.canary),
          ];
          for (const canary of hidden) expect([label, canary, body.includes(canary)]).toEqual([label, canary, false]);
          if (partnerProbe.kind === 'list') expect([label, body.includes(actor.canary)]).toEqual([label, true]);
          expect([label, await snapshot(target.coop)]).toEqual([label, before]);
          checks += 1;
        }
      }
    }
    expect(checks).toBeGreaterThan(0);
  }, 300_000);

  it('refuses forged, expired, foreign-coop, disabled and revoked tokens, every one', async () => {
    const victim = actors[0] as Actor;
    const claims = {
      sub: victim.session.principal.userId,
      sid: victim.session.principal.sessionId,
      coop: victim.coop?.id ?? null,
      roles: victim.session.principal.roles,
      plat: victim.session.principal.platformRoles,
      typ: 'access',
    };
    const signed = (overrides: Partial<Omit<AccessClaims, 'typ'>>) => signer.sign({ ...claims, ...overrides });
    const now = Math.floor(Date.now() / 1000);
    const std = { iss: h.config.jwtIssuer, aud: h.config.jwtAudience, iat: now, exp: now + 600 };
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const hs = (header: object, payload: object, secret = h.config.jwtSecret) => {
      const head = `${b64(header)}.${b64(payload)}`;
      return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
    };
    const signer = h.app.get(AccessTokenService);
    const disabledId = await insertUser(h, 'disabled@fc.test', 'Disabled', [[coops[0]?.id as string, ['coop_admin']]]);
    const disabled = await signIn(h, 'disabled@fc.test');
    await h.su.query("update users set status = 'disabled' where id = $1", [disabledId]);
    const revoked = await signIn(h, `coop_admin.${coops[0]?.canary}@fc.test`);
    await h.http().post('/api/auth/sign-out').set('Authorization', `Bearer ${revoked.accessToken}`).expect(204);

    const table: Array<[string, string, number, string]> = [
      ['alg none', `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, ...std })}.`, 401, 'TOKEN_INVALID'],
      [
        'wrong signature',
        hs({ alg: 'HS256', typ: 'JWT' }, { ...claims, ...std }, 'x'.repeat(48)),
        401,
        'TOKEN_INVALID',
      ],
      [
        'HS512 header, unsigned',
        `${b64({ alg: 'HS512', typ: 'JWT' })}.${b64({ ...claims, ...std })}.sig`,
        401,
        'TOKEN_INVALID',
      ],
      [
        'expired',
        hs({ alg: 'HS256', typ: 'JWT' }, { ...claims, ...std, iat: now - 2000, exp: now - 1000 }),
        401,
        'TOKEN_EXPIRED',
      ],
      [
        'wrong audience',
        hs({ alg: 'HS256', typ: 'JWT' }, { ...claims, ...std, aud: 'other-api' }),
        401,
        'TOKEN_INVALID',
      ],
      ['wrong issuer', hs({ alg: 'HS256', typ: 'JWT' }, { ...claims, ...std, iss: 'other' }), 401, 'TOKEN_INVALID'],
      ['coop claim without membership', signed({ coop: coops[1]?.id as string }), 403, 'NO_MEMBERSHIP'],
      [
        'someone else’s session',
        signed({ sub: (actors[6] as Actor).session.principal.userId }),
        401,
        'SESSION_REVOKED',
      ],
      ['roles the membership does not hold', signed({ roles: ['coop_admin', 'dispatcher'] }), 401, 'TOKEN_STALE'],
      ['a platform role the user does not hold', signed({ plat: ['federation_admin'] }), 401, 'TOKEN_STALE'],
      [
        'no roles claim',
        hs({ alg: 'HS256', typ: 'JWT' }, { ...claims, ...std, roles: undefined }),
        401,
        'TOKEN_INVALID',
      ],
      ['disabled user', disabled.accessToken, 401, 'USER_DISABLED'],
      ['revoked session', revoked.accessToken, 401, 'SESSION_REVOKED'],
      ['garbage', 'Bearer-less', 401, 'TOKEN_INVALID'],
    ];
    for (const [name, token, status, code] of table) {
      const res = await h.http().get('/api/members').set('Authorization', `Bearer ${token}`);
      expect([name, res.status, res.body.code]).toEqual([name, status, code]);
    }
    const good = await h.http().get('/api/members').set('Authorization', `Bearer ${victim.session.accessToken}`);
    expect(good.status).toBe(200);
  });

  it('catalog: every coop_id table has RLS enabled and forced; the application role owns nothing and bypasses nothing', async () => {
    const tables = await h.su.query<{ table: string; rls: boolean; forced: boolean; owner: string }>(
      `select c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as forced, pg_get_userbyid(c.relowner) as owner
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p')
          and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'coop_id' and not a.attisdropped)`,
    );
    expect(tables.rows.map((t) => t.table)).toEqual(
      expect.arrayContaining(['memberships', 'invitations', 'outbox', 'audit_events']),
    );
    for (const t of tables.rows) expect([t.table, t.rls, t.forced]).toEqual([t.table, true, true]);
    const owned = await h.su.query(
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and pg_get_userbyid(c.relowner) = 'fc_app'`,
    );
    expect(owned.rows).toEqual([]);
    const role = await h.su.query("select rolsuper, rolbypassrls from pg_roles where rolname = 'fc_app'");
    expect(role.rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);
    const pks = await h.su.query<{ table: string; first: string }>(
      `select t.relname as table, a.attname as first
         from pg_index i join pg_class t on t.oid = i.indrelid join pg_namespace n on n.oid = t.relnamespace
         join pg_attribute a on a.attrelid = t.oid and a.attnum = i.indkey[0]
        where n.nspname = 'public' and (i.indisprimary or i.indisunique)
          and t.relname = any($1)`,
      [tables.rows.map((t) => t.table)],
    );
    for (const pk of pks.rows) expect([pk.table, pk.first]).toEqual([pk.table, 'coop_id']);
  });

  it('raw queries as the application role: no coop set → 0 rows; coop A set → only A', async () => {
    const db = await Database.connect({ url: h.testDb.appUrl, max: 2 });
    try {
      const who = await db.platform((tx) => tx.one<{ current_user: string }>('select current_user'));
      expect(who.current_user).toBe('fc_app');
      for (const table of ['memberships', 'invitations', 'outbox', 'audit_events']) {
        expect(await db.platform((tx) => tx.query(`select * from ${table}`))).toEqual([]);
        const a = coops[0] as CoopFixture;
        const rows = await db.forCoop(a.id, (tx) => tx.query<{ coop_id: string }>(`select coop_id from ${table}`));
        expect(rows.every((r) => r.coop_id === a.id)).toBe(true);
        if (table === 'memberships' || table === 'invitations') expect(rows.length).toBeGreaterThan(0);
      }
      await expect(
        db.forCoop(coops[0]?.id as string, (tx) =>
          tx.execute("insert into memberships (coop_id, user_id, roles) values ($1, $2, '{member}')", [
            coops[1]?.id,
            coops[0]?.users['member'],
          ]),
        ),
      ).rejects.toThrow(/row-level security/);
    } finally {
      await db.close();
    }
  });
});

/** Reads an event stream until its `ready` frame (a refusal is JSON that ends by itself). */
function untilReady(res: Response, callback: (error: Error | null, body: unknown) => void): void {
  const stream = res as unknown as IncomingMessage;
  let text = '';
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    callback(null, text);
  };
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    text += chunk;
    if (text.includes('event: ready\n')) {
      finish();
      stream.destroy();
    }
  });
  stream.on('end', finish);
}
