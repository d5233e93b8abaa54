import { insertMerchantRow } from '../merchants/merchants-fixture';
import { insertCoop, startHarness, type IdentityHarness } from '../identity/identity-harness';
import { createPartner, licenseCoop, type PartnerCredentials } from './partner-fixture';
import { insertRuleSet, serveLyon } from './partner-deliveries-fixture';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('the partner delivery API over HTTP (API keys and OAuth2 tokens, real PostgreSQL and Redis)', () => {
  let h: IdentityHarness;
  let shop: PartnerCredentials;
  let other: PartnerCredentials;
  let reader: PartnerCredentials;
  let foreign: PartnerCredentials;
  let sandboxed: PartnerCredentials;

  beforeAll(async () => {
    h = await startHarness();
    await new Promise<void>((resolve) =>
      (h.app.getHttpServer() as import('node:http').Server).listen(0, '127.0.0.1', resolve),
    );
    const coopA = await insertCoop(h.su, 'partner-http-a', 'Partner HTTP A');
    const coopB = await insertCoop(h.su, 'partner-http-b', 'Partner HTTP B');
    for (const coop of [coopA, coopB]) {
      await licenseCoop(h.su, coop);
      await serveLyon(h.su, coop);
      await insertRuleSet(h.su, coop);
    }
    shop = await createPartner(h, coopA, {
      name: 'Bakery',
      merchantId: await insertMerchantRow(h.su, coopA, 'Bakery'),
    });
    other = await createPartner(h, coopA, { name: 'Other', merchantId: await insertMerchantRow(h.su, coopA, 'Other') });
    reader = await createPartner(h, coopA, { name: 'Reader', scopes: ['deliveries:read'] });
    const sandbox = await insertCoop(h.su, 'partner-http-sandbox', 'Partner HTTP sandbox');
    await serveLyon(h.su, sandbox);
    await insertRuleSet(h.su, sandbox);
    sandboxed = await createPartner(h, sandbox, {
      name: 'Trial',
      merchantId: await insertMerchantRow(h.su, sandbox, 'T'),
    });
    foreign = await createPartner(h, coopB, { name: 'Foreign', merchantId: await insertMerchantRow(h.su, coopB, 'F') });
  });
  afterAll(() => h?.close());

  const call = (p: PartnerCredentials, method: 'get' | 'post', url: string, body?: object, key?: string) => {
    let req = h.http()[method](url).set('X-Api-Key', p.apiKey);
    if (key) req = req.set('Idempotency-Key', key);
    return body === undefined ? req : req.send(body);
  };
  const dropoff = (extra: object = {}) => ({
    address: '10 cours Vitton, 69006 Lyon',
    lat: 45.7699,
    lng: 4.8531,
    before: iso(Date.now() + 3 * HOUR),
    ...extra,
  });

  it('creates (store pickup, priced), replays by key, reads, lists and cancels its own delivery', async () => {
    const payload = { reference: 'HTTP-1', dropoff: dropoff() };
    const created = await call(shop, 'post', '/api/partner/v1/deliveries', payload, 'http-1');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      reference: 'HTTP-1',
      state: 'open',
      price: { amountMinor: 600, currency: 'EUR' },
    });
    const replay = await call(shop, 'post', '/api/partner/v1/deliveries', payload, 'http-1');
    expect([replay.status, replay.headers['idempotent-replayed'], replay.body.id]).toEqual([
      201,
      'true',
      created.body.id,
    ]);
    const reused = await call(
      shop,
      'post',
      '/api/partner/v1/deliveries',
      { ...payload, reference: 'HTTP-2' },
      'http-1',
    );
    expect([reused.status, reused.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    const id = created.body.id as string;
    expect((await call(shop, 'get', `/api/partner/v1/deliveries/${id}`)).body.id).toBe(id);
    const listed = await call(shop, 'get', '/api/partner/v1/deliveries?limit=10');
    expect(listed.body.items.map((d: { id: string }) => d.id)).toContain(id);
    const cancelled = await call(shop, 'post', `/api/partner/v1/deliveries/${id}/cancel`, {});
    expect([cancelled.status, cancelled.body.state]).toEqual([200, 'cancelled']);
  });

  it('another partner, of the coop or another, gets 404; a read-only credential cannot create', async () => {
    const mine = (await call(shop, 'post', '/api/partner/v1/deliveries', { dropoff: dropoff() })).body.id as string;
    for (const p of [other, foreign]) {
      const read = await call(p, 'get', `/api/partner/v1/deliveries/${mine}`);
      expect([read.status, read.body.code]).toEqual([404, 'NOT_FOUND']);
      const cancel = await call(p, 'post', `/api/partner/v1/deliveries/${mine}/cancel`, {});
      expect(cancel.status).toBe(404);
    }
    const denied = await call(reader, 'post', '/api/partner/v1/deliveries', { dropoff: dropoff() });
    expect([denied.status, denied.body.code]).toEqual([403, 'PARTNER_SCOPE_MISSING']);
    expect((await call(reader, 'get', '/api/partner/v1/deliveries')).status).toBe(200);
  });

  it('refuses a price, a task state and unknown fields, and a malformed key', async () => {
    for (const body of [
      { dropoff: dropoff(), price: 0 },
      { dropoff: dropoff({ state: 'done' }) },
      { dropoff: dropoff({ amountMinor: 1 }) },
    ]) {
      const res = await call(shop, 'post', '/api/partner/v1/deliveries', body);
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const badKey = await call(shop, 'post', '/api/partner/v1/deliveries', { dropoff: dropoff() }, 'x'.repeat(300));
    expect([badKey.status, badKey.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('quotes then confirms at the quoted price, once', async () => {
    const quote = await call(shop, 'post', '/api/partner/v1/quotes', { dropoff: dropoff() });
    expect([quote.status, quote.body.amountMinor]).toEqual([201, 600]);
    const confirmed = await call(shop, 'post', `/api/partner/v1/quotes/${quote.body.id}/confirm`, {}, 'confirm-http');
    expect([confirmed.status, confirmed.body.price.amountMinor]).toEqual([201, 600]);
    const replay = await call(shop, 'post', `/api/partner/v1/quotes/${quote.body.id}/confirm`, {}, 'confirm-http');
    expect([replay.status, replay.headers['idempotent-replayed'], replay.body.id]).toEqual([
      201,
      'true',
      confirmed.body.id,
    ]);
    const twice = await call(shop, 'post', `/api/partner/v1/quotes/${quote.body.id}/confirm`, {});
    expect([twice.status, twice.body.code]).toEqual([409, 'QUOTE_USED']);
    const check = await call(shop, 'post', '/api/partner/v1/deliveries/check', {
      dropoff: dropoff({ lat: 48.85, lng: 2.35 }),
    });
    expect([check.status, check.body.ok, check.body.problems[0].code]).toEqual([200, false, 'OUTSIDE_SERVICE_AREA']);
  });

  it('a sandbox coop’s partner gets through to make test deliveries', async () => {
    const created = await call(sandboxed, 'post', '/api/partner/v1/deliveries', { dropoff: dropoff() });
    expect([created.status, created.body.test]).toEqual([201, true]);
    expect((await call(sandboxed, 'get', `/api/partner/v1/deliveries/${created.body.id}`)).status).toBe(200);
  });
});
