import { insertMerchantRow } from '../merchants/merchants-fixture';
import { insertCoop, insertUser, signIn, startHarness, type IdentityHarness } from '../identity/identity-harness';
import { createPartner, licenseCoop, type PartnerCredentials } from './partner-fixture';

describe('partner authentication: API keys, OAuth2 client credentials, rate limits (real PostgreSQL and Redis)', () => {
  let h: IdentityHarness;
  let coopA: string;
  let sandbox: string;
  let merchantA: string;
  let personToken: string;
  let partner: PartnerCredentials;

  beforeAll(async () => {
    h = await startHarness();
    coopA = await insertCoop(h.su, 'partner-auth-a', 'Partner Auth A');
    sandbox = await insertCoop(h.su, 'partner-auth-sandbox', 'Sandbox coop');
    await licenseCoop(h.su, coopA);
    merchantA = await insertMerchantRow(h.su, coopA, 'Shop A');
    await insertUser(h, 'admin@partner-auth.test', 'Admin A', [[coopA, ['coop_admin']]]);
    personToken = (await signIn(h, 'admin@partner-auth.test')).accessToken;
    partner = await createPartner(h, coopA, { name: 'Shop A site', merchantId: merchantA, scopes: ['deliveries'] });
  });
  afterAll(() => h?.close());

  const me = (headers: Record<string, string>) => {
    let req = h.http().get('/api/partner/v1/me');
    for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
    return req;
  };
  const token = (form: Record<string, string>, basic?: [string, string]) => {
    let req = h.http().post('/api/partner/oauth2/token').type('form');
    if (basic) req = req.auth(basic[0], basic[1]);
    return req.send(form);
  };

  it('an API key, as a Bearer token or in X-Api-Key, answers who it speaks for and marks the key used', async () => {
    const expected = {
      clientId: partner.clientId,
      name: 'Shop A site',
      coopId: coopA,
      coopSlug: 'partner-auth-a',
      merchantId: merchantA,
      scopes: ['deliveries'],
    };
    const bearer = await me({ Authorization: `Bearer ${partner.apiKey}` });
    expect([bearer.status, bearer.body]).toEqual([200, expected]);
    const header = await me({ 'X-Api-Key': partner.apiKey });
    expect([header.status, header.body]).toEqual([200, expected]);
    const used = await h.su.query('select last_used_at from partner_api_keys where id = $1', [partner.apiKeyId]);
    expect(used.rows[0]?.last_used_at).toBeInstanceOf(Date);
  });

  it('refuses unknown, malformed and revoked keys, and a revoked client, with 401 PARTNER_CREDENTIALS_INVALID', async () => {
    const other = await createPartner(h, coopA, { scopes: ['deliveries:read'] });
    expect((await me({ 'X-Api-Key': other.apiKey })).status).toBe(200);
    const refusals: Array<[string, Record<string, string>]> = [
      ['unknown key', { 'X-Api-Key': `${partner.apiKey.slice(0, -4)}AAAA` }],
      ['malformed key', { 'X-Api-Key': 'fcp_live_nothex' }],
      ['no credential', {}],
      ['basic scheme', { Authorization: 'Basic Zm9vOmJhcg==' }],
    ];
    for (const [name, headers] of refusals) {
      const res = await me(headers);
      expect([name, res.status, res.body.code]).toEqual([name, 401, 'PARTNER_CREDENTIALS_INVALID']);
    }
    await h.su.query('update partner_api_keys set revoked_at = now() where id = $1', [other.apiKeyId]);
    const revoked = await me({ 'X-Api-Key': other.apiKey });
    expect([revoked.status, revoked.body.code]).toEqual([401, 'PARTNER_CREDENTIALS_INVALID']);
    const third = await createPartner(h, coopA);
    await h.su.query('update partner_clients set revoked_at = now() where id = $1', [third.clientId]);
    expect((await me({ 'X-Api-Key': third.apiKey })).status).toBe(401);
  });

  it('OAuth2 client credentials: HTTP Basic or body, form or JSON; the token works at once and dies with its credential', async () => {
    const basic = await token({ grant_type: 'client_credentials' }, [partner.oauthKey, partner.oauthSecret]);
    expect(basic.status).toBe(200);
    expect(basic.headers['cache-control']).toBe('no-store');
    expect(basic.body).toEqual({
      token_type: 'Bearer',
      expires_in: 3600,
      access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      scope: 'deliveries',
    });
    const json = await h.http().post('/api/partner/oauth2/token').send({
      grant_type: 'client_credentials',
      client_id: partner.oauthKey,
      client_secret: partner.oauthSecret,
      scope: 'deliveries:read',
    });
    expect([json.status, json.body.scope]).toEqual([200, 'deliveries:read']);
    const viaToken = await me({ Authorization: `Bearer ${json.body.access_token}` });
    expect([viaToken.status, viaToken.body.scopes, viaToken.body.clientId]).toEqual([
      200,
      ['deliveries:read'],
      partner.clientId,
    ]);

    const refused: Array<[string, Record<string, string>, [string, string] | undefined, number, string]> = [
      [
        'wrong secret',
        { grant_type: 'client_credentials' },
        [partner.oauthKey, `fcs_${'A'.repeat(43)}`],
        401,
        'invalid_client',
      ],
      [
        'unknown key',
        { grant_type: 'client_credentials' },
        [`fco_${'B'.repeat(22)}`, partner.oauthSecret],
        401,
        'invalid_client',
      ],
      ['no credentials', { grant_type: 'client_credentials' }, undefined, 401, 'invalid_client'],
      [
        'another grant',
        { grant_type: 'password' },
        [partner.oauthKey, partner.oauthSecret],
        400,
        'unsupported_grant_type',
      ],
      ['no grant', {}, [partner.oauthKey, partner.oauthSecret], 400, 'invalid_request'],
      [
        'a scope it lacks',
        { grant_type: 'client_credentials', scope: 'webhooks' },
        [partner.oauthKey, partner.oauthSecret],
        400,
        'invalid_scope',
      ],
      [
        'an unknown scope',
        { grant_type: 'client_credentials', scope: 'admin' },
        [partner.oauthKey, partner.oauthSecret],
        400,
        'invalid_scope',
      ],
    ];
    for (const [name, form, auth, status, error] of refused) {
      const res = await token(form, auth);
      expect([name, res.status, res.body.error]).toEqual([name, status, error]);
    }

    await h.su.query('update partner_oauth_credentials set revoked_at = now() where id = $1', [
      partner.oauthCredentialId,
    ]);
    const dead = await me({ Authorization: `Bearer ${json.body.access_token}` });
    expect([dead.status, dead.body.code]).toEqual([401, 'PARTNER_CREDENTIALS_INVALID']);
    const again = await token({ grant_type: 'client_credentials' }, [partner.oauthKey, partner.oauthSecret]);
    expect([again.status, again.body.error]).toEqual([401, 'invalid_client']);
  });

  it('a person’s token never passes a partner route, and partner credentials never pass a person’s route', async () => {
    const person = await me({ Authorization: `Bearer ${personToken}` });
    expect([person.status, person.body.code]).toEqual([401, 'PARTNER_CREDENTIALS_INVALID']);
    const fresh = await createPartner(h, coopA);
    const issued = await token({ grant_type: 'client_credentials' }, [fresh.oauthKey, fresh.oauthSecret]);
    expect(issued.status).toBe(200);
    for (const credential of [fresh.apiKey, issued.body.access_token as string]) {
      const res = await h.http().get('/api/partner-clients').set('Authorization', `Bearer ${credential}`);
      expect([res.status, res.body.code]).toEqual([401, 'TOKEN_INVALID']);
    }
    const viaHeader = await h.http().get('/api/partner-clients').set('X-Api-Key', fresh.apiKey);
    expect([viaHeader.status, viaHeader.body.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('rate-limits each client per minute: the call over the limit is 429 RATE_LIMITED with Retry-After', async () => {
    const limited = await createPartner(h, coopA, { rateLimitPerMinute: 3 });
    const other = await createPartner(h, coopA, { rateLimitPerMinute: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await me({ 'X-Api-Key': limited.apiKey })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const over = await me({ 'X-Api-Key': limited.apiKey });
    expect([over.status, over.body.code]).toEqual([429, 'RATE_LIMITED']);
    const retryAfter = Number(over.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // another client of the same coop has its own window
    expect((await me({ 'X-Api-Key': other.apiKey })).status).toBe(200);
  });

  it('refuses the partner API of a coop without the partner_api capability (sandbox: no licence)', async () => {
    const unlicensed = await createPartner(h, sandbox);
    const res = await me({ 'X-Api-Key': unlicensed.apiKey });
    expect([res.status, res.body.code]).toEqual([403, 'LICENCE_REQUIRED']);
  });
});
