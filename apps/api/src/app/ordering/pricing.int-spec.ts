import type { PriceBreakdown, PricingRuleSetView } from '@federacycle/contracts';
import { insertCoop, insertUser, signIn, startHarness, type IdentityHarness } from '../identity/identity-harness';

// Lyon: a "Centre" square around Bellecour; Croix-Rousse lies outside it
const CENTRE = {
  type: 'Polygon',
  coordinates: [
    [
      [4.82, 45.75],
      [4.84, 45.75],
      [4.84, 45.765],
      [4.82, 45.765],
      [4.82, 45.75],
    ],
  ],
};
const BELLECOUR = { lat: 45.7578, lng: 4.832 };
const CROIX_ROUSSE = { lat: 45.7765, lng: 4.8273 };

const quoteOf = (extra: object = {}) => ({
  tasks: [
    { type: 'pickup', ...BELLECOUR, weightGrams: 3000, packages: [{ type: 'box', quantity: 2 }] },
    { type: 'dropoff', ...CROIX_ROUSSE },
  ],
  at: '2026-12-07T09:00:00Z',
  ...extra,
});

const CITY_RULES = {
  name: 'City',
  strategy: 'sum_of_matches',
  scope: 'per_delivery',
  vatRateBp: 2000,
  pricesIncludeVat: false,
  rules: [
    { label: 'Base', condition: 'distance_km <= 15', priceKind: 'fixed', amountMinor: 500 },
    {
      label: 'Distance',
      condition: '',
      priceKind: 'per_km',
      kmRanges: [
        { fromKm: 0, toKm: 2, perKmMinor: 0 },
        { fromKm: 2, toKm: 15, perKmMinor: 100 },
      ],
    },
    { label: 'Centre pickup', condition: 'in_zone("pickup", "Centre")', priceKind: 'fixed', amountMinor: 150 },
    { label: 'Heavy', condition: 'weight_kg > 20', priceKind: 'percentage', percentBp: 2000 },
  ],
};

