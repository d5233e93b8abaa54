import { insertMerchantRow } from '../merchants/merchants-fixture';
import { insertCoop, startHarness, type IdentityHarness } from '../identity/identity-harness';
import { createPartner, licenseCoop, type PartnerCredentials } from './partner-fixture';

/** What CoopCycle's WooCommerce and PrestaShop plugins do first: token, me, store. */
describe('the CoopCycle-compatible auth surface under /coopcycle/<slug> (real PostgreSQL and Redis)', () => {
  let h: IdentityHarness;
  let shop: PartnerCredentials;
  let sibling: PartnerCredentials;
  let foreign: PartnerCredentials;
  let store: string;
  let otherStore: string;
  let slots: string[];

  beforeAll(async () => {
    h = await startHarness();
    const lyon = await insertCoop(h.su, 'lyon-cc', 'Lyon');
    const berlin = await insertCoop(h.su, 'berlin-cc', 'Berlin');
    await licenseCoop(h.su, lyon);
    await licenseCoop(h.su, berlin);
    store = await insertMerchantRow(h.su, lyon, 'Épicerie Bellecour');
    otherStore = await insertMerchantRow(h.su, lyon, 'Another shop');
    shop = await createPartner(h, lyon, { name: 'Épicerie (WooCommerce)', merchantId: store, scopes: ['deliveries'] });
    sibling = await createPartner(h, lyon, { name: 'Another shop', merchantId: otherStore });
    foreign = await createPartner(h, berlin, { name: 'Berlin shop' });
    // Lyon's time slots (the first made is the store's default); Berlin's is never listed
    slots = [];
    for (const [coop, name] of [
      [lyon, 'Morning'],
      [lyon, 'Evening'],
      [berlin, 'Berlin'],
    ] as const) {
      const { rows } = await h.su.query<{ id: string }>(
        `insert into time_slots (coop_id, name, interval_minutes, opening_hours, created_at)
         values ($1, $2, 120, 'Mo-Su 08:00-20:00', now() + make_interval(secs => $3)) returning id`,
        [coop, name, slots.length],
      );
      slots.push(rows[0]?.id as string);
    }
  });
  afterAll(() => h?.close());

  const token = (slug: string, key: string, secret: string, scope = 'deliveries') =>
    h
      .http()
      .post(`/coopcycle/${slug}/oauth2/token`)
      .auth(key, secret)
      .type('form')
      .send(`grant_type=client_credentials&scope=${scope}`);

  it('answers a token exactly as CoopCycle does, and 401 to wrong credentials or another coop’s', async () => {
    const res = await token('lyon-cc', shop.oauthKey, shop.oauthSecret);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['token_type', 'expires_in', 'access_token']);
    expect(res.body).toEqual({ token_type: 'Bearer', expires_in: 3600, access_token: expect.any(String) });
    const wrong = await token('lyon-cc', shop.oauthKey, foreign.oauthSecret);
    expect([wrong.status, wrong.body.error]).toEqual([401, 'invalid_client']);
    const elsewhere = await token('lyon-cc', foreign.oauthKey, foreign.oauthSecret);
    expect([elsewhere.status, elsewhere.body.error]).toEqual([401, 'invalid_client']);
    const unknownCoop = await token('nowhere', shop.oauthKey, shop.oauthSecret);
    expect(unknownCoop.status).toBe(401);
  });

  it('GET /api/me answers the ApiApp with its store; GET the store answers the Store; as JSON-LD', async () => {
    const access = (await token('lyon-cc', shop.oauthKey, shop.oauthSecret)).body.access_token as string;
    const me = await h.http().get('/coopcycle/lyon-cc/api/me').set('Authorization', `Bearer ${access}`);
    expect(me.status).toBe(200);
    expect(me.headers['content-type']).toMatch(/^application\/ld\+json/);
    expect(me.body).toEqual({
      '@context': '/api/contexts/ApiApp',
      '@id': `/api/api_apps/${shop.clientId}`,
      '@type': 'ApiApp',
      name: 'Épicerie (WooCommerce)',
      store: `/api/stores/${store}`,
    });
    const got = await h.http().get(`/coopcycle/lyon-cc${me.body.store}`).set('Authorization', `Bearer ${access}`);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toMatch(/^application\/ld\+json/);
    expect(got.body).toMatchObject({
      '@context': '/api/contexts/Store',
      '@id': `/api/stores/${store}`,
      '@type': 'Store',
      name: 'Épicerie Bellecour',
      enabled: true,
      address: {
        streetAddress: '1 place Bellecour, 69002 Lyon',
        geo: { latitude: 45.7578, longitude: 4.832 },
      },
      timeSlot: `/api/time_slots/${slots[0]}`,
      timeSlots: [`/api/time_slots/${slots[0]}`, `/api/time_slots/${slots[1]}`],
      weightRequired: false,
      packagesRequired: false,
      multiDropEnabled: false,
    });
    // the same token works on the native API
    const native = await h.http().get('/api/partner/v1/me').set('Authorization', `Bearer ${access}`);
    expect([native.status, native.body.clientId]).toEqual([200, shop.clientId]);
  });

  it('refuses another client’s store (403, hydra:Error), another coop’s base URL (401), a person-less call (401)', async () => {
    const access = (await token('lyon-cc', shop.oauthKey, shop.oauthSecret)).body.access_token as string;
    for (const id of [otherStore, 'not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
      const res = await h.http().get(`/coopcycle/lyon-cc/api/stores/${id}`).set('Authorization', `Bearer ${access}`);
      expect([id, res.status, res.body['@type'], JSON.stringify(res.body).includes('Another shop')]).toEqual([
        id,
        403,
        'hydra:Error',
        false,
      ]);
    }
    const siblingKey = await h.http().get(`/coopcycle/lyon-cc/api/stores/${store}`).set('X-Api-Key', sibling.apiKey);
    expect(siblingKey.status).toBe(403);
    const otherBase = await h.http().get('/coopcycle/berlin-cc/api/me').set('Authorization', `Bearer ${access}`);
    expect([otherBase.status, otherBase.body.code]).toEqual([401, 'PARTNER_CREDENTIALS_INVALID']);
    const none = await h.http().get('/coopcycle/lyon-cc/api/me');
    expect(none.status).toBe(401);
    const noStore = await h.http().get('/coopcycle/berlin-cc/api/me').set('X-Api-Key', foreign.apiKey);
    expect(noStore.body).toEqual({
      '@context': '/api/contexts/ApiApp',
      '@id': `/api/api_apps/${foreign.clientId}`,
      '@type': 'ApiApp',
      name: 'Berlin shop',
    });
  });
});
