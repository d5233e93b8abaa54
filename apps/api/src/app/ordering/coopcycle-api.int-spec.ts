import { CLOCK, type Clock } from '@federacycle/federation-server';
import { nextWednesdayMorning, paris } from '../dispatch/time-slots-fixture';
import { insertCoop, insertUser, signIn, startHarness, type IdentityHarness } from '../identity/identity-harness';
import { insertMerchantRow } from '../merchants/merchants-fixture';
import { insertRuleSet, serveLyon } from './partner-deliveries-fixture';
import { createPartner, licenseCoop, type PartnerCredentials } from './partner-fixture';

describe('CoopCycle-compatible delivery endpoints over HTTP (JSON-LD, real PostgreSQL and Redis)', () => {
  let h: IdentityHarness;
  let shop: PartnerCredentials;
  let other: PartnerCredentials;
  let slotId: string;
  let dispatcherToken: string;
  const now = nextWednesdayMorning();
  const today = now.toISOString().slice(0, 10);

  beforeAll(async () => {
    h = await startHarness();
    jest.spyOn(h.app.get<Clock>(CLOCK), 'now').mockImplementation(() => new Date(now));
    const coop = await insertCoop(h.su, 'coopcycle-http', 'CoopCycle HTTP');
    await insertCoop(h.su, 'coopcycle-other', 'Another coop');
    await licenseCoop(h.su, coop);
    await serveLyon(h.su, coop);
    await insertRuleSet(h.su, coop);
    shop = await createPartner(h, coop, { name: 'Woo', merchantId: await insertMerchantRow(h.su, coop, 'Woo bakery') });
    other = await createPartner(h, coop, { name: 'Presta', merchantId: await insertMerchantRow(h.su, coop, 'Presta') });
    const { rows } = await h.su.query<{ id: string }>(
      `insert into time_slots (coop_id, name, interval_minutes, opening_hours, prior_notice_minutes)
       values ($1, 'Afternoons', 120, 'Mo-Sa 10:00-18:00', 60) returning id`,
      [coop],
    );
    slotId = rows[0]?.id as string;
    await insertUser(h, 'dispatcher@coopcycle.test', 'Dispatcher', [[coop, ['dispatcher']]]);
    dispatcherToken = (await signIn(h, 'dispatcher@coopcycle.test')).accessToken;
  });
  afterAll(() => h?.close());

  const base = '/coopcycle/coopcycle-http';
  const as = (p: PartnerCredentials) => ({
    get: (path: string) => h.http().get(`${base}${path}`).set('Authorization', `Bearer ${p.apiKey}`),
    post: (path: string, body: object) =>
      h
        .http()
        .post(`${base}${path}`)
        .set('Authorization', `Bearer ${p.apiKey}`)
        .set('Content-Type', 'application/ld+json')
        .send(JSON.stringify(body)),
    delete: (path: string) => h.http().delete(`${base}${path}`).set('Authorization', `Bearer ${p.apiKey}`),
  });

  it('time slot, choices, create with a choice (application/ld+json), read by integer id; the delivery is on the Deliveries list', async () => {
    const slot = await as(shop).get(`/api/time_slots/${slotId}`);
    expect(slot.status).toBe(200);
    expect(slot.headers['content-type']).toMatch(/^application\/ld\+json/);
    expect(slot.body).toMatchObject({ '@type': 'TimeSlot', interval: '2 hours', priorNotice: '1 hour' });
    const choices = await as(shop).get(`/api/time_slots/${slotId}/choices`);
    const value = choices.body.choices[0].value as string;
    const created = await as(shop).post('/api/deliveries', {
      pickup: { comments: 'Order #123' },
      dropoff: {
        address: {
          streetAddress: '1 rue de la République, 69001 Lyon',
          contactName: 'Ada L.',
          latLng: [45.7675, 4.8357],
        },
        timeSlot: value,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      '@type': 'Delivery',
      id: 1,
      pickup: { id: 1, type: 'PICKUP', status: 'TODO' },
      dropoff: { id: 2, type: 'DROPOFF', status: 'TODO', after: paris(today, '12:00'), before: paris(today, '14:00') },
    });
    const read = await as(shop).get('/api/deliveries/1');
    expect([read.status, read.body.dropoff.id]).toEqual([200, 2]);
    const list = await h.http().get('/api/dispatch/deliveries').set('Authorization', `Bearer ${dispatcherToken}`);
    expect(list.body.items.map((d: { to: string }) => d.to)).toContain('1 rue de la République, 69001 Lyon');
  });

  it('violations are a 400 ConstraintViolationList; another client, number or coop is 404; cancel answers 204', async () => {
    const bad = await as(shop).post('/api/deliveries', { dropoff: { address: '1 rue X, Lyon', weight: -2 } });
    expect(bad.status).toBe(400);
    expect(bad.body['@type']).toBe('ConstraintViolationList');
    expect(bad.body.violations.map((v: { propertyPath: string }) => v.propertyPath)).toEqual([
      'dropoff.address',
      'dropoff.weight',
    ]);
    expect((await as(other).get('/api/deliveries/1')).status).toBe(404);
    expect((await as(other).delete('/api/deliveries/1')).status).toBe(404);
    expect((await as(shop).get('/api/deliveries/999')).status).toBe(404);
    const foreign = await h
      .http()
      .get('/coopcycle/coopcycle-other/api/deliveries/1')
      .set('Authorization', `Bearer ${shop.apiKey}`);
    // another coop's base URL refuses the credential before anything is read, as the token endpoint does
    expect([foreign.status, foreign.body.code]).toEqual([401, 'PARTNER_CREDENTIALS_INVALID']);
    const cancelled = await as(shop).delete('/api/deliveries/1');
    expect(cancelled.status).toBe(204);
    expect((await as(shop).get('/api/deliveries/1')).body.dropoff.status).toBe('CANCELLED');
  });
});
