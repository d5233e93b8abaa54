import type { SessionResponse } from '@federacycle/contracts';
import { insertCoop, insertUser, signIn, startHarness, type IdentityHarness } from './identity-harness';

/** Attack findings, closed: deep JSON, weak new passwords, writes of a suspended coop. */
describe('identity hardening through the real API', () => {
  let h: IdentityHarness;
  let lyon: string;
  let berlin: string;
  let riderId: string;

  beforeAll(async () => {
    h = await startHarness();
    lyon = await insertCoop(h.su, 'lyon', 'Lyon');
    berlin = await insertCoop(h.su, 'berlin', 'Berlin');
    await insertUser(h, 'admin@lyon.test', 'Admin Lyon', [[lyon, ['coop_admin']]]);
    await insertUser(h, 'admin@berlin.test', 'Admin Berlin', [[berlin, ['coop_admin']]]);
    riderId = await insertUser(h, 'rider@two.test', 'Rider', [
      [lyon, ['courier']],
      [berlin, ['courier']],
    ]);
    // a federation admin who is also a member of Lyon: signs in on Lyon
    await insertUser(h, 'fed@lyon.test', 'Fed Lyon', [[lyon, ['member']]], ['federation_admin']);
  });
  afterAll(() => h?.close());
  beforeEach(() => h.resetThrottle());

  const bearer = (s: SessionResponse) => ({ Authorization: `Bearer ${s.accessToken}` });
  const setStatus = (coop: string, status: string) =>
    h.su.query('update coops set status = $2 where id = $1', [coop, status]);

  describe('JSON nested 2,000 levels deep', () => {
    const deep = (depth: number) => `{"email":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;

    it('is refused with 400 VALIDATION_FAILED on sign-in, refresh, forgot-password and member PATCH', async () => {
      const admin = await signIn(h, 'admin@lyon.test');
      const send = (method: 'post' | 'patch', url: string, auth = false) => {
        const req = h.http()[method](url).set('Content-Type', 'application/json');
        return (auth ? req.set(bearer(admin)) : req).send(deep(2000));
      };
      const cases: Array<['post' | 'patch', string, boolean]> = [
        ['post', '/api/auth/sign-in', false],
        ['post', '/api/auth/refresh', false],
        ['post', '/api/auth/forgot-password', false],
        ['post', '/api/auth/reset-password', false],
        ['post', `/api/invitations/by-token/${'t'.repeat(43)}/accept`, false],
        ['patch', `/api/members/${riderId}`, true],
        ['post', '/api/invitations', true],
      ];
      for (const [method, url, auth] of cases) {
        const res = await send(method, url, auth);
        expect([url, res.status, res.body.code]).toEqual([url, 400, 'VALIDATION_FAILED']);
        expect(res.body.message).toMatch(/nested more than 32 levels/);
      }
      const roles = await h.su.query('select roles from memberships where coop_id = $1 and user_id = $2', [
        lyon,
        riderId,
      ]);
      expect(roles.rows[0].roles).toEqual(['courier']);
    });
  });

  describe('weak new passwords', () => {
    it('accepting an invitation refuses common, patterned and email-based passwords; the link stays usable', async () => {
      const admin = await signIn(h, 'admin@lyon.test');
      await h
        .http()
        .post('/api/invitations')
        .set(bearer(admin))
        .send({ email: 'new.courier@example.org', roles: ['courier'] })
        .expect(201);
      const token = await h.mailToken('new.courier@example.org');
      for (const password of ['1111111111', 'qwertyuiop', 'password1234', 'new.courier2024', 'federacycle-demo']) {
        const res = await h
          .http()
          .post(`/api/invitations/by-token/${token}/accept`)
          .send({ name: 'New Courier', password });
        expect([password, res.status, res.body.code, res.body.errors?.[0]?.field]).toEqual([
          password,
          400,
          'PASSWORD_TOO_COMMON',
          'password',
        ]);
        expect(res.body.message).toMatch(/too easy to guess/);
      }
      expect((await h.su.query("select 1 from users where email = 'new.courier@example.org'")).rowCount).toBe(0);
      const accepted = await h
        .http()
        .post(`/api/invitations/by-token/${token}/accept`)
        .send({ name: 'New Courier', password: 'tandem under the rain' });
      expect(accepted.status).toBe(200);
      expect([accepted.headers['cache-control'], accepted.headers['pragma']]).toEqual(['no-store', 'no-cache']);
    });

    it('resetting a password refuses a common one before spending the link', async () => {
      await h.http().post('/api/auth/forgot-password').send({ email: 'admin@berlin.test' }).expect(202);
      const token = await h.mailToken('admin@berlin.test');
      const weak = await h.http().post('/api/auth/reset-password').send({ token, password: '1111111111' });
      expect([weak.status, weak.body.code]).toEqual([400, 'PASSWORD_TOO_COMMON']);
      const common = await h.http().post('/api/auth/reset-password').send({ token, password: 'Basketball' });
      expect([common.status, common.body.code]).toEqual([400, 'PASSWORD_TOO_COMMON']);
      // built on the person's own email or name (known once the link is)
      const own = await h.http().post('/api/auth/reset-password').send({ token, password: 'adminberlin9' });
      expect([own.status, own.body.code]).toEqual([400, 'PASSWORD_TOO_COMMON']);
      expect(own.body.message).toMatch(/built on your email address or name/);
      await h.http().post('/api/auth/reset-password').send({ token, password: 'berlin bikes at dawn' }).expect(204);
      const back = await h
        .http()
        .post('/api/auth/sign-in')
        .send({ email: 'admin@berlin.test', password: 'berlin bikes at dawn' });
      expect(back.status).toBe(200);
      await h.su.query("update users set password_hash = $1 where email = 'admin@berlin.test'", [h.passwordHash]);
    });
  });

  describe('a suspended or offboarding coop is read-only for its people', () => {
    afterEach(() => setStatus(lyon, 'active'));

    it('refuses every write of its people with 403 COOP_SUSPENDED and writes nothing; reads keep working', async () => {
      const admin = await signIn(h, 'admin@lyon.test');
      for (const status of ['suspended', 'offboarding']) {
        await setStatus(lyon, status);
        const invite = await h
          .http()
          .post('/api/invitations')
          .set(bearer(admin))
          .send({ email: `x.${status}@y.org`, roles: ['member'] });
        expect([status, invite.status, invite.body.code]).toEqual([status, 403, 'COOP_SUSPENDED']);
        expect(invite.body.message).toMatch(/read-only/);
        const roles = await h
          .http()
          .patch(`/api/members/${riderId}`)
          .set(bearer(admin))
          .send({ roles: ['coop_admin'] });
        expect([status, roles.status, roles.body.code]).toEqual([status, 403, 'COOP_SUSPENDED']);
        const disable = await h.http().post(`/api/members/${riderId}/disable`).set(bearer(admin)).send({});
        expect([status, disable.status, disable.body.code]).toEqual([status, 403, 'COOP_SUSPENDED']);
        const list = await h.http().get('/api/members').set(bearer(admin));
        expect([status, list.status]).toEqual([status, 200]);
        expect((await h.http().get('/api/invitations').set(bearer(admin))).status).toBe(200);
      }
      const written = await h.su.query("select count(*)::int as n from invitations where email like 'x.%@y.org'");
      expect(written.rows[0].n).toBe(0);
      const roles = await h.su.query('select roles, status from memberships where coop_id = $1 and user_id = $2', [
        lyon,
        riderId,
      ]);
      expect(roles.rows[0]).toEqual({ roles: ['courier'], status: 'active' });
      // reinstated: the same token writes again at once
      await setStatus(lyon, 'active');
      const invite = await h
        .http()
        .post('/api/invitations')
        .set(bearer(admin))
        .send({ email: 'after@y.org', roles: ['member'] });
      expect(invite.status).toBe(201);
    });

    it('still lets its people sign out and switch to another coop; other coops are untouched', async () => {
      const rider = await signIn(h, 'rider@two.test', lyon);
      const berlinAdmin = await signIn(h, 'admin@berlin.test');
      await setStatus(lyon, 'suspended');
      const switched = await h.http().post('/api/auth/switch-coop').set(bearer(rider)).send({ coopId: berlin });
      expect([switched.status, switched.body.principal?.coopId]).toEqual([200, berlin]);
      const invite = await h
        .http()
        .post('/api/invitations')
        .set(bearer(berlinAdmin))
        .send({ email: 'berlin@y.org', roles: ['member'] });
      expect(invite.status).toBe(201);
      const admin = await signIn(h, 'admin@lyon.test');
      await h.http().post('/api/auth/sign-out').set(bearer(admin)).expect(204);
      const after = await h.http().get('/api/auth/me').set(bearer(admin));
      expect([after.status, after.body.code]).toEqual([401, 'SESSION_REVOKED']);
    });

    it('the federation still acts, even with a token that names the suspended coop', async () => {
      const fed = await signIn(h, 'fed@lyon.test');
      expect(fed.principal).toMatchObject({ coopId: lyon, platformRoles: ['federation_admin'] });
      await setStatus(lyon, 'suspended');
      const reinstated = await h
        .http()
        .post(`/api/federation/coops/${lyon}/reinstate`)
        .set(bearer(fed))
        .send({ reason: 'dues paid' });
      expect([reinstated.status, reinstated.body.status]).toEqual([200, 'active']);
    });

    it('takes no new people: an invitation sent before the suspension cannot be accepted', async () => {
      const admin = await signIn(h, 'admin@lyon.test');
      await h
        .http()
        .post('/api/invitations')
        .set(bearer(admin))
        .send({ email: 'late@y.org', roles: ['member'] })
        .expect(201);
      const token = await h.mailToken('late@y.org');
      await setStatus(lyon, 'suspended');
      const accept = await h
        .http()
        .post(`/api/invitations/by-token/${token}/accept`)
        .send({ name: 'Late Comer', password: 'lyon rivers meet at dusk' });
      expect([accept.status, accept.body.code]).toEqual([403, 'COOP_SUSPENDED']);
      const users = await h.su.query("select 1 from users where email = 'late@y.org'");
      expect(users.rowCount).toBe(0);
      // the link was not spent: it works once the coop is reinstated
      await setStatus(lyon, 'active');
      await h
        .http()
        .post(`/api/invitations/by-token/${token}/accept`)
        .send({ name: 'Late Comer', password: 'lyon rivers meet at dusk' })
        .expect(200);
    });

    it('an ended session is still told so first', async () => {
      const admin = await signIn(h, 'admin@lyon.test');
      await h.http().post('/api/auth/sign-out').set(bearer(admin)).expect(204);
      await setStatus(lyon, 'suspended');
      const res = await h
        .http()
        .post('/api/invitations')
        .set(bearer(admin))
        .send({ email: 'z@y.org', roles: ['member'] });
      expect([res.status, res.body.code]).toEqual([401, 'SESSION_REVOKED']);
    });
  });
});
