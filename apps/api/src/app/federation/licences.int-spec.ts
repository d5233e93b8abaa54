import { randomUUID } from 'node:crypto';
import type { LicenceVerificationResponse, LicenceView } from '@federacycle/contracts';
import { SettingsReader, writeSettingVersions } from '@federacycle/federation-server';
import { Database } from '@federacycle/platform-database';
import { DAY_MS, startFederationHarness, waitForMail, type FederationHarness } from './federation-harness';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const parts = (token: string) => token.split('.') as [string, string, string];
const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('the licence: issue, verify, rotate, revoke, and the guard on operations', () => {
  let h: FederationHarness;
  let fed: string;
  let lyon: string;
  let lyonAdmin: string;
  let sandbox: string;
  let sandboxAdmin: string;
  const fedAuth = () => ({ Authorization: `Bearer ${fed}` });
  /** what governance does when a federation proposal passes: a version naming it, then the announcement */
  const enactGraceDays = async (days: number) => {
    await h.app.get(Database).platform((tx) =>
      writeSettingVersions(tx, 'federation', null, [{ key: 'licence_grace_days', value: days }], {
        source: 'proposal',
        proposalId: randomUUID(),
        effectiveAt: new Date(),
      }),
    );
    await h.app.get(SettingsReader).announce('federation', null);
  };
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const verify = async (licence: unknown) => {
    const res = await h.http().post('/api/public/licences/verify').send({ licence });
    return res;
  };
  const publish = (token: string) => h.http().post('/api/storefront/publish').set(as(token));

  beforeAll(async () => {
    h = await startFederationHarness();
    await h.insertUser('fed@fc.test', [], ['federation_admin']);
    lyon = await h.insertCoop('lyon');
    await h.su.query(
      "update coops set legal_form = 'fr_scop_sa', registration_number = '732829320', registration_key = 'FR:732829320', contact_email = 'contact@lyon.test' where id = $1",
      [lyon],
    );
    sandbox = await h.insertCoop('sandbox');
    await h.insertUser('admin@lyon.test', [[lyon, ['coop_admin', 'member']]]);
    await h.insertUser('courier@lyon.test', [[lyon, ['courier']]]);
    await h.insertUser('admin@sandbox.test', [[sandbox, ['coop_admin']]]);
    fed = await h.signIn('fed@fc.test');
    lyonAdmin = await h.signIn('admin@lyon.test');
    sandboxAdmin = await h.signIn('admin@sandbox.test');
  });
  afterEach(() => h.setNow(null));
  afterAll(() => h?.close());

  let licence: LicenceView;

  it('issues a licence (EdDSA compact JWS naming the coop) that the coop admin reads and downloads', async () => {
    const res = await h.http().post(`/api/federation/coops/${lyon}/licence`).set(fedAuth());
    expect(res.status).toBe(201);
    licence = res.body as LicenceView;
    expect(licence.status).toBe('active');
    const [header, payload] = parts(licence.token);
    expect(decode(header)).toEqual({
      alg: 'EdDSA',
      typ: 'fc-licence+jws',
      kid: licence.kid,
    });
    expect(decode(payload)).toMatchObject({
      sub: lyon,
      jti: licence.id,
      coop: {
        id: lyon,
        legalForm: 'fr_scop_sa',
        country: 'FR',
        registration: '732829320',
      },
    });
    const days = (Date.parse(licence.expiresAt) - Date.parse(licence.issuedAt)) / DAY_MS;
    expect(days).toBeGreaterThanOrEqual(365);
    expect(days).toBeLessThanOrEqual(366);
    const mine = await h.http().get('/api/licence').set(as(lyonAdmin));
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      standing: { mode: 'licensed', code: null },
      licence: { id: licence.id },
      verifyUrl: 'http://console.test/verify-licence',
    });
    const file = await h.http().get('/api/licence/download').set(as(lyonAdmin));
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toContain('text/plain');
    expect(file.headers['content-disposition']).toContain('attachment');
    expect(file.text.trim()).toBe(licence.token);
    const courier = await h.signIn('courier@lyon.test');
    expect((await h.http().get('/api/licence').set(as(courier))).status).toBe(403);
    expect((await h.http().get('/api/compliance').set(as(courier))).body).toMatchObject({ mode: 'licensed' });
  });

  it('publishes public keys only, at the well-known URL and under /api/public', async () => {
    const a = await h.http().get('/.well-known/jwks.json');
    const b = await h.http().get('/api/public/licences/jwks');
    expect(a.status).toBe(200);
    expect(a.body).toEqual(b.body);
    expect(a.body.keys[0]).toMatchObject({
      kty: 'OKP',
      crv: 'Ed25519',
      kid: licence.kid,
      alg: 'EdDSA',
    });
    expect(JSON.stringify(a.body)).not.toMatch(/"d"/);
    const rows = await h.su.query('select public_jwk from licence_signing_keys');
    expect(JSON.stringify(rows.rows)).not.toMatch(/"d"|PRIVATE/);
  });

  it('verifies: valid, tampered, forged headers (alg none, wrong kid), malformed, expired', async () => {
    const valid = await verify(licence.token);
    expect(valid.status).toBe(200);
    expect(valid.body as LicenceVerificationResponse).toMatchObject({
      status: 'valid',
      kid: licence.kid,
      claims: { coop: { id: lyon, registration: '732829320' } },
    });
    const [header, payload, signature] = parts(licence.token);
    const claims = decode(payload);
    const tampered = `${header}.${b64({ ...claims, exp: (claims['exp'] as number) + 10 * 365 * 86400 })}.${signature}`;
    expect((await verify(tampered)).body.status).toBe('bad_signature');
    expect(
      (await verify(`${b64({ alg: 'none', typ: 'fc-licence+jws', kid: licence.kid })}.${payload}.`)).body.status,
    ).toBe('bad_algorithm');
    expect(
      (await verify(`${b64({ alg: 'HS256', typ: 'fc-licence+jws', kid: licence.kid })}.${payload}.${signature}`)).body
        .status,
    ).toBe('bad_algorithm');
    expect(
      (
        await verify(
          `${b64({ alg: 'EdDSA', typ: 'fc-licence+jws', kid: 'AAAAAAAAAAAAAAAAAAAAAA' })}.${payload}.${signature}`,
        )
      ).body.status,
    ).toBe('unknown_key');
    expect(
      (
        await verify(
          `${b64({ alg: 'EdDSA', typ: 'fc-licence+jws', kid: licence.kid, jku: 'https://evil.test' })}.${payload}.${signature}`,
        )
      ).body.status,
    ).toBe('malformed');
    expect((await verify('not a licence')).body.status).toBe('malformed');
    expect((await verify('')).body.status).toBe('malformed');
    h.setNow(new Date(Date.parse(licence.expiresAt) + 1000));
    expect((await verify(licence.token)).body).toMatchObject({
      status: 'expired',
      claims: { coop: { id: lyon } },
    });
    h.setNow(null);
    for (const body of [{ licence: 42 }, { licence: 'x'.repeat(20_000) }, { other: 1 }, [licence.token]]) {
      const res = await h.http().post('/api/public/licences/verify').send(body);
      expect([JSON.stringify(body).slice(0, 30), res.status, res.body.code]).toEqual([
        JSON.stringify(body).slice(0, 30),
        400,
        'VALIDATION_FAILED',
      ]);
    }
  });

  it('guards publishing the storefront: licensed yes; grace yes with a warning; expired past grace LICENCE_EXPIRED; sandbox LICENCE_REQUIRED', async () => {
    const ok = await publish(lyonAdmin);
    expect([ok.status, ok.body.published]).toEqual([200, true]);
    expect((await h.http().get('/api/storefront').set(as(lyonAdmin))).body.published).toBe(true);
    expect((await h.http().post('/api/storefront/unpublish').set(as(lyonAdmin))).body.published).toBe(false);

    const expiry = Date.parse(licence.expiresAt);
    h.setNow(new Date(expiry + 10 * DAY_MS));
    const grace = await publish(lyonAdmin);
    expect([grace.status, grace.headers['x-licence-warning']]).toEqual([200, 'LICENCE_EXPIRED']);
    const banner = await h.http().get('/api/compliance').set(as(lyonAdmin));
    expect(banner.body).toMatchObject({
      mode: 'grace',
      warnings: [{ code: 'LICENCE_EXPIRED' }],
      graceEndsAt: new Date(expiry + 30 * DAY_MS).toISOString(),
    });

    h.setNow(new Date(expiry + 30 * DAY_MS));
    const restricted = await publish(lyonAdmin);
    expect([restricted.status, restricted.body.code]).toEqual([403, 'LICENCE_EXPIRED']);
    expect(restricted.body.message).toMatch(/grace period ended/);

    // the grace period is a federation setting: a federation proposal's enactment changes it
    await enactGraceDays(60);
    expect((await h.http().get('/api/federation/settings').set(fedAuth())).body).toEqual({
      licenceGraceDays: 60,
      workerOwnershipThreshold: 0.5,
    });
    expect((await publish(lyonAdmin)).status).toBe(200);
    await enactGraceDays(30);
    // nothing else writes it: the admin's direct PATCH is gone
    expect(
      (await h.http().patch('/api/federation/settings').set(fedAuth()).send({ licenceGraceDays: 90 })).status,
    ).toBe(404);
    h.setNow(null);

    const none = await publish(sandboxAdmin);
    expect([none.status, none.body.code]).toEqual([403, 'LICENCE_REQUIRED']);
    expect(none.body.message).toMatch(/sandbox/);
    expect((await h.http().get('/api/compliance').set(as(sandboxAdmin))).body).toMatchObject({
      mode: 'sandbox',
      code: 'LICENCE_REQUIRED',
    });
    expect((await h.http().get('/api/licence').set(as(sandboxAdmin))).body).toMatchObject({
      licence: null,
      standing: { mode: 'sandbox' },
    });
  });

  it('guards on worker ownership: below the threshold past the grace period → COOP_NOT_WORKER_OWNED', async () => {
    await h.su.query(
      'insert into coop_compliance (coop_id, share, active_couriers, member_couriers, threshold, below_since, checked_at) values ($1, 0.25, 4, 1, 0.5, $2, now())',
      [lyon, new Date(Date.now() - 10 * DAY_MS)],
    );
    const warned = await publish(lyonAdmin);
    expect([warned.status, warned.headers['x-licence-warning']]).toEqual([200, 'COOP_NOT_WORKER_OWNED']);
    h.setNow(new Date(Date.now() + 25 * DAY_MS));
    const blocked = await publish(lyonAdmin);
    expect([blocked.status, blocked.body.code]).toEqual([403, 'COOP_NOT_WORKER_OWNED']);
    h.setNow(null);
    const mine = await h.http().get('/api/licence').set(as(lyonAdmin));
    expect(mine.body.workerOwnership).toEqual({
      share: 0.25,
      threshold: 0.5,
      activeCouriers: 4,
      memberCouriers: 1,
    });
    const dir = await h.http().get('/api/federation/directory').set(fedAuth());
    expect(dir.body.items.find((c: { id: string }) => c.id === lyon)).toMatchObject({
      status: 'active',
      standing: 'licensed',
      memberShare: 0.25,
    });
    await h.su.query('delete from coop_compliance where coop_id = $1', [lyon]);
  });

  it('rotates keys: old licences keep verifying, new ones use the new kid', async () => {
    const rotated = await h.http().post('/api/federation/keys/rotate').set(fedAuth());
    expect(rotated.status).toBe(200);
    expect(rotated.body.kid).not.toBe(licence.kid);
    expect((await verify(licence.token)).body.status).toBe('valid');
    const jwks = await h.http().get('/.well-known/jwks.json');
    expect(jwks.body.keys.map((k: { kid: string }) => k.kid)).toEqual([rotated.body.kid, licence.kid]);
    const renewed = await h.http().post(`/api/federation/coops/${lyon}/licence`).set(fedAuth());
    expect(renewed.status).toBe(201);
    expect(renewed.body.kid).toBe(rotated.body.kid);
    // renewing early loses nothing: one year after the previous expiry
    expect(Date.parse(renewed.body.expiresAt)).toBeGreaterThan(Date.parse(licence.expiresAt) + 364 * DAY_MS);
    expect((await verify(renewed.body.token)).body.status).toBe('valid');
    licence = renewed.body as LicenceView;
  });

  it('revokes: verify says revoked, the guard restricts at once (LICENCE_REQUIRED), twice is 409', async () => {
    expect((await h.http().post(`/api/federation/licences/${licence.id}/revoke`).set(fedAuth())).body.code).toBe(
      'REASON_REQUIRED',
    );
    const res = await h
      .http()
      .post(`/api/federation/licences/${licence.id}/revoke`)
      .set(fedAuth())
      .send({ reason: 'Statutes changed' });
    expect([res.status, res.body.status]).toEqual([200, 'revoked']);
    expect((await verify(licence.token)).body.status).toBe('revoked');
    const blocked = await publish(lyonAdmin);
    expect([blocked.status, blocked.body.code]).toEqual([403, 'LICENCE_REQUIRED']);
    expect(blocked.body.message).toMatch(/revoked/);
    expect(
      (await h.http().post(`/api/federation/licences/${licence.id}/revoke`).set(fedAuth()).send({ reason: 'again' }))
        .status,
    ).toBe(409);
    const reissued = await h.http().post(`/api/federation/coops/${lyon}/licence`).set(fedAuth());
    expect(reissued.status).toBe(201);
    expect((await publish(lyonAdmin)).status).toBe(200);
  });

  describe('coop lifecycle', () => {
    const act = (action: string, body?: object) => {
      const req = h.http().post(`/api/federation/coops/${lyon}/${action}`).set(fedAuth());
      return body ? req.send(body) : req;
    };

    it('active → suspended → active, with reasons; suspension restricts at once (COOP_SUSPENDED); illegal ones are 409', async () => {
      expect((await act('suspend')).body.code).toBe('REASON_REQUIRED');
      expect((await act('reinstate', { reason: 'x' })).body.code).toBe('ILLEGAL_TRANSITION');
      expect((await act('complete-offboarding', { reason: 'x' })).body.code).toBe('ILLEGAL_TRANSITION');
      const suspended = await act('suspend', { reason: 'Unpaid dues' });
      expect([suspended.status, suspended.body.status]).toEqual([200, 'suspended']);
      const blocked = await publish(lyonAdmin);
      expect([blocked.status, blocked.body.code]).toEqual([403, 'COOP_SUSPENDED']);
      expect((await act('suspend', { reason: 'again' })).status).toBe(409);
      expect((await act('offboard', { reason: 'x' })).status).toBe(409);
      expect((await h.http().post(`/api/federation/coops/${lyon}/licence`).set(fedAuth())).status).toBe(409);
      // mails leave in the background after the answer: wait for it
      await waitForMail(h, (m) => m.includes('Unpaid dues'));
      const back = await act('reinstate', { reason: 'Dues paid' });
      expect([back.status, back.body.status]).toEqual([200, 'active']);
      expect((await publish(lyonAdmin)).status).toBe(200);
      const trail = await h.su.query(
        "select event, from_state, to_state, reason from federation_transitions where subject_type = 'coop' and subject_id = $1 order by at",
        [lyon],
      );
      expect(trail.rows).toEqual([
        {
          event: 'suspend',
          from_state: 'active',
          to_state: 'suspended',
          reason: 'Unpaid dues',
        },
        {
          event: 'reinstate',
          from_state: 'suspended',
          to_state: 'active',
          reason: 'Dues paid',
        },
      ]);
      expect((await act('suspend', { reason: 'x' })).status).toBe(200);
      expect((await act('reinstate', { reason: 'x' })).status).toBe(200);
      expect(
        (
          await h
            .http()
            .post('/api/federation/coops/00000000-0000-4000-8000-000000000000/suspend')
            .set(fedAuth())
            .send({ reason: 'x' })
        ).status,
      ).toBe(404);
    });

    it('active → offboarding (export available, as a zip of JSON and CSV) → offboarded (access closes)', async () => {
      const early = await h.http().get('/api/coop/export').set(as(lyonAdmin));
      expect([early.status, early.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
      const off = await act('offboard', { reason: 'The coop dissolves' });
      expect([off.status, off.body.status]).toEqual([200, 'offboarding']);
      expect((await publish(lyonAdmin)).body.code).toBe('COOP_SUSPENDED');
      expect((await act('reinstate', { reason: 'x' })).status).toBe(409);
      const zip = await h
        .http()
        .get('/api/coop/export')
        .set(as(lyonAdmin))
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(zip.status).toBe(200);
      expect(zip.headers['content-type']).toContain('application/zip');
      const bytes = zip.body as Buffer;
      expect(bytes.subarray(0, 2).toString()).toBe('PK');
      const names = bytes.toString('latin1');
      for (const table of ['memberships', 'invitations', 'audit_events', 'storefront', 'licences']) {
        expect(names).toContain(`${table}.json`);
        expect(names).toContain(`${table}.csv`);
      }
      const courier = await h.signIn('courier@lyon.test');
      expect((await h.http().get('/api/coop/export').set(as(courier))).status).toBe(403);
      const done = await act('complete-offboarding');
      expect([done.status, done.body.status]).toEqual([200, 'offboarded']);
      const closed = await h.http().get('/api/licence').set(as(lyonAdmin));
      expect([closed.status, closed.body.code]).toEqual([403, 'NO_MEMBERSHIP']);
      for (const action of ['suspend', 'reinstate', 'offboard', 'complete-offboarding']) {
        expect((await act(action, { reason: 'x' })).status).toBe(409);
      }
      const dir = await h.http().get('/api/federation/directory').set(fedAuth());
      expect(dir.body.items.find((c: { id: string }) => c.id === lyon)).toMatchObject({
        status: 'offboarded',
        standing: 'restricted',
      });
    });
  });
});
