import { insertCoop, insertUser, signIn, startHarness, type IdentityHarness } from '../identity/identity-harness';
import { licenseCoop } from './partner-fixture';

describe('partner credentials, managed by the coop admin (real PostgreSQL and Redis)', () => {
  let h: IdentityHarness;
  let coopA: string;
  let adminA: string;
  let adminB: string;
  let clientId: string;

  beforeAll(async () => {
    h = await startHarness();
    coopA = await insertCoop(h.su, 'credentials-a', 'Credentials A');
    const coopB = await insertCoop(h.su, 'credentials-b', 'Credentials B');
    await licenseCoop(h.su, coopA);
    await insertUser(h, 'admin@credentials-a.test', 'Admin A', [[coopA, ['coop_admin']]]);
    await insertUser(h, 'admin@credentials-b.test', 'Admin B', [[coopB, ['coop_admin']]]);
    await insertUser(h, 'dispatcher@credentials-a.test', 'Dispatcher A', [[coopA, ['dispatcher']]]);
    adminA = (await signIn(h, 'admin@credentials-a.test')).accessToken;
    adminB = (await signIn(h, 'admin@credentials-b.test')).accessToken;
    const created = await h
      .http()
      .post('/api/partner-clients')
      .set('Authorization', `Bearer ${adminA}`)
      .send({ name: 'Vélo Shop', kind: 'site', scopes: ['deliveries'] });
    clientId = created.body.id;
  });
  afterAll(() => h?.close());

  const post = (token: string, path: string) =>
    h.http().post(`/api/partner-clients/${clientId}${path}`).set('Authorization', `Bearer ${token}`).send({});
  const me = (key: string) => h.http().get('/api/partner/v1/me').set('X-Api-Key', key);
  const token = (key: string, secret: string) =>
    h
      .http()
      .post('/api/partner/oauth2/token')
      .type('form')
      .auth(key, secret)
      .send({ grant_type: 'client_credentials' });

  it('shows a new API key once, then only its prefix; rotating makes a new key and revokes the old one', async () => {
    const created = await post(adminA, '/api-keys');
    expect(created.status).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const { key, prefix, id } = created.body as { key: string; prefix: string; id: string };
    expect(key.startsWith(`${prefix}_`)).toBe(true);
    expect((await me(key)).status).toBe(200);

    const view = await h
      .http()
      .get(`/api/partner-clients/${clientId}/credentials`)
      .set('Authorization', `Bearer ${adminA}`);
    expect(view.status).toBe(200);
    expect(view.body.apiKeys).toEqual([expect.objectContaining({ id, prefix, revokedAt: null })]);
    expect(JSON.stringify(view.body)).not.toContain(key);
    const list = await h.http().get('/api/partner-clients').set('Authorization', `Bearer ${adminA}`);
    const listed = list.body.items.find((c: { id: string }) => c.id === clientId);
    expect(listed).toMatchObject({ apiKeyPrefixes: [prefix], oauthClientKey: null });
    expect(listed.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list.body)).not.toContain(key);

    const rotated = await post(adminA, `/api-keys/${id}/rotate`);
    expect(rotated.status).toBe(201);
    expect(rotated.body.key).not.toBe(key);
    expect((await me(rotated.body.key)).status).toBe(200);
    const old = await me(key);
    expect([old.status, old.body.code]).toEqual([401, 'PARTNER_CREDENTIALS_INVALID']);
    const twice = await post(adminA, `/api-keys/${id}/rotate`);
    expect([twice.status, twice.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);

    const revoked = await post(adminA, `/api-keys/${rotated.body.id}/revoke`);
    expect([revoked.status, revoked.body.revokedAt]).toEqual([200, expect.any(String)]);
    expect((await me(rotated.body.key)).status).toBe(401);
  });

  it('creates the OAuth2 client credentials, shows the secret once, and a rotation kills the old secret and its tokens', async () => {
    const first = await post(adminA, '/oauth-secret');
    expect(first.status).toBe(201);
    expect(first.headers['cache-control']).toBe('no-store');
    const { clientKey, clientSecret } = first.body as { clientKey: string; clientSecret: string };
    const issued = await token(clientKey, clientSecret);
    expect(issued.status).toBe(200);
    const bearer = `Bearer ${issued.body.access_token}`;
    expect((await h.http().get('/api/partner/v1/me').set('Authorization', bearer)).status).toBe(200);

    const second = await post(adminA, '/oauth-secret');
    expect([second.status, second.body.clientKey]).toEqual([201, clientKey]);
    expect(second.body.clientSecret).not.toBe(clientSecret);
    expect((await token(clientKey, clientSecret)).status).toBe(401);
    expect((await h.http().get('/api/partner/v1/me').set('Authorization', bearer)).status).toBe(401);
    expect((await token(clientKey, second.body.clientSecret)).status).toBe(200);
    const view = await h
      .http()
      .get(`/api/partner-clients/${clientId}/credentials`)
      .set('Authorization', `Bearer ${adminA}`);
    expect(view.body.oauth).toMatchObject({ clientKey });
    expect(JSON.stringify(view.body)).not.toContain(second.body.clientSecret);
  });

  it('another coop’s admin, or a dispatcher, reaches nothing of the client', async () => {
    for (const path of ['/api-keys', '/oauth-secret', '/revoke']) {
      const res = await post(adminB, path);
      expect([path, res.status]).toEqual([path, 404]);
    }
    const dispatcher = (await signIn(h, 'dispatcher@credentials-a.test')).accessToken;
    expect((await post(dispatcher, '/api-keys')).status).toBe(403);
    const bad = await h
      .http()
      .post(`/api/partner-clients/${clientId}/api-keys`)
      .set('Authorization', `Bearer ${adminA}`)
      .send({ scopes: ['deliveries'] });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await post(adminA, '/api-keys/not-a-uuid/revoke')).status).toBe(400);
  });

  it('revoking the client revokes every credential at once, and it gets nothing new; every change is audited', async () => {
    const key = (await post(adminA, '/api-keys')).body.key as string;
    const oauth = (await post(adminA, '/oauth-secret')).body as { clientKey: string; clientSecret: string };
    const bearer = `Bearer ${(await token(oauth.clientKey, oauth.clientSecret)).body.access_token}`;
    expect((await post(adminA, '/revoke')).status).toBe(204);
    expect((await me(key)).status).toBe(401);
    expect((await h.http().get('/api/partner/v1/me').set('Authorization', bearer)).status).toBe(401);
    expect((await token(oauth.clientKey, oauth.clientSecret)).status).toBe(401);
    const again = await post(adminA, '/api-keys');
    expect([again.status, again.body.code]).toEqual([409, 'PARTNER_CLIENT_REVOKED']);
    const audit = await h.su.query<{ action: string }>(
      `select payload->>'action' as action from outbox where coop_id = $1 and payload->>'subjectId' = $2`,
      [coopA, clientId],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'ordering.partner_api_key_created',
        'ordering.partner_api_key_rotated',
        'ordering.partner_api_key_revoked',
        'ordering.partner_oauth_created',
        'ordering.partner_oauth_secret_rotated',
        'ordering.partner_client_revoked',
      ]),
    );
  });
});