describe('ordering: pricing rule sets over HTTP (real PostgreSQL as fc_app)', () => {
  let h: IdentityHarness;
  let admin: string;
  let dispatcher: string;
  let courier: string;
  let otherAdmin: string;
  let coopA: string;

  beforeAll(async () => {
    h = await startHarness();
    coopA = await insertCoop(h.su, 'pricing-a', 'Pricing A');
    const coopB = await insertCoop(h.su, 'pricing-b', 'Pricing B');
    await h.su.query(
      `insert into zones (coop_id, name, geometry, bbox) values ($1, 'Centre', $2, '{4.82,45.75,4.84,45.765}')`,
      [coopA, JSON.stringify(CENTRE)],
    );
    await insertUser(h, 'admin.a@pricing.test', 'Admin A', [[coopA, ['coop_admin']]]);
    await insertUser(h, 'dispatch.a@pricing.test', 'Dispatcher A', [[coopA, ['dispatcher']]]);
    await insertUser(h, 'courier.a@pricing.test', 'Courier A', [[coopA, ['courier']]]);
    await insertUser(h, 'admin.b@pricing.test', 'Admin B', [[coopB, ['coop_admin']]]);
    admin = (await signIn(h, 'admin.a@pricing.test')).accessToken;
    dispatcher = (await signIn(h, 'dispatch.a@pricing.test')).accessToken;
    courier = (await signIn(h, 'courier.a@pricing.test')).accessToken;
    otherAdmin = (await signIn(h, 'admin.b@pricing.test')).accessToken;
  });
  afterAll(() => h?.close());

  const as = (token: string) => {
    const auth = (req: ReturnType<ReturnType<IdentityHarness['http']>['get']>) =>
      req.set('Authorization', `Bearer ${token}`);
    return {
      list: () => auth(h.http().get('/api/pricing/rule-sets')),
      get: (id: string) => auth(h.http().get(`/api/pricing/rule-sets/${id}`)),
      create: (body: object) => auth(h.http().post('/api/pricing/rule-sets')).send(body),
      update: (id: string, body: object) => auth(h.http().patch(`/api/pricing/rule-sets/${id}`)).send(body),
      archive: (id: string) => auth(h.http().post(`/api/pricing/rule-sets/${id}/archive`)).send({}),
      setDefault: (id: string) => auth(h.http().post(`/api/pricing/rule-sets/${id}/default`)).send({}),
      reorder: (id: string, ruleIds: string[]) =>
        auth(h.http().put(`/api/pricing/rule-sets/${id}/order`)).send({ ruleIds }),
      quote: (body: object) => auth(h.http().post('/api/pricing/quote')).send(body),
    };
  };
  const countRows = async (table: string) =>
    Number((await h.su.query(`select count(*) from ${table} where coop_id = $1`, [coopA])).rows[0].count);

  it('a coop without a default rule set answers 422 PRICE_NO_RULE, never a price of 0', async () => {
    const res = await as(admin).quote(quoteOf());
    expect([res.status, res.body.code]).toEqual([422, 'PRICE_NO_RULE']);
    expect(res.body.details).toEqual({ ruleSetId: null, ruleSetName: null, evaluated: [] });
  });

  let city: PricingRuleSetView;

  it('creates a rule set (the coop’s first becomes its default) in the coop’s currency', async () => {
    const res = await as(admin).create(CITY_RULES);
    expect(res.status).toBe(201);
    city = res.body;
    expect(city).toMatchObject({ name: 'City', currency: 'EUR', isDefault: true, archived: false, vatRateBp: 2000 });
    expect(city.rules.map((r) => [r.position, r.label, r.priceKind])).toEqual([
      [0, 'Base', 'fixed'],
      [1, 'Distance', 'per_km'],
      [2, 'Centre pickup', 'fixed'],
      [3, 'Heavy', 'percentage'],
    ]);
    // fields of another kind are not stored
    expect(city.rules[0]).toMatchObject({ percentBp: null, kmRanges: null, formula: null });
    const list = await as(admin).list();
    expect(list.body).toMatchObject({ total: 1, items: [{ id: city.id, rules: 4, isDefault: true }] });
  });

  it('quotes with the default rule set: lines, VAT on top and why each rule matched', async () => {
    const res = await as(admin).quote(quoteOf());
    expect(res.status).toBe(200);
    const b = res.body as PriceBreakdown;
    expect(b.distanceKm).toBeGreaterThan(2);
    const perKm = Math.round((b.distanceKm - 2) * 100);
    expect(b.lines.map((l) => [l.label, l.amountMinor])).toEqual([
      ['Base', 500],
      ['Distance', perKm],
      ['Centre pickup', 150],
    ]);
    expect(b).toMatchObject({
      ruleSetId: city.id,
      currency: 'EUR',
      amountExclVatMinor: 650 + perKm,
      vatMinor: Math.round((650 + perKm) * 0.2),
      amountMinor: 650 + perKm + Math.round((650 + perKm) * 0.2),
    });
    expect(b.evaluated.map((e) => e.matched)).toEqual([true, true, true, false]);
    expect(b.evaluated[3]).toMatchObject({
      reason: 'condition is false: weight_kg > 20 (weight_kg = 3)',
      why: { code: 'condition_false', expression: 'weight_kg > 20', values: [{ name: 'weight_kg', value: 3 }] },
      taskIndex: null,
    });
    // a dispatcher may test quotes too
    expect((await as(dispatcher).quote(quoteOf())).body.amountMinor).toBe(b.amountMinor);
  });

  it('refuses broken expressions and rules at save time, field by field, and stores nothing', async () => {
    const before = await countRows('pricing_rules');
    const res = await as(admin).create({
      ...CITY_RULES,
      name: 'Broken',
      rules: [
        { label: 'Typo', condition: 'distnce_km > 3', priceKind: 'fixed', amountMinor: 100 },
        { label: 'Escape', condition: 'vehicle.constructor', priceKind: 'fixed', amountMinor: 100 },
        { label: 'Zone', condition: 'in_zone("dropoff", "Moon")', priceKind: 'fixed', amountMinor: 100 },
        { label: 'Formula', condition: '', priceKind: 'formula', formula: 'process.exit(1)' },
        { label: 'No amount', condition: '', priceKind: 'fixed' },
        {
          label: 'Ranges',
          condition: '',
          priceKind: 'per_km',
          kmRanges: [
            { fromKm: 0, toKm: null, perKmMinor: 1 },
            { fromKm: 3, toKm: 2, perKmMinor: 1 },
          ],
        },
      ],
    });
    expect([res.status, res.body.code]).toEqual([400, 'PRICE_EXPRESSION_INVALID']);
    expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['rules.0.condition', 'PRICE_EXPRESSION_INVALID'],
      ['rules.1.condition', 'PRICE_EXPRESSION_INVALID'],
      ['rules.2.condition', 'PRICE_EXPRESSION_INVALID'],
      ['rules.3.formula', 'PRICE_EXPRESSION_INVALID'],
      ['rules.4.amountMinor', 'PRICE_RULE_INVALID'],
      ['rules.5.kmRanges.0.toKm', 'PRICE_RULE_INVALID'],
      ['rules.5.kmRanges.1.toKm', 'PRICE_RULE_INVALID'],
    ]);
    expect(res.body.errors[0].message).toMatch(/^at character 1: unknown variable "distnce_km"/);
    expect(res.body.errors[0].params).toMatchObject({ reason: 'unknown_variable', position: 1, name: 'distnce_km' });
    expect(res.body.errors[1].params).toMatchObject({ reason: 'syntax', position: null, message: expect.any(String) });
    expect(res.body.errors[2].message).toMatch(/no zone is named “Moon” \(the coop’s zones: centre\)/);
    expect(res.body.errors[2].params).toEqual({
      reason: 'unknown_zone',
      position: null,
      zone: 'Moon',
      known: 'centre',
    });
    expect(res.body.errors[4].params).toBeUndefined();
    expect(await countRows('pricing_rules')).toBe(before);
    expect(await countRows('pricing_rule_sets')).toBe(1);
  });

  it('refuses bad bodies with 400 and the field: unknown fields, kinds, VAT rates', async () => {
    const cases: Array<[object, string, string]> = [
      [{ ...CITY_RULES, extra: 1 }, 'VALIDATION_FAILED', 'extra'],
      [{ ...CITY_RULES, strategy: 'cheapest' }, 'VALIDATION_FAILED', 'strategy'],
      [
        { ...CITY_RULES, rules: [{ label: 'x', condition: '', priceKind: 'bribe' }] },
        'VALIDATION_FAILED',
        'rules.0.priceKind',
      ],
      [
        { ...CITY_RULES, rules: [{ label: 'x', condition: 'x'.repeat(501), priceKind: 'fixed', amountMinor: 1 }] },
        'VALIDATION_FAILED',
        'rules.0.condition',
      ],
      [{ ...CITY_RULES, vatRateBp: 1234 }, 'VAT_RATE_NOT_ALLOWED', 'vatRateBp'],
    ];
    for (const [body, code, field] of cases) {
      const res = await as(admin).create(body);
      expect([res.status, res.body.code, res.body.errors?.[0]?.field]).toEqual([400, code, field]);
    }
    const quote = await as(admin).quote({
      ...quoteOf(),
      tasks: [
        { type: 'pickup', ...BELLECOUR },
        { type: 'pickup', lat: 91, lng: 0 },
      ],
    });
    expect([quote.status, quote.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const shape = await as(admin).quote({
      tasks: [
        { type: 'pickup', ...BELLECOUR },
        { type: 'pickup', ...BELLECOUR },
      ],
    });
    expect([shape.status, shape.body.code]).toEqual([400, 'DELIVERY_SHAPE_INVALID']);
  });

  it('edits the rules: a new order, a changed condition; no rule left matching → 422 with the reasons', async () => {
    const ids = city.rules.map((r) => r.id);
    const reordered = await as(admin).reorder(city.id, [ids[3], ids[0], ids[1], ids[2]]);
    expect(reordered.status).toBe(200);
    expect(reordered.body.rules.map((r: { label: string }) => r.label)).toEqual([
      'Heavy',
      'Base',
      'Distance',
      'Centre pickup',
    ]);
    const mismatch = await as(admin).reorder(city.id, [ids[0], ids[1]]);
    expect([mismatch.status, mismatch.body.code]).toEqual([409, 'REORDER_MISMATCH']);
    const twice = await as(admin).reorder(city.id, [ids[0], ids[0], ids[1], ids[2]]);
    expect([twice.status, twice.body.code]).toEqual([409, 'REORDER_MISMATCH']);

    const updated = await as(admin).update(city.id, {
      strategy: 'first_match',
      rules: [
        { id: ids[0], label: 'Cargo only', condition: 'vehicle == "cargo_bike"', priceKind: 'fixed', amountMinor: 900 },
      ],
    });
    expect(updated.status).toBe(200);
    expect(updated.body.rules).toEqual([expect.objectContaining({ id: ids[0], label: 'Cargo only', position: 0 })]);

    const none = await as(admin).quote(quoteOf({ vehicleType: 'bike' }));
    expect([none.status, none.body.code]).toEqual([422, 'PRICE_NO_RULE']);
    expect(none.body.details).toEqual({
      ruleSetId: city.id,
      ruleSetName: 'City',
      evaluated: [
        {
          ruleId: ids[0],
          label: 'Cargo only',
          matched: false,
          reason: 'condition is false: vehicle == "cargo_bike" (vehicle = "bike")',
          why: {
            code: 'condition_false',
            expression: 'vehicle == "cargo_bike"',
            values: [{ name: 'vehicle', value: 'bike' }],
          },
          taskIndex: null,
        },
      ],
    });
    const cargo = await as(admin).quote(quoteOf({ vehicleType: 'cargo_bike' }));
    // prices include VAT? no: 900 + 20 %
    expect([cargo.status, cargo.body.amountMinor, cargo.body.vatMinor]).toEqual([200, 1080, 180]);
  });

  it('dispatchers read and quote but cannot change; couriers see nothing', async () => {
    expect((await as(dispatcher).get(city.id)).status).toBe(200);
    expect((await as(dispatcher).create(CITY_RULES)).status).toBe(403);
    expect((await as(dispatcher).update(city.id, { name: 'Mine' })).status).toBe(403);
    expect((await as(courier).list()).status).toBe(403);
    expect((await as(courier).quote(quoteOf())).status).toBe(403);
  });

  it('another coop’s rule set is invisible: 404 on every route, its list and its quote its own', async () => {
    expect((await as(otherAdmin).get(city.id)).status).toBe(404);
    expect((await as(otherAdmin).update(city.id, { name: 'Taken' })).status).toBe(404);
    expect((await as(otherAdmin).setDefault(city.id)).status).toBe(404);
    expect((await as(otherAdmin).archive(city.id)).status).toBe(404);
    expect((await as(otherAdmin).reorder(city.id, [city.rules[0].id])).status).toBe(404);
    expect((await as(otherAdmin).quote(quoteOf({ ruleSetId: city.id }))).status).toBe(404);
    expect((await as(otherAdmin).list()).body).toEqual({ items: [], total: 0 });
    expect((await as(otherAdmin).quote(quoteOf())).body.code).toBe('PRICE_NO_RULE');
    // the zone names of coop A are not coop B's either
    const zone = await as(otherAdmin).create({
      ...CITY_RULES,
      rules: [{ label: 'Centre', condition: 'in_zone("pickup", "Centre")', priceKind: 'fixed', amountMinor: 1 }],
    });
    expect([zone.status, zone.body.code]).toEqual([400, 'PRICE_EXPRESSION_INVALID']);
  });

  it('one default per coop; an archived set is read-only and no longer the default', async () => {
    const second = (await as(admin).create({ ...CITY_RULES, name: 'Night' })).body as PricingRuleSetView;
    expect(second.isDefault).toBe(false);
    const made = await as(admin).setDefault(second.id);
    expect(made.body.isDefault).toBe(true);
    expect((await as(admin).get(city.id)).body.isDefault).toBe(false);
    expect(
      (await h.su.query('select count(*) from pricing_rule_sets where coop_id = $1 and is_default', [coopA])).rows[0]
        .count,
    ).toBe('1');

    const archived = await as(admin).archive(second.id);
    expect(archived.body).toMatchObject({ archived: true, isDefault: false });
    const refused = await as(admin).update(second.id, { name: 'Again' });
    expect([refused.status, refused.body.code]).toEqual([409, 'RULE_SET_ARCHIVED']);
    expect((await as(admin).setDefault(second.id)).body.code).toBe('RULE_SET_ARCHIVED');
    // no default any more: quotes say so; a named rule set still quotes
    expect((await as(admin).quote(quoteOf())).body.code).toBe('PRICE_NO_RULE');
    expect((await as(admin).quote(quoteOf({ ruleSetId: city.id, vehicleType: 'cargo_bike' }))).status).toBe(200);
  });

  it('two rule sets created, then made the default, at the same moment: both answered, exactly one default', async () => {
    // no default now (archived above): each create would make itself the coop's first default
    const [a, b] = await Promise.all([
      as(admin).create({ ...CITY_RULES, name: 'Race A' }),
      as(admin).create({ ...CITY_RULES, name: 'Race B' }),
    ]);
    const answers = await Promise.all([as(admin).setDefault(a.body.id), as(admin).setDefault(b.body.id)]);
    expect([a.status, b.status, a.body.code, b.body.code]).toEqual([201, 201, undefined, undefined]);
    expect(answers.map((res) => res.status)).toEqual([200, 200]);
    const defaults = await h.su.query('select id from pricing_rule_sets where coop_id = $1 and is_default', [coopA]);
    expect(defaults.rows).toHaveLength(1);
    expect([a.body.id, b.body.id]).toContain(defaults.rows[0].id);
  });

  it('per task: each task is priced by the rules that read its own variables', async () => {
    const perTask = await as(admin).create({
      name: 'Per stop',
      strategy: 'first_match',
      scope: 'per_task',
      vatRateBp: 2000,
      pricesIncludeVat: true,
      rules: [
        { label: 'Pickup', condition: 'task_type == "pickup"', priceKind: 'fixed', amountMinor: 400 },
        {
          label: 'Dropoff leg',
          condition: 'task_type == "dropoff"',
          priceKind: 'formula',
          formula: '200 + round(100 * leg_km)',
        },
      ],
    });
    expect(perTask.status).toBe(201);
    const quote = await as(admin).quote(quoteOf({ ruleSetId: perTask.body.id }));
    expect(quote.status).toBe(200);
    const b = quote.body as PriceBreakdown;
    expect(b.lines.map((l) => [l.label, l.taskIndex])).toEqual([
      ['Pickup', 0],
      ['Dropoff leg', 1],
    ]);
    expect(b.lines[1].amountMinor).toBe(200 + Math.round(100 * b.distanceKm));
    expect(b.amountMinor).toBe(b.amountExclVatMinor + b.vatMinor);
    // the task variables are refused in a per-delivery rule set, at save time
    const refused = await as(admin).update(perTask.body.id, { scope: 'per_delivery' });
    expect([refused.status, refused.body.code, refused.body.errors[0].field]).toEqual([
      400,
      'PRICE_EXPRESSION_INVALID',
      'rules.0.condition',
    ]);
  });
});
