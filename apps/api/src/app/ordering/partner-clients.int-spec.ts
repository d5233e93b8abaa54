import { insertMerchantRow } from '../merchants/merchants-fixture';
import { insertCoop, insertUser, signIn, startHarness, type IdentityHarness } from '../identity/identity-harness';

describe('ordering: partner clients over HTTP (real PostgreSQL as fc_app)', () => {
  let h: IdentityHarness;
  let tokenA: string;
  let tokenB: string;
  let merchantA: string;
  let merchantB: string;

  beforeAll(async () => {
    h = await startHarness();
    const coopA = await insertCoop(h.su, 'partners-a', 'Partners A');
    const coopB = await insertCoop(h.su, 'partners-b', 'Partners B');
    await insertUser(h, 'admin.a@partners.test', 'Admin A', [[coopA, ['coop_admin']]]);
    await insertUser(h, 'admin.b@partners.test', 'Admin B', [[coopB, ['coop_admin']]]);
    tokenA = (await signIn(h, 'admin.a@partners.test')).accessToken;
    tokenB = (await signIn(h, 'admin.b@partners.test')).accessToken;
    merchantA = await insertMerchantRow(h.su, coopA, 'Shop A');
    merchantB = await insertMerchantRow(h.su, coopB, 'Shop B');
  });
  afterAll(() => h?.close());

  const as = (token: string) => ({
    list: () => h.http().get('/api/partner-clients').set('Authorization', `Bearer ${token}`),
    create: (body: object) => h.http().post('/api/partner-clients').set('Authorization', `Bearer ${token}`).send(body),
  });

  it('creates a client bound to one of its merchants and lists it for its coop only', async () => {
    const created = await as(tokenA).create({
      name: 'Shop A site',
      kind: 'shop',
      merchantId: merchantA,
      scopes: ['deliveries', 'webhooks'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Shop A site',
      kind: 'shop',
      merchantId: merchantA,
      scopes: ['deliveries', 'webhooks'],
      rateLimitPerMinute: 120,
      revokedAt: null,
    });
    const mine = await as(tokenA).list();
    expect(mine.body.items.map((c: { name: string }) => c.name)).toContain('Shop A site');
    const theirs = await as(tokenB).list();
    expect(theirs.body.items.map((c: { name: string }) => c.name)).not.toContain('Shop A site');
  });

  it('refuses another coop’s merchant, a taken name and a bad body, writing nothing', async () => {
    const before = (await as(tokenA).list()).body.total as number;
    const foreign = await as(tokenA).create({
      name: 'Foreign',
      kind: 'shop',
      merchantId: merchantB,
      scopes: ['deliveries'],
    });
    expect([foreign.status, foreign.body.code]).toEqual([400, 'UNKNOWN_MERCHANT']);
    await as(tokenA).create({ name: 'Twice', kind: 'site', scopes: ['deliveries'] });
    const again = await as(tokenA).create({ name: 'Twice', kind: 'coop', scopes: ['deliveries:read'] });
    expect([again.status, again.body.code]).toEqual([409, 'PARTNER_CLIENT_NAME_TAKEN']);
    for (const body of [
      {},
      { name: 'x', kind: 'bank', scopes: ['deliveries'] },
      { name: 'x', kind: 'shop', scopes: ['root'] },
      { name: 'x', kind: 'shop', scopes: ['deliveries'], extra: 1 },
    ]) {
      const res = await as(tokenA).create(body);
      expect([JSON.stringify(body), res.status, res.body.code]).toEqual([
        JSON.stringify(body),
        400,
        'VALIDATION_FAILED',
      ]);
    }
    expect((await as(tokenA).list()).body.total).toBe(before + 1);
  });
});
