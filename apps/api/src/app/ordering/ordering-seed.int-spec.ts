import { DISPATCH_ENTITIES } from '@federacycle/dispatch-server';
import { FLEET_ENTITIES } from '@federacycle/fleet-server';
import { Database } from '@federacycle/platform-database';
import { GEO_ENTITIES } from '@federacycle/geo-server';
import { IDENTITY_ENTITIES } from '@federacycle/identity-server';
import { STORAGE_ENTITIES } from '@federacycle/platform-storage';
import { MERCHANTS_ENTITIES } from '@federacycle/merchants-server';
import { DEMO_PARTNER, ORDERING_ENTITIES, seedOrdering } from '@federacycle/ordering-server';
import { insertMerchantRow } from '../merchants/merchants-fixture';
import { insertCoop, startHarness, type IdentityHarness } from '../identity/identity-harness';
import { licenseCoop } from './partner-fixture';

describe('ordering seed: the demo partner of a Lyon shop with fixed credentials', () => {
  let h: IdentityHarness;
  let db: Database;

  beforeAll(async () => {
    h = await startHarness();
    const lyon = await insertCoop(h.su, 'lyon', 'Lyon');
    await licenseCoop(h.su, lyon);
    await insertMerchantRow(h.su, lyon, DEMO_PARTNER.merchantName);
    db = await Database.connect({
      url: h.testDb.appUrl,
      max: 2,
      entities: [
        ...IDENTITY_ENTITIES,
        ...GEO_ENTITIES,
        ...MERCHANTS_ENTITIES,
        ...STORAGE_ENTITIES,
        ...FLEET_ENTITIES,
        ...DISPATCH_ENTITIES,
        ...ORDERING_ENTITIES,
      ],
    });
  });
  afterAll(async () => {
    await db?.close();
    await h?.close();
  });

  it('registers the client once; its printed key and OAuth2 credentials work on both surfaces', async () => {
    const first = await seedOrdering(db);
    const second = await seedOrdering(db);
    expect(second).toEqual(first);
    expect(first).toMatchObject({ coopSlug: 'lyon', apiKey: DEMO_PARTNER.apiKey.key });
    const count = await h.su.query('select count(*)::int as n from partner_clients where name = $1', [
      DEMO_PARTNER.clientName,
    ]);
    expect(count.rows[0]?.n).toBe(1);
    const me = await h
      .http()
      .get('/api/partner/v1/me')
      .set('X-Api-Key', first?.apiKey as string);
    expect([me.status, me.body.name, me.body.scopes]).toEqual([
      200,
      DEMO_PARTNER.clientName,
      ['deliveries', 'webhooks'],
    ]);
    const token = await h
      .http()
      .post('/coopcycle/lyon/oauth2/token')
      .auth(first?.oauthKey as string, first?.oauthSecret as string)
      .type('form')
      .send('grant_type=client_credentials&scope=deliveries');
    expect(token.status).toBe(200);
  });
});
