import type { DeliverySummaryView, DeliveryView, Page, TrackingView } from '@federacycle/contracts';
import { RecipientMailProcessor } from '@federacycle/dispatch-server';
import type { MailService } from '@federacycle/identity-server';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';
import { Database } from '@federacycle/platform-database';
import { Metrics } from '@federacycle/platform-observability';
import { insertCoop, insertUser, signIn, startHarness, type IdentityHarness } from '../identity/identity-harness';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('deliveries search, CSV export, public tracking and the recipients’ mails (real PostgreSQL and Redis)', () => {
  let h: IdentityHarness;
  let coopA: string;
  let coopB: string;
  let merchantA: string;
  let merchantB: string;
  let courierAna: string;
  const token: Record<string, string> = {};

  const insertMerchant = async (coop: string, name: string): Promise<string> => {
    const row = await h.su.query<{ id: string }>(
      `insert into merchants (coop_id, name, kind, address_line1, postal_code, city, country, lat, lng, geocoded_by,
                              opening_hours, fulfilment, perimeter_kind, perimeter_radius_m, currency)
       values ($1, $2, 'shop', '1 rue Neuve', '69001', 'Lyon', 'FR', 45.76, 4.83, 'typed', 'Mo-Su 08:00-20:00',
               array['delivery'], 'radius', 3000, 'EUR') returning id`,
      [coop, name],
    );
    return row.rows[0]?.id as string;
  };

  beforeAll(async () => {
    h = await startHarness();
    coopA = await insertCoop(h.su, 'track-a', 'Vélo Lyon');
    coopB = await insertCoop(h.su, 'track-b', 'Other Coop B');
    for (const [key, coop, roles] of [
      ['dispatcher', coopA, ['dispatcher']],
      ['ana', coopA, ['courier']],
      ['dispatcherb', coopB, ['dispatcher']],
    ] as const) {
      const id = await insertUser(h, `${key}@track.test`, `${key} person`, [[coop, [...roles]]]);
      token[key] = (await signIn(h, `${key}@track.test`)).accessToken;
      if (key === 'ana') {
        const row = await h.su.query<{ id: string }>(
          `insert into couriers (coop_id, user_id, display_name, vehicle, phone) values ($1, $2, 'Ana Rider-Secret', 'bike', '+33611223344') returning id`,
          [coop, id],
        );
        courierAna = row.rows[0]?.id as string;
      }
    }
    merchantA = await insertMerchant(coopA, 'Boulangerie A');
    merchantB = await insertMerchant(coopB, 'Épicerie B');
  });
  afterAll(() => h?.close());

  const call = (who: string, method: 'get' | 'post', url: string, body?: object) => {
    const req = h.http()[method](url).set('Authorization', `Bearer ${token[who]}`);
    return body === undefined ? req : req.send(body);
  };
  const tasks = (dropoffExtra: object = {}) => [
    {
      kind: 'pickup',
      address: 'Boulangerie, 3 rue Mercière, 69002 Lyon',
      lat: 45.7625,
      lng: 4.8339,
      serviceMinutes: 3,
      before: iso(Date.now() + HOUR),
    },
    {
      kind: 'dropoff',
      address: '10 cours Vitton, 69006 Lyon',
      lat: 45.7699,
      lng: 4.8531,
      after: iso(Date.now() + HOUR),
      before: iso(Date.now() + 2 * HOUR),
      contactName: 'Zoé Client',
      contactPhone: '+33 6 99 88 77 66',
      ...dropoffExtra,
    },
  ];
  const create = async (body: object, who = 'dispatcher'): Promise<DeliveryView> => {
    const res = await call(who, 'post', '/api/dispatch/deliveries', body);
    expect(res.status).toBe(201);
    return res.body as DeliveryView;
  };
  const track = (t: string) => h.http().get(`/api/track/${t}`);

  it('refuses an unknown merchant (another coop’s too) and a recipient email on a pickup or that is no address', async () => {
    for (const merchantId of [merchantB, '6b1f0a9e-9d6b-4c8e-9b7e-2f3c1a4d5e6f']) {
      const res = await call('dispatcher', 'post', '/api/dispatch/deliveries', { merchantId, tasks: tasks() });
      expect([res.status, res.body.code]).toEqual([422, 'UNKNOWN_MERCHANT']);
    }
    const onPickup = tasks();
    (onPickup[0] as Record<string, unknown>)['contactEmail'] = 'a@b.fr';
    let res = await call('dispatcher', 'post', '/api/dispatch/deliveries', { tasks: onPickup });
    expect([res.status, res.body.code]).toEqual([400, 'CONTACT_EMAIL_INVALID']);
    res = await call('dispatcher', 'post', '/api/dispatch/deliveries', {
      tasks: tasks({ contactEmail: 'not an email' }),
    });
    expect([res.status, res.body.code]).toEqual([400, 'CONTACT_EMAIL_INVALID']);
    res = await call('dispatcher', 'post', '/api/dispatch/deliveries', { tasks: tasks({ contactLanguage: 'de' }) });
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('searches by state, merchant, courier, address and day, and exports the filtered list as guarded CSV', async () => {
    const withMerchant = await create({ reference: '=HYPERLINK("x")', merchantId: merchantA, tasks: tasks() });
    expect(withMerchant.merchantId).toBe(merchantA);
    const other = await create({ reference: 'plain-ref', tasks: tasks({ address: '5 place Sathonay, 69001 Lyon' }) });
    const dropoffOther = other.tasks.find((t) => t.kind === 'dropoff')?.id as string;
    expect(
      (await call('dispatcher', 'post', `/api/dispatch/tasks/${dropoffOther}/assign`, { courierId: courierAna }))
        .status,
    ).toBe(200);
    await create({ reference: 'coop-b-secret', tasks: tasks() }, 'dispatcherb');

    const search = async (query: string): Promise<Page<DeliverySummaryView>> => {
      const res = await call('dispatcher', 'get', `/api/dispatch/deliveries?${query}`);
      expect(res.status).toBe(200);
      return res.body as Page<DeliverySummaryView>;
    };
    expect((await search(`merchantId=${merchantA}`)).items.map((d) => d.id)).toEqual([withMerchant.id]);
    expect((await search(`merchantId=${merchantA}`)).items[0]?.merchantName).toBe('Boulangerie A');
    expect((await search(`courierId=${courierAna}`)).items.map((d) => d.id)).toEqual([other.id]);
    expect((await search(`courierId=${courierAna}`)).items[0]?.courierName).toBe('Ana Rider-Secret');
    expect((await search('address=sathonay')).items.map((d) => d.id)).toEqual([other.id]);
    expect((await search('address=100%25')).total).toBe(0);
    expect((await search('state=open')).items.map((d) => d.id)).toEqual([withMerchant.id]);
    expect((await search('state=in_progress')).items.map((d) => d.id)).toEqual([other.id]);
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' });
    expect((await search(`from=${today}&to=${today}`)).total).toBe(2);
    expect((await search(`from=${today}&state=open&merchantId=${merchantA}&address=mercière`)).total).toBe(1);
    expect((await search('from=2020-01-01&to=2020-01-02')).total).toBe(0);
    for (const bad of ['from=2026-02-30', 'from=2026-03-02&to=2026-03-01']) {
      const res = await call('dispatcher', 'get', `/api/dispatch/deliveries?${bad}`);
      expect([bad, res.status, res.body.code]).toEqual([bad, 400, 'DATE_RANGE_INVALID']);
    }
    expect((await call('dispatcher', 'get', '/api/dispatch/deliveries?courierId=nope')).status).toBe(400);

    const csv = await call('dispatcher', 'get', '/api/dispatch/deliveries.csv?state=open');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="deliveries-/);
    const lines = csv.text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'id,reference,state,created_at,merchant,courier,pickups,dropoffs,from,to,window_after,window_before',
    );
    expect(lines).toHaveLength(2);
    // the formula is neutralised and its quotes escaped (RFC 4180)
    expect(csv.text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv.text).not.toContain('coop-b-secret');
    const bad = await call('dispatcher', 'get', '/api/dispatch/deliveries.csv?to=2026-13-01');
    expect(bad.status).toBe(400);
  });

  it('shows the recipient the progress, the courier’s first name and position only while under way, and nothing else', async () => {
    const unknown = await track('A'.repeat(43));
    expect([unknown.status, unknown.body.code]).toEqual([404, 'TRACKING_NOT_FOUND']);
    expect((await track('short')).status).toBe(404);

    const delivery = await create({
      reference: 'REF-TRACKED',
      tasks: tasks({ contactEmail: 'Zoe@Example.fr', contactLanguage: 'fr' }),
    });
    const sibling = await create({ reference: 'REF-SIBLING-SECRET', tasks: tasks() });
    const pickupId = delivery.tasks.find((t) => t.kind === 'pickup')?.id as string;
    const dropoffId = delivery.tasks.find((t) => t.kind === 'dropoff')?.id as string;
    expect(delivery.tasks.find((t) => t.kind === 'dropoff')?.contactEmail).toBe('zoe@example.fr');

    const first = await track(delivery.trackingToken);
    expect([first.status, first.body.code]).toEqual([200, undefined]);
    let view = first.body as TrackingView;
    expect(view.coopName).toBe('Vélo Lyon');
    expect(view.timeline.map((e) => [e.step, e.at !== null])).toEqual([
      ['created', true],
      ['assigned', false],
      ['picked_up', false],
      ['on_the_way', false],
      ['delivered', false],
    ]);
    expect(view.courier).toBeNull();
    expect(view.eta?.basis).toBe('window');
    expect(view.proofs).toEqual([]);

    for (const id of [pickupId, dropoffId]) {
      expect(
        (await call('dispatcher', 'post', `/api/dispatch/tasks/${id}/assign`, { courierId: courierAna })).status,
      ).toBe(200);
    }
    await h.su.query(
      `insert into courier_locations (coop_id, courier_id, lat, lng, accuracy_m, recorded_at) values ($1, $2, 45.7640, 4.8357, 10, now())
       on conflict (coop_id, courier_id) do update set lat = excluded.lat, lng = excluded.lng, recorded_at = now()`,
      [coopA, courierAna],
    );
    view = (await track(delivery.trackingToken)).body as TrackingView;
    expect(view.timeline[1]?.at).not.toBeNull();
    // assigned but not under way: no courier yet
    expect(view.courier).toBeNull();

    for (const action of ['start', 'complete']) {
      const res = await call('dispatcher', 'post', `/api/dispatch/tasks/${pickupId}/actions`, { action });
      expect(res.status).toBe(200);
    }
    const res = await track(delivery.trackingToken);
    view = res.body as TrackingView;
    expect(view.timeline.find((e) => e.step === 'picked_up')?.at).not.toBeNull();
    expect(view.courier).toEqual({ firstName: 'Ana', lat: 45.764, lng: 4.8357, at: expect.any(String) });
    expect(view.eta?.basis).toBe('position');
    const raw = JSON.stringify(res.body);
    for (const secret of [
      courierAna,
      'Rider-Secret',
      '+33611223344',
      'ana@track.test',
      'REF-SIBLING-SECRET',
      sibling.id,
      delivery.id,
      coopA,
      '+33699887766',
      'zoe@example.fr',
      'Zoé Client',
    ]) {
      expect([secret, raw.includes(secret)]).toEqual([secret, false]);
    }
    expect(res.headers['cache-control']).toMatch(/no-store/);

    for (const action of ['start', 'complete']) {
      expect((await call('dispatcher', 'post', `/api/dispatch/tasks/${dropoffId}/actions`, { action })).status).toBe(
        200,
      );
    }
    view = (await track(delivery.trackingToken)).body as TrackingView;
    expect(view.state).toBe('completed');
    expect(view.timeline.at(-1)?.step).toBe('delivered');
    expect(view.timeline.at(-1)?.at).not.toBeNull();
    expect(view.courier).toBeNull();
    expect(view.eta).toBeNull();
  });

  it('mails the recipient in their language at pickup and at delivery, once each, however often the job runs', async () => {
    const sent: Array<{ to: string; subject: string; text: string }> = [];
    const mail = {
      send: async (m: { to: string; subject: string; text: string }) => void sent.push(m),
    } as unknown as MailService;
    const processor = new RecipientMailProcessor(
      h.app.get(Database),
      mail,
      h.app.get<AppConfig>(APP_CONFIG),
      h.app.get(Metrics),
    );
    const runAll = async () => {
      const rows = await h.su.query<{ id: string; payload: { deliveryId: string } }>(
        `select id, payload from outbox where coop_id = $1 and job_name = 'dispatch.recipient-mail' order by created_at`,
        [coopA],
      );
      for (const row of rows.rows) {
        const envelope = { coopId: coopA, actorId: null, requestId: 'test', outboxId: row.id, payload: row.payload };
        await processor.mailRecipients(envelope);
      }
      return rows.rows.length;
    };
    // the deliveries of the test above: one with a French recipient, done
    expect(await runAll()).toBe(2);
    expect(sent.map((m) => [m.to, m.subject])).toEqual([['zoe@example.fr', 'Votre livraison est arrivée — Vélo Lyon']]);
    // a delivery picked up (not yet delivered), English by default
    const d = await create({ tasks: tasks({ contactEmail: 'sam@example.com' }) });
    const pickupId = d.tasks.find((t) => t.kind === 'pickup')?.id as string;
    const dropoffId = d.tasks.find((t) => t.kind === 'dropoff')?.id as string;
    for (const id of [pickupId, dropoffId]) {
      await call('dispatcher', 'post', `/api/dispatch/tasks/${id}/assign`, { courierId: courierAna });
    }
    for (const action of ['start', 'complete']) {
      expect((await call('dispatcher', 'post', `/api/dispatch/tasks/${pickupId}/actions`, { action })).status).toBe(
        200,
      );
    }
    await runAll();
    await runAll();
    expect(sent.slice(1).map((m) => [m.to, m.subject])).toEqual([
      ['sam@example.com', 'Your delivery is on its way — Vélo Lyon'],
    ]);
    expect(sent[1]?.text).toContain(`/track/${d.trackingToken}`);
    // the same outbox row delivered again, even with its claim undone, sends nothing new (the task's claim holds)
    await h.su.query(
      `update outbox set processed_at = null where coop_id = $1 and job_name = 'dispatch.recipient-mail'`,
      [coopA],
    );
    await runAll();
    expect(sent).toHaveLength(2);
  });

  it('counts deliveries by state and created by source for Prometheus, across coops', async () => {
    const text = (await h.http().get('/metrics').expect(200)).text;
    const value = (name: string, label: string) =>
      Number(new RegExp(`^${name}\\{[^}]*${label}[^}]*\\} (\\d+)`, 'm').exec(text)?.[1] ?? Number.NaN);
    const counts = await h.su.query<{ state: string; n: number }>(
      'select state, count(*)::int as n from deliveries group by state',
    );
    for (const row of counts.rows)
      expect([row.state, value('deliveries_by_state', `state="${row.state}"`)]).toEqual([row.state, row.n]);
    const all = counts.rows.reduce((sum, r) => sum + r.n, 0);
    expect(value('deliveries_created', 'source="console"')).toBe(all);
  });
});
