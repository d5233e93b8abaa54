import type { PartnerDeliveryRequest, PartnerPrincipal } from '@federacycle/contracts';
import { SettingsReader } from '@federacycle/federation-server';
import { PartnerDeliveriesService } from '@federacycle/ordering-server';
import { ApiException } from '@federacycle/platform-http';
import { insertCoop, startHarness, type IdentityHarness } from '../identity/identity-harness';
import { insertMerchantRow } from '../merchants/merchants-fixture';
import { asPartner, insertPartnerClient, insertRuleSet, serveLyon } from './partner-deliveries-fixture';
import { licenseCoop } from './partner-fixture';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('ordering: the partner delivery API (service level, real PostgreSQL as fc_app)', () => {
  let h: IdentityHarness;
  let service: PartnerDeliveriesService;
  let shop: PartnerPrincipal;
  let otherShop: PartnerPrincipal;
  let unbound: PartnerPrincipal;
  let foreign: PartnerPrincipal;
  let sandboxShop: PartnerPrincipal;
  let coopA: string;
  let rules: Record<string, string>;
  let unpriced: PartnerPrincipal;

  beforeAll(async () => {
    h = await startHarness();
    service = h.app.get(PartnerDeliveriesService);
    coopA = await insertCoop(h.su, 'partner-a', 'Partner A');
    const coopB = await insertCoop(h.su, 'partner-b', 'Partner B');
    const sandbox = await insertCoop(h.su, 'partner-sandbox', 'Partner Sandbox');
    const noRules = await insertCoop(h.su, 'partner-unpriced', 'Partner Unpriced');
    for (const coop of [coopA, coopB, noRules]) await licenseCoop(h.su, coop);
    for (const coop of [coopA, coopB, sandbox, noRules]) await serveLyon(h.su, coop);
    // pricing's real rules: 5 € a delivery plus 1 € a dropoff, VAT included (coop A's rule, changed in the quotes test)
    rules = {};
    for (const coop of [coopA, coopB, sandbox]) rules[coop] = await insertRuleSet(h.su, coop);
    unpriced = await insertPartnerClient(
      h.su,
      noRules,
      'Unpriced site',
      await insertMerchantRow(h.su, noRules, 'Shop'),
    );
    const store = await insertMerchantRow(h.su, coopA, 'Bellecour bakery');
    shop = await insertPartnerClient(h.su, coopA, 'Bakery site', store);
    otherShop = await insertPartnerClient(h.su, coopA, 'Other site', await insertMerchantRow(h.su, coopA, 'Other'));
    unbound = await insertPartnerClient(h.su, coopA, 'Marketplace', null);
    foreign = await insertPartnerClient(h.su, coopB, 'Foreign site', await insertMerchantRow(h.su, coopB, 'Foreign'));
    sandboxShop = await insertPartnerClient(h.su, sandbox, 'Test site', await insertMerchantRow(h.su, sandbox, 'Test'));
  });
  afterAll(() => h?.close());

  const dropoff = (extra: object = {}) => ({
    address: '10 cours Vitton, 69006 Lyon',
    lat: 45.7699,
    lng: 4.8531,
    after: iso(Date.now() + 2 * HOUR),
    before: iso(Date.now() + 3 * HOUR),
    contactName: 'Ada L.',
    contactPhone: '+33 6 12 34 56 78',
    comments: '2nd floor',
    ...extra,
  });
  const create = (p: PartnerPrincipal, body: PartnerDeliveryRequest, key: string | null = null) =>
    asPartner(p, () => service.create(p, body, key));
  const refusal = async (work: Promise<unknown>): Promise<[number, string]> => {
    try {
      await work;
    } catch (error) {
      if (error instanceof ApiException) return [error.getStatus(), error.code];
      throw error;
    }
    throw new Error('expected a refusal');
  };
  const counts = async () => {
    const { rows } = await h.su.query<{ d: number; p: number; k: number }>(
      `select (select count(*)::int from deliveries) as d, (select count(*)::int from partner_deliveries) as p,
              (select count(*)::int from idempotency_keys) as k`,
    );
    return rows[0];
  };

  it('creates a delivery from its store by default, the pickup timed from the dropoff window, priced, owned by the client', async () => {
    const created = await create(shop, { reference: 'ORD-123', dropoff: dropoff() });
    expect(created.status).toBe(201);
    const view = created.body;
    expect(view).toMatchObject({ reference: 'ORD-123', state: 'open', test: false, timeSlotId: null, quoteId: null });
    expect(view.price).toMatchObject({ amountMinor: 600, currency: 'EUR' });
    expect(view.trackingUrl).toMatch(/\/track\/[A-Za-z0-9_-]{43}$/);
    const [pickup, drop] = view.tasks;
    expect(pickup).toMatchObject({ type: 'pickup', state: 'open', lat: 45.7578, lng: 4.832 });
    expect(pickup?.address).toContain('Bellecour bakery');
    expect(drop).toMatchObject({ type: 'dropoff', contactName: 'Ada L.', contactPhone: '+33612345678' });
    // the pickup must start before the dropoff window opens and closes, by the ride and a margin
    expect(new Date(pickup?.before as string).getTime()).toBeLessThan(
      new Date(drop?.before as string).getTime() - 10 * 60_000,
    );
    expect(new Date(pickup?.after as string).getTime()).toBeLessThan(new Date(drop?.after as string).getTime());
    const { rows } = await h.su.query(
      `select d.source, d.merchant_id, pd.client_id, pd.amount_minor from deliveries d
         join partner_deliveries pd on pd.coop_id = d.coop_id and pd.delivery_id = d.id where d.id = $1`,
      [view.id],
    );
    expect(rows[0]).toEqual({
      source: 'partner_api',
      merchant_id: shop.merchantId,
      client_id: shop.clientId,
      amount_minor: '600',
    });
  });

  it('takes multi-stop lists (1→N with the store added, N→1) and addresses as text with a point', async () => {
    const oneToMany = await create(shop, {
      tasks: [
        { type: 'dropoff', ...dropoff() },
        { type: 'dropoff', ...dropoff() },
      ],
    });
    expect(oneToMany.body.tasks.map((t) => t.type)).toEqual(['pickup', 'dropoff', 'dropoff']);
    expect(oneToMany.body.price?.amountMinor).toBe(700);
    const manyToOne = await create(unbound, {
      tasks: [
        { type: 'pickup', address: 'Halles, 102 cours Lafayette, Lyon', lat: 45.7627, lng: 4.8508 },
        { type: 'pickup', address: '3 rue Mercière, 69002 Lyon', lat: 45.7625, lng: 4.8339 },
        { type: 'dropoff', ...dropoff() },
      ],
    });
    expect(manyToOne.body.tasks.map((t) => [t.type, t.address.slice(0, 6)])).toEqual([
      ['pickup', 'Halles'],
      ['pickup', '3 rue '],
      ['dropoff', '10 cou'],
    ]);
  });

  it('refuses bad input with a stable code each, writing nothing', async () => {
    const before = await counts();
    const cases: Array<[PartnerPrincipal, PartnerDeliveryRequest, [number, string]]> = [
      [
        shop,
        { dropoff: dropoff({ after: iso(Date.now() + 3 * HOUR), before: iso(Date.now() + 2 * HOUR) }) },
        [400, 'WINDOW_CLOSES_BEFORE_OPENING'],
      ],
      [shop, { dropoff: dropoff({ after: null, before: iso(Date.now() - 2 * HOUR) }) }, [400, 'WINDOW_IN_PAST']],
      [shop, { dropoff: dropoff({ lat: 91 }) }, [400, 'COORDINATES_OUT_OF_RANGE']],
      [shop, { dropoff: dropoff({ address: 'Paris', lat: 48.8566, lng: 2.3522 }) }, [422, 'OUTSIDE_SERVICE_AREA']],
      [
        shop,
        { tasks: Array.from({ length: 21 }, () => ({ type: 'dropoff' as const, ...dropoff() })) },
        [400, 'TOO_MANY_TASKS'],
      ],
      [shop, { dropoff: dropoff(), timeSlotId: '00000000-0000-4000-8000-000000000000' }, [422, 'UNKNOWN_TIME_SLOT']],
      [unbound, { dropoff: dropoff() }, [422, 'PICKUP_REQUIRED']],
      [shop, { pickup: { address: 'x y z', lat: 45.76 }, dropoff: dropoff() }, [400, 'VALIDATION_FAILED']],
      [shop, { pickup: { store: true }, dropoff: dropoff(), tasks: [] }, [400, 'VALIDATION_FAILED']],
      [shop, {}, [400, 'VALIDATION_FAILED']],
    ];
    for (const [who, body, expected] of cases) {
      expect([JSON.stringify(body).slice(0, 60), await refusal(create(who, body, `bad-${expected[1]}`))]).toEqual([
        JSON.stringify(body).slice(0, 60),
        expected,
      ]);
    }
    expect(await counts()).toEqual(before);
  });

  it('a partner reads, lists and cancels only its own deliveries: another client, or another coop, gets 404', async () => {
    const mine = (await create(shop, { dropoff: dropoff() })).body;
    for (const other of [otherShop, foreign]) {
      expect(await refusal(asPartner(other, () => service.get(other, mine.id)))).toEqual([404, 'NOT_FOUND']);
      expect(await refusal(asPartner(other, () => service.cancel(other, mine.id)))).toEqual([404, 'NOT_FOUND']);
      const theirs = await asPartner(other, () => service.list(other, { limit: 200 }));
      expect(theirs.items.map((d) => d.id)).not.toContain(mine.id);
    }
    expect((await asPartner(shop, () => service.get(shop, mine.id))).id).toBe(mine.id);
  });

  it('lists newest first by cursor, filtered by state and time, and refuses a forged cursor', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1)
      ids.push((await create(otherShop, { reference: `P-${i}`, dropoff: dropoff() })).body.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await asPartner(otherShop, () => service.list(otherShop, { limit: 2, cursor }));
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((d) => d.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    await asPartner(otherShop, () => service.cancel(otherShop, ids[0] as string));
    const cancelled = await asPartner(otherShop, () => service.list(otherShop, { limit: 50, state: 'cancelled' }));
    expect(cancelled.items.map((d) => d.id)).toEqual([ids[0]]);
    const future = await asPartner(otherShop, () =>
      service.list(otherShop, { limit: 50, from: iso(Date.now() + HOUR) }),
    );
    expect(future.items).toEqual([]);
    expect(await refusal(asPartner(otherShop, () => service.list(otherShop, { limit: 5, cursor: 'bm9wZQ' })))).toEqual([
      400,
      'CURSOR_INVALID',
    ]);
  });

  it('cancelling cancels every task; once a courier picked it up it is refused', async () => {
    const open = (await create(shop, { dropoff: dropoff() })).body;
    const cancelled = await asPartner(shop, () => service.cancel(shop, open.id));
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.tasks.map((t) => t.state)).toEqual(['cancelled', 'cancelled']);
    const picked = (await create(shop, { dropoff: dropoff() })).body;
    await h.su.query(`update delivery_tasks set state = 'done' where delivery_id = $1 and kind = 'pickup'`, [
      picked.id,
    ]);
    expect(await refusal(asPartner(shop, () => service.cancel(shop, picked.id)))).toEqual([409, 'DELIVERY_UNDER_WAY']);
    const { rows } = await h.su.query(`select state from delivery_tasks where delivery_id = $1 and kind = 'dropoff'`, [
      picked.id,
    ]);
    expect(rows[0].state).toBe('open');
  });

  it('Idempotency-Key: 30 same requests at once make one delivery; the key replays; another body is refused', async () => {
    const before = await counts();
    const body = { reference: 'IDEM-1', dropoff: dropoff() };
    const answers = await Promise.allSettled(Array.from({ length: 30 }, () => create(shop, body, 'key-race-1')));
    const created = answers.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
    const refused = answers.flatMap((a) => (a.status === 'rejected' ? [a.reason as ApiException] : []));
    expect(refused.every((e) => e instanceof ApiException && e.code === 'IDEMPOTENCY_IN_PROGRESS')).toBe(true);
    expect(created.filter((c) => !c.replayed)).toHaveLength(1);
    expect(new Set(created.map((c) => c.body.id)).size).toBe(1);
    const after = await counts();
    expect([after.d - before.d, after.p - before.p, after.k - before.k]).toEqual([1, 1, 1]);
    const again = await create(shop, body, 'key-race-1');
    expect([again.replayed, again.status, again.body.id]).toEqual([true, 201, created[0]?.body.id]);
    expect(await refusal(create(shop, { ...body, reference: 'IDEM-2' }, 'key-race-1'))).toEqual([
      422,
      'IDEMPOTENCY_KEY_REUSED',
    ]);
    // keys are the client's: another client's same key is another request
    const theirs = await create(otherShop, body, 'key-race-1');
    expect([theirs.replayed, theirs.body.id === created[0]?.body.id]).toEqual([false, false]);
    // a refused create keeps no key: the corrected request may use it
    expect(await refusal(create(shop, { dropoff: dropoff({ lat: 95 }) }, 'key-fix'))).toEqual([
      400,
      'COORDINATES_OUT_OF_RANGE',
    ]);
    expect((await create(shop, { dropoff: dropoff() }, 'key-fix')).replayed).toBe(false);
  });

  it('check is a dry run: what a create would do and cost, or its problems, nothing written', async () => {
    const before = await counts();
    const ok = await asPartner(shop, () => service.check(shop, { dropoff: dropoff() }));
    expect(ok).toMatchObject({ ok: true, problems: [], price: { amountMinor: 600 } });
    expect(ok.tasks.map((t) => t.type)).toEqual(['pickup', 'dropoff']);
    const outside = await asPartner(shop, () => service.check(shop, { dropoff: dropoff({ lat: 48.85, lng: 2.35 }) }));
    expect(outside).toMatchObject({ ok: false, problems: [{ code: 'OUTSIDE_SERVICE_AREA' }] });
    expect(await counts()).toEqual(before);
  });

  it('quotes hold their price until confirmed once; an expired quote is refused', async () => {
    const quote = await asPartner(shop, () => service.quote(shop, { reference: 'Q-1', dropoff: dropoff() }));
    expect(quote).toMatchObject({ amountMinor: 600, currency: 'EUR', deliveryId: null });
    // the coop admin raises the base price after the quote was given
    await h.su.query(`update pricing_rules set amount_minor = 900 where rule_set_id = $1 and label = 'Base'`, [
      rules[coopA],
    ]);
    try {
      const confirmed = await asPartner(shop, () => service.confirm(shop, quote.id, 'confirm-1'));
      expect(confirmed.body).toMatchObject({ reference: 'Q-1', quoteId: quote.id, price: { amountMinor: 600 } });
      expect((await asPartner(shop, () => service.confirm(shop, quote.id, 'confirm-1'))).body.id).toBe(
        confirmed.body.id,
      );
      expect(await refusal(asPartner(shop, () => service.confirm(shop, quote.id, null)))).toEqual([409, 'QUOTE_USED']);
      expect(await refusal(asPartner(otherShop, () => service.confirm(otherShop, quote.id, null)))).toEqual([
        404,
        'NOT_FOUND',
      ]);
      // creating with quoteId is the same confirmation
      const second = await asPartner(shop, () => service.quote(shop, { dropoff: dropoff() }));
      expect(second.amountMinor).toBe(1000);
      const byCreate = await create(shop, { quoteId: second.id });
      expect(byCreate.body.price?.amountMinor).toBe(1000);
      expect(await refusal(create(shop, { quoteId: second.id, dropoff: dropoff() }))).toEqual([
        400,
        'VALIDATION_FAILED',
      ]);
      const late = await asPartner(shop, () => service.quote(shop, { dropoff: dropoff() }));
      await h.su.query(`update partner_quotes set expires_at = now() - interval '1 second' where id = $1`, [late.id]);
      expect(await refusal(asPartner(shop, () => service.confirm(shop, late.id, null)))).toEqual([
        422,
        'QUOTE_EXPIRED',
      ]);
    } finally {
      await h.su.query(`update pricing_rules set amount_minor = 500 where rule_set_id = $1 and label = 'Base'`, [
        rules[coopA],
      ]);
    }
  });

  it('a sandbox coop makes test deliveries only, as many a day as the federation setting allows', async () => {
    const { rows } = await h.su.query<{ v: number }>(
      `select coalesce(max(version), 0) + 1 as v from federation_setting_versions where key = 'sandbox_test_orders_per_day'`,
    );
    await h.su.query(
      `insert into federation_setting_versions (key, version, value, source) values ('sandbox_test_orders_per_day', $1, '2', 'admin')`,
      [rows[0]?.v],
    );
    await h.app.get(SettingsReader).announce('federation', null);
    const first = await create(sandboxShop, { dropoff: dropoff() });
    expect(first.body.test).toBe(true);
    await create(sandboxShop, { dropoff: dropoff() });
    expect(await refusal(create(sandboxShop, { dropoff: dropoff() }))).toEqual([429, 'SANDBOX_TEST_ORDER_LIMIT']);
    // a licensed coop's deliveries are real ones
    expect((await create(foreign, { dropoff: dropoff() })).body.test).toBe(false);
  });

  it('a coop whose rules price nothing refuses the create with PRICE_NO_RULE, never a price of 0, writing nothing', async () => {
    const before = await counts();
    expect(await refusal(create(unpriced, { dropoff: dropoff() }, 'unpriced-1'))).toEqual([422, 'PRICE_NO_RULE']);
    const checked = await asPartner(unpriced, () => service.check(unpriced, { dropoff: dropoff() }));
    expect(checked).toMatchObject({ ok: false, problems: [{ code: 'PRICE_NO_RULE' }] });
    expect(await refusal(asPartner(unpriced, () => service.quote(unpriced, { dropoff: dropoff() })))).toEqual([
      422,
      'PRICE_NO_RULE',
    ]);
    expect(await counts()).toEqual(before);
  });
});
