import type { SessionResponse } from '@federacycle/contracts';
import { TEST_PASSWORD, insertCoop, insertUser, signIn, startHarness, type IdentityHarness } from './identity-harness';

describe('identity flows through the real API, PostgreSQL and Redis', () => {
  let h: IdentityHarness;
  let lyon: string;
  let berlin: string;
  let adminId: string;
  let riderId: string;

  beforeAll(async () => {
    h = await startHarness();
    lyon = await insertCoop(h.su, 'lyon', 'Lyon');
    berlin = await insertCoop(h.su, 'berlin', 'Berlin');
    adminId = await insertUser(h, 'admin@lyon.test', 'Admin Lyon', [[lyon, ['coop_admin']]]);
    riderId = await insertUser(h, 'rider@two.test', 'Rider', [
      [lyon, ['courier']],
      [berlin, ['courier', 'member']],
    ]);
    await insertUser(h, 'fed@fc.test', 'Fed', [], ['federation_admin']);
  });
  afterAll(() => h?.close());
  beforeEach(() => h.resetThrottle());

  const bearer = (s: SessionResponse) => ({ Authorization: `Bearer ${s.accessToken}` });

  it('signs in without revealing which of email or password was wrong', async () => {
    const session = await signIn(h, 'Admin@Lyon.test');
    expect(session.principal).toMatchObject({
      userId: adminId,
      coopId: lyon,
      roles: ['coop_admin'],
      platformRoles: [],
    });
    expect(session.expiresIn).toBe(900);
    expect(session.memberships).toEqual([{ coopId: lyon, coopSlug: 'lyon', coopName: 'Lyon', roles: ['coop_admin'] }]);
    const wrong = await h
      .http()
      .post('/api/auth/sign-in')
      .send({ email: 'admin@lyon.test', password: 'wrong-password' });
    const unknown = await h
      .http()
      .post('/api/auth/sign-in')
      .send({ email: 'nobody@lyon.test', password: 'wrong-password' });
    expect([wrong.status, wrong.body.code]).toEqual([401, 'INVALID_CREDENTIALS']);
    expect([unknown.status, unknown.body.code, unknown.body.message]).toEqual([
      401,
      'INVALID_CREDENTIALS',
      wrong.body.message,
    ]);
  });

  it('opens the asked coop only with a membership, and switches coops', async () => {
    const rider = await signIn(h, 'rider@two.test', berlin);
    expect(rider.principal).toMatchObject({ coopId: berlin, roles: ['courier', 'member'] });
    expect(rider.memberships.map((m) => m.coopId).sort()).toEqual([lyon, berlin].sort());
    const denied = await h
      .http()
      .post('/api/auth/sign-in')
      .send({ email: 'admin@lyon.test', password: TEST_PASSWORD, coopId: berlin });
    expect([denied.status, denied.body.code]).toEqual([403, 'NO_MEMBERSHIP']);

    const switched = await h.http().post('/api/auth/switch-coop').set(bearer(rider)).send({ coopId: lyon });
    expect(switched.status).toBe(200);
    expect(switched.body.principal).toMatchObject({ coopId: lyon, roles: ['courier'] });
    const admin = await signIn(h, 'admin@lyon.test');
    const refused = await h.http().post('/api/auth/switch-coop').set(bearer(admin)).send({ coopId: berlin });
    expect([refused.status, refused.body.code]).toEqual([403, 'NO_MEMBERSHIP']);
    const me = await h
      .http()
      .get('/api/auth/me')
      .set({ Authorization: `Bearer ${switched.body.accessToken}` });
    expect(me.body.principal).toMatchObject({ userId: riderId, coopId: lyon });
  });

  it('rotates refresh tokens and revokes the family when a spent one comes back', async () => {
    const first = await signIn(h, 'admin@lyon.test');
    const second = await h.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    const third = await h.http().post('/api/auth/refresh').send({ refreshToken: second.body.refreshToken });
    expect(third.status).toBe(200);
    // the spent first token is presented again: the whole family ends
    const reuse = await h.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken });
    expect([reuse.status, reuse.body.code]).toEqual([401, 'SESSION_REVOKED']);
    const latest = await h.http().post('/api/auth/refresh').send({ refreshToken: third.body.refreshToken });
    expect([latest.status, latest.body.code]).toEqual([401, 'SESSION_REVOKED']);
    const access = await h
      .http()
      .get('/api/auth/me')
      .set({ Authorization: `Bearer ${third.body.accessToken}` });
    expect([access.status, access.body.code]).toEqual([401, 'SESSION_REVOKED']);
    const stored = await h.su.query('select refresh_hash from sessions where user_id = $1', [adminId]);
    expect(JSON.stringify(stored.rows)).not.toContain(first.refreshToken);
  });

  it('signs out: the access and refresh tokens stop at once', async () => {
    const session = await signIn(h, 'admin@lyon.test');
    expect((await h.http().post('/api/auth/sign-out').set(bearer(session))).status).toBe(204);
    const me = await h.http().get('/api/auth/me').set(bearer(session));
    expect([me.status, me.body.code]).toEqual([401, 'SESSION_REVOKED']);
    const refresh = await h.http().post('/api/auth/refresh').send({ refreshToken: session.refreshToken });
    expect([refresh.status, refresh.body.code]).toEqual([401, 'SESSION_REVOKED']);
  });

  it("keeps each person's chosen language, refuses an unsupported one, and answers it on sign-in", async () => {
    const rider = await signIn(h, 'rider@two.test', berlin);
    expect(rider.principal.locale).toBeNull();
    const set = await h.http().patch('/api/auth/me').set(bearer(rider)).send({ locale: 'fr' });
    expect(set.status).toBe(200);
    expect(set.body.principal).toMatchObject({ userId: riderId, coopId: berlin, locale: 'fr' });
    for (const body of [{ locale: 'de' }, { locale: 'FR' }, { locale: 7 }, {}]) {
      const refused = await h.http().patch('/api/auth/me').set(bearer(rider)).send(body);
      expect([refused.status, refused.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const stored = await h.su.query<{ locale: string | null }>('select locale from users where id = $1', [riderId]);
    expect(stored.rows).toEqual([{ locale: 'fr' }]);
    // another session of the same person sees it; the other people keep none
    expect((await signIn(h, 'rider@two.test', lyon)).principal.locale).toBe('fr');
    expect((await signIn(h, 'admin@lyon.test')).principal.locale).toBeNull();
    const me = await h.http().get('/api/auth/me').set(bearer(rider));
    expect(me.body.principal.locale).toBe('fr');
    const cleared = await h.http().patch('/api/auth/me').set(bearer(rider)).send({ locale: null });
    expect([cleared.status, cleared.body.principal.locale]).toEqual([200, null]);
  });

  it('disabling a membership refuses the member at once; enabling restores', async () => {
    const admin = await signIn(h, 'admin@lyon.test');
    const rider = await signIn(h, 'rider@two.test', lyon);
    const disabled = await h.http().post(`/api/members/${riderId}/disable`).set(bearer(admin)).send({});
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ userId: riderId, membershipStatus: 'disabled', status: 'active' });
    const me = await h.http().get('/api/auth/me').set(bearer(rider));
    expect([me.status, me.body.code]).toEqual([403, 'NO_MEMBERSHIP']);
    const refresh = await h.http().post('/api/auth/refresh').send({ refreshToken: rider.refreshToken });
    expect([refresh.status, refresh.body.code]).toEqual([403, 'NO_MEMBERSHIP']);
    // the other coop still works
    await signIn(h, 'rider@two.test', berlin);
    const self = await h.http().post(`/api/members/${adminId}/disable`).set(bearer(admin)).send({});
    expect([self.status, self.body.code]).toEqual([409, 'CONFLICT']);
    const enabled = await h.http().post(`/api/members/${riderId}/enable`).set(bearer(admin)).send({});
    expect(enabled.body.membershipStatus).toBe('active');
    const roles = await h
      .http()
      .patch(`/api/members/${riderId}`)
      .set(bearer(admin))
      .send({ roles: ['courier', 'dispatcher'] });
    expect([roles.status, roles.body.roles]).toEqual([200, ['courier', 'dispatcher']]);
    const audits = await h.su.query(
      "select payload->>'action' as action from outbox where coop_id = $1 order by created_at",
      [lyon],
    );
    expect(audits.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['member.disabled', 'member.enabled', 'member.roles_changed']),
    );
  });

  it('a changed role takes effect at the next request: the old token is stale, a refreshed one carries the new roles', async () => {
    const admin = await signIn(h, 'admin@lyon.test');
    const rider = await signIn(h, 'rider@two.test', lyon);
    expect(rider.principal.roles).not.toContain('coop_admin');
    const promoted = await h
      .http()
      .patch(`/api/members/${riderId}`)
      .set(bearer(admin))
      .send({ roles: ['coop_admin'] });
    expect(promoted.status).toBe(200);
    // a read (check deferred to its unit of work) and a write (checked before the handler)
    const read = await h.http().get('/api/members').set(bearer(rider));
    expect([read.status, read.body.code]).toEqual([401, 'TOKEN_STALE']);
    const write = await h
      .http()
      .post('/api/invitations')
      .set(bearer(rider))
      .send({ email: 'x@stale.test', roles: ['member'] });
    expect([write.status, write.body.code]).toEqual([401, 'TOKEN_STALE']);
    const refreshed = await h.http().post('/api/auth/refresh').send({ refreshToken: rider.refreshToken });
    expect([refreshed.status, refreshed.body.principal.roles]).toEqual([200, ['coop_admin']]);
    const now = await h
      .http()
      .get('/api/members')
      .set({ Authorization: `Bearer ${refreshed.body.accessToken}` });
    expect(now.status).toBe(200);
    // demoted again: the admin token of a moment ago cannot act as an admin any more
    await h
      .http()
      .patch(`/api/members/${riderId}`)
      .set(bearer(admin))
      .send({ roles: ['courier'] })
      .expect(200);
    const demoted = await h
      .http()
      .post('/api/invitations')
      .set({ Authorization: `Bearer ${refreshed.body.accessToken}` })
      .send({ email: 'y@stale.test', roles: ['member'] });
    expect([demoted.status, demoted.body.code]).toEqual([401, 'TOKEN_STALE']);
    const written = await h.su.query("select count(*)::int as n from invitations where email like '%@stale.test'");
    expect(written.rows[0].n).toBe(0);
  });

  it('an ended session is told so before anything else: bad path ids, missing coops, forbidden routes', async () => {
    const rider = await signIn(h, 'rider@two.test', lyon);
    await h.http().post('/api/auth/sign-out').set(bearer(rider)).expect(204);
    // the pipe's 400, the route's 403 and the handler's 404 would come first without the check
    for (const path of [
      '/api/members/not-a-uuid',
      '/api/members',
      `/api/members/${adminId}`,
      '/api/federation/coops',
    ]) {
      const res = await h.http().get(path).set(bearer(rider));
      expect([path, res.status, res.body.code]).toEqual([path, 401, 'SESSION_REVOKED']);
    }
  });

  it('a disabled user is refused on refresh and on every request', async () => {
    const id = await insertUser(h, 'soon-disabled@lyon.test', 'Soon', [[lyon, ['member']]]);
    const session = await signIn(h, 'soon-disabled@lyon.test');
    await h.su.query("update users set status = 'disabled' where id = $1", [id]);
    const me = await h.http().get('/api/auth/me').set(bearer(session));
    expect([me.status, me.body.code]).toEqual([401, 'USER_DISABLED']);
    const refresh = await h.http().post('/api/auth/refresh').send({ refreshToken: session.refreshToken });
    expect([refresh.status, refresh.body.code]).toEqual([401, 'USER_DISABLED']);
  });

  it('invites a new person: single-use link, account creation, membership, session', async () => {
    const admin = await signIn(h, 'admin@lyon.test');
    const created = await h
      .http()
      .post('/api/invitations')
      .set(bearer(admin))
      .send({ email: 'New.Rider@Example.org', roles: ['courier'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'new.rider@example.org', roles: ['courier'], acceptedAt: null });
    expect(Date.parse(created.body.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    const token = await h.mailToken('new.rider@example.org');
    const stored = await h.su.query('select token_hash from invitations where id = $1', [created.body.id]);
    expect(stored.rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.rows[0].token_hash).not.toContain(token);

    const preview = await h.http().get(`/api/invitations/by-token/${token}`);
    expect(preview.body).toEqual({
      coopName: 'Lyon',
      email: 'new.rider@example.org',
      roles: ['courier'],
      existingUser: false,
    });
    const missing = await h.http().post(`/api/invitations/by-token/${token}/accept`).send({});
    expect([missing.status, missing.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const accepted = await h
      .http()
      .post(`/api/invitations/by-token/${token}/accept`)
      .send({ name: 'New Rider', password: 'a-long-password' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.principal).toMatchObject({ coopId: lyon, roles: ['courier'], email: 'new.rider@example.org' });
    const again = await h
      .http()
      .post(`/api/invitations/by-token/${token}/accept`)
      .send({ name: 'X', password: 'a-long-password' });
    expect([again.status, again.body.code]).toEqual([404, 'LINK_INVALID']);
    const list = await h.http().get('/api/invitations').set(bearer(admin));
    expect(list.body.items.find((i: { id: string }) => i.id === created.body.id).acceptedAt).not.toBeNull();
  });

  it('an existing user accepts a membership in another coop; revoked and expired links are refused', async () => {
    const berlinAdminId = await insertUser(h, 'admin@berlin.test', 'Admin Berlin', [[berlin, ['coop_admin']]]);
    const berlinAdmin = await signIn(h, 'admin@berlin.test');
    await h
      .http()
      .post('/api/invitations')
      .set(bearer(berlinAdmin))
      .send({ email: 'admin@lyon.test', roles: ['dispatcher'] })
      .expect(201);
    const token = await h.mailToken('admin@lyon.test');
    expect((await h.http().get(`/api/invitations/by-token/${token}`)).body.existingUser).toBe(true);
    const accepted = await h.http().post(`/api/invitations/by-token/${token}/accept`).send({});
    expect(accepted.status).toBe(200);
    expect(accepted.body.principal).toMatchObject({ userId: adminId, coopId: berlin, roles: ['dispatcher'] });

    const revokedInv = await h
      .http()
      .post('/api/invitations')
      .set(bearer(berlinAdmin))
      .send({ email: 'x@y.org', roles: ['member'] });
    const revokedToken = await h.mailToken('x@y.org');
    expect((await h.http().delete(`/api/invitations/${revokedInv.body.id}`).set(bearer(berlinAdmin))).status).toBe(204);
    const gone = await h.http().get(`/api/invitations/by-token/${revokedToken}`);
    expect([gone.status, gone.body.code]).toEqual([404, 'LINK_INVALID']);

    await h
      .http()
      .post('/api/invitations')
      .set(bearer(berlinAdmin))
      .send({ email: 'late@y.org', roles: ['member'] })
      .expect(201);
    const lateToken = await h.mailToken('late@y.org');
    await h.su.query("update invitations set expires_at = now() - interval '1 second' where email = 'late@y.org'");
    const late = await h
      .http()
      .post(`/api/invitations/by-token/${lateToken}/accept`)
      .send({ name: 'Late', password: 'a-long-password' });
    expect([late.status, late.body.code]).toEqual([410, 'LINK_EXPIRED']);
    expect((await h.su.query("select 1 from users where email = 'late@y.org'")).rowCount).toBe(0);
    expect(berlinAdminId).toBeDefined();
  });

  it('resets a password by a single-use link, ending every session; never reveals whether an email exists', async () => {
    const before = await signIn(h, 'rider@two.test', berlin);
    const known = await h.http().post('/api/auth/forgot-password').send({ email: 'rider@two.test' });
    const unknown = await h.http().post('/api/auth/forgot-password').send({ email: 'ghost@two.test' });
    expect([known.status, known.text]).toEqual([202, '']);
    expect([unknown.status, unknown.text]).toEqual([202, '']);
    const token = await h.mailToken('rider@two.test');
    const weak = await h.http().post('/api/auth/reset-password').send({ token, password: 'short' });
    expect([weak.status, weak.body.code, weak.body.errors[0].field]).toEqual([400, 'VALIDATION_FAILED', 'password']);
    expect(
      (await h.http().post('/api/auth/reset-password').send({ token, password: 'brand-new-password' })).status,
    ).toBe(204);
    const reused = await h.http().post('/api/auth/reset-password').send({ token, password: 'brand-new-password' });
    expect([reused.status, reused.body.code]).toEqual([400, 'LINK_INVALID']);
    const old = await h.http().get('/api/auth/me').set(bearer(before));
    expect([old.status, old.body.code]).toEqual([401, 'SESSION_REVOKED']);
    const signedIn = await h
      .http()
      .post('/api/auth/sign-in')
      .send({ email: 'rider@two.test', password: 'brand-new-password' });
    expect(signedIn.status).toBe(200);

    await h.http().post('/api/auth/forgot-password').send({ email: 'admin@lyon.test' }).expect(202);
    const expiring = await h.mailToken('admin@lyon.test');
    await h.su.query("update password_resets set expires_at = now() - interval '1 second' where used_at is null");
    const expired = await h
      .http()
      .post('/api/auth/reset-password')
      .send({ token: expiring, password: 'brand-new-password' });
    expect([expired.status, expired.body.code]).toEqual([400, 'LINK_EXPIRED']);
  });

  it('throttles sign-in per account with 429, RATE_LIMITED and Retry-After', async () => {
    let last = await h.http().post('/api/auth/sign-in').send({ email: 'target@lyon.test', password: 'guess-0' });
    for (let i = 1; i <= 10; i += 1) {
      last = await h
        .http()
        .post('/api/auth/sign-in')
        .send({ email: 'target@lyon.test', password: `guess-${i}` });
    }
    expect([last.status, last.body.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    // another account from the same IP is not locked out by it
    expect(
      (await h.http().post('/api/auth/sign-in').send({ email: 'admin@lyon.test', password: TEST_PASSWORD })).status,
    ).toBe(200);
    for (let i = 0; i < 6; i += 1) await h.http().post('/api/auth/forgot-password').send({ email: 'spam@lyon.test' });
    const spam = await h.http().post('/api/auth/forgot-password').send({ email: 'spam@lyon.test' });
    expect([spam.status, spam.body.code]).toEqual([429, 'RATE_LIMITED']);
  });

  it('answers bad input with a 4xx and a stable code, writing nothing', async () => {
    const admin = await signIn(h, 'admin@lyon.test', lyon);
    const countInvitations = async () => Number((await h.su.query('select count(*) from invitations')).rows[0].count);
    const before = await countInvitations();
    const cases: Array<[string, () => Promise<{ status: number; body: { code: string } }>, number, string]> = [
      [
        'malformed JSON',
        () =>
          h
            .http()
            .post('/api/invitations')
            .set(bearer(admin))
            .set('Content-Type', 'application/json')
            .send('{"email": '),
        400,
        'MALFORMED_JSON',
      ],
      [
        'oversized body',
        () =>
          h
            .http()
            .post('/api/invitations')
            .set(bearer(admin))
            .send({ email: 'a@b.org', roles: ['member'], pad: 'x'.repeat(1_100_000) }),
        413,
        'PAYLOAD_TOO_LARGE',
      ],
      [
        'wrong content type',
        () =>
          h.http().post('/api/invitations').set(bearer(admin)).set('Content-Type', 'text/plain').send('email=a@b.org'),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
      [
        'unknown field',
        () =>
          h
            .http()
            .post('/api/invitations')
            .set(bearer(admin))
            .send({ email: 'a@b.org', roles: ['member'], coopId: berlin }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'unknown role',
        () =>
          h
            .http()
            .post('/api/invitations')
            .set(bearer(admin))
            .send({ email: 'a@b.org', roles: ['federation_admin'] }),
        400,
        'VALIDATION_FAILED',
      ],
      ['invalid uuid', () => h.http().delete('/api/invitations/not-a-uuid').set(bearer(admin)), 400, 'INVALID_ID'],
      [
        'invalid member uuid',
        () =>
          h
            .http()
            .patch('/api/members/123')
            .set(bearer(admin))
            .send({ roles: ['member'] }),
        400,
        'INVALID_ID',
      ],
      ['bad page size', () => h.http().get('/api/members?limit=5000').set(bearer(admin)), 400, 'VALIDATION_FAILED'],
      ['invalid link', () => h.http().get('/api/invitations/by-token/short'), 404, 'LINK_INVALID'],
      ['no token', () => h.http().get('/api/members'), 401, 'UNAUTHENTICATED'],
      ['unknown route', () => h.http().get('/api/nothing-here'), 404, 'ROUTE_NOT_FOUND'],
    ];
    for (const [name, send, status, code] of cases) {
      const res = await send();
      expect([name, res.status, res.body.code]).toEqual([name, status, code]);
    }
    expect(await countInvitations()).toBe(before);
  });

  it('lets a federation admin create and read coops; coop roles cannot', async () => {
    const fed = await signIn(h, 'fed@fc.test');
    expect(fed.principal).toMatchObject({ coopId: null, platformRoles: ['federation_admin'] });
    const created = await h.http().post('/api/federation/coops').set(bearer(fed)).send({
      slug: 'gent',
      name: 'Gent Fietskoeriers',
      city: 'Gent',
      country: 'BE',
      timezone: 'Europe/Brussels',
      currency: 'EUR',
    });
    expect(created.status).toBe(201);
    expect((await h.http().get(`/api/federation/coops/${created.body.id}`).set(bearer(fed))).body.slug).toBe('gent');
    const dup = await h.http().post('/api/federation/coops').set(bearer(fed)).send({
      slug: 'gent',
      name: 'Again',
      city: 'Gent',
      country: 'BE',
      timezone: 'Europe/Brussels',
      currency: 'EUR',
    });
    expect([dup.status, dup.body.code]).toEqual([409, 'CONFLICT']);
    const badZone = await h.http().post('/api/federation/coops').set(bearer(fed)).send({
      slug: 'nowhere',
      name: 'N',
      city: 'N',
      country: 'BE',
      timezone: 'Mars/Olympus',
      currency: 'EUR',
    });
    expect([badZone.status, badZone.body.errors[0].field]).toEqual([400, 'timezone']);
    const admin = await signIn(h, 'admin@lyon.test');
    expect((await h.http().get('/api/federation/coops').set(bearer(admin))).status).toBe(403);
  });
});
