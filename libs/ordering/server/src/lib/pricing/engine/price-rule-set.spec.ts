import type { PricingInput, PricingRuleFields } from '@federacycle/contracts';
import { divRound, perKmAmount, priceWithRuleSet, splitVat, type RuleSetToPrice } from './price-rule-set';
import { quoteFacts } from './quote-facts';

// Lyon: Bellecour → Croix-Rousse is about 2.1 km as the crow flies
const BELLECOUR = { lat: 45.7578, lng: 4.832 };
const CROIX_ROUSSE = { lat: 45.7765, lng: 4.8273 };
const GERLAND = { lat: 45.7277, lng: 4.8327 };

const zonesAt = (point: { lat: number; lng: number }) => (point.lat < 45.77 && point.lat > 45.75 ? ['centre'] : []);
const NOW = new Date('2026-12-07T09:00:00Z'); // a Monday, 10:00 in Lyon

function input(overrides: Partial<PricingInput> = {}, dropoffs = [CROIX_ROUSSE]): PricingInput {
  return {
    tasks: [
      { type: 'pickup', ...BELLECOUR, weightGrams: 2500, packages: [{ type: 'box', quantity: 2 }] },
      ...dropoffs.map((p) => ({ type: 'dropoff' as const, ...p })),
    ],
    ...overrides,
  };
}

let ids = 0;
const rule = (fields: Partial<PricingRuleFields> & Pick<PricingRuleFields, 'priceKind'>) => ({
  id: `r${++ids}`,
  label: fields.label ?? `${fields.priceKind} rule`,
  condition: '',
  ...fields,
});

function set(rules: RuleSetToPrice['rules'], overrides: Partial<RuleSetToPrice> = {}): RuleSetToPrice {
  return {
    id: 'set',
    name: 'Lyon',
    strategy: 'sum_of_matches',
    scope: 'per_delivery',
    currency: 'EUR',
    vatRateBp: 2000,
    pricesIncludeVat: false,
    rules,
    ...overrides,
  };
}

function price(ruleSet: RuleSetToPrice, quote: PricingInput = input()) {
  return priceWithRuleSet(ruleSet, quoteFacts(quote, { zonesAt, timeZone: 'Europe/Paris', now: NOW }));
}

function breakdown(ruleSet: RuleSetToPrice, quote?: PricingInput) {
  const outcome = price(ruleSet, quote);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.evaluated));
  return outcome.breakdown;
}

describe('quote facts', () => {
  it('measures the route pickups → dropoffs with the haversine, and reads the coop’s wall clock', () => {
    const facts = quoteFacts(input({ vehicleType: 'cargo_bike' }, [CROIX_ROUSSE, GERLAND]), {
      zonesAt,
      timeZone: 'Europe/Paris',
      now: NOW,
    });
    expect(facts.distanceKm).toBeGreaterThan(2);
    expect(facts.distanceKm).toBeLessThan(8);
    expect(facts.delivery.variables).toMatchObject({
      weight_kg: 2.5,
      packages: 2,
      stops: 3,
      pickups: 1,
      dropoffs: 2,
      hour: 10,
      weekday: 'mon',
      lead_time_min: 0,
      vehicle: 'cargo_bike',
    });
    expect([...facts.delivery.zones.pickup]).toEqual(['centre']);
    expect(facts.tasks.map((t) => t.variables['leg_km'])).toEqual([0, expect.any(Number), expect.any(Number)]);
  });

  it('lead time and hour come from the first pickup’s window', () => {
    const later = input();
    later.tasks[0].after = '2026-12-07T18:30:00Z';
    const facts = quoteFacts(later, { zonesAt, timeZone: 'Europe/Paris', now: NOW });
    expect(facts.delivery.variables).toMatchObject({ lead_time_min: 570, hour: 19 });
  });
});

describe('pricing a quote', () => {
  it('sums every matching rule (sum of matches), with VAT added on top', () => {
    const b = breakdown(
      set([
        rule({ priceKind: 'fixed', amountMinor: 500, label: 'Base' }),
        rule({ priceKind: 'per_package', amountMinor: 100, condition: 'packages > 1' }),
        rule({ priceKind: 'fixed', amountMinor: 9999, condition: 'weight_kg > 10' }),
      ]),
    );
    expect(b.lines.map((l) => l.amountMinor)).toEqual([500, 200]);
    expect(b.evaluated.map((e) => e.matched)).toEqual([true, true, false]);
    expect(b.evaluated[2].reason).toBe('condition is false: weight_kg > 10 (weight_kg = 2.5)');
    expect(b.evaluated[2].why).toEqual({
      code: 'condition_false',
      expression: 'weight_kg > 10',
      values: [{ name: 'weight_kg', value: 2.5 }],
    });
    expect(b.evaluated[0]).toMatchObject({
      reason: 'always; fixed 500',
      why: { code: 'matched', expression: null, values: [], price: { kind: 'fixed', amountMinor: 500 } },
      taskIndex: null,
    });
    expect(b.evaluated[1].why).toMatchObject({
      code: 'matched',
      price: { kind: 'per_package', count: 2, amountMinor: 100, packageType: null },
    });
    expect(b).toMatchObject({ amountExclVatMinor: 700, vatMinor: 140, amountMinor: 840, vatRateBp: 2000 });
  });

  it('first match: the first matching price rule prices; later ones are not evaluated', () => {
    const b = breakdown(
      set(
        [
          rule({ priceKind: 'fixed', amountMinor: 300, condition: 'distance_km < 1', label: 'Short' }),
          rule({ priceKind: 'fixed', amountMinor: 600, condition: 'distance_km < 5', label: 'Medium' }),
          rule({ priceKind: 'fixed', amountMinor: 900, label: 'Long' }),
        ],
        { strategy: 'first_match', pricesIncludeVat: true },
      ),
    );
    expect(b.lines).toEqual([{ ruleId: expect.any(String), label: 'Medium', amountMinor: 600, taskIndex: null }]);
    expect(b.evaluated.map((e) => [e.label, e.matched])).toEqual([
      ['Short', false],
      ['Medium', true],
      ['Long', false],
    ]);
    expect(b.evaluated[2].reason).toMatch(/not evaluated: an earlier rule priced it/);
    expect(b.evaluated[2].why).toEqual({ code: 'not_evaluated' });
    // VAT included: 600 = 500 + 100
    expect(b).toMatchObject({ amountMinor: 600, amountExclVatMinor: 500, vatMinor: 100 });
  });

  it('a percentage surcharge is a share of the other lines, in first match too', () => {
    const b = breakdown(
      set(
        [
          rule({ priceKind: 'percentage', percentBp: 2500, condition: 'weekday == "mon"', label: 'Monday' }),
          rule({ priceKind: 'fixed', amountMinor: 801, label: 'Base' }),
        ],
        { strategy: 'first_match' },
      ),
    );
    // 25 % of 801 = 200.25 → 200
    expect(b.lines.map((l) => [l.label, l.amountMinor])).toEqual([
      ['Base', 801],
      ['Monday', 200],
    ]);
    expect(b.amountExclVatMinor).toBe(1001);
  });

  it('per-km ranges are charged band by band; beyond the last band the rule does not match', () => {
    const ranges = [
      { fromKm: 0, toKm: 2, perKmMinor: 0 },
      { fromKm: 2, toKm: 5, perKmMinor: 100 },
      { fromKm: 5, toKm: 10, perKmMinor: 150 },
    ];
    expect(perKmAmount(ranges, 1.5)).toEqual({ amount: 0 });
    expect(perKmAmount(ranges, 4)).toEqual({ amount: 200 });
    expect(perKmAmount(ranges, 7.5)).toEqual({ amount: 300 + 375 });
    expect(perKmAmount(ranges, 12)).toEqual({ problem: { code: 'no_range', distanceKm: 12, lastKm: 10 } });
    expect(perKmAmount([], 1)).toEqual({ problem: { code: 'no_ranges' } });
    const beyond = price(
      set([
        rule({
          priceKind: 'per_km',
          kmRanges: [{ fromKm: 0, toKm: 0.5, perKmMinor: 100 }],
          condition: 'distance_km > 0',
        }),
      ]),
    );
    expect(!beyond.ok && beyond.evaluated[0]).toMatchObject({
      reason: expect.stringMatching(
        /^distance_km > 0 \(distance_km = [\d.]+\), but no range covers [\d.]+ km \(the ranges end at 0.5 km\)$/,
      ),
      why: { code: 'no_price', expression: 'distance_km > 0', problem: { code: 'no_range', lastKm: 0.5 } },
    });
    expect(perKmAmount([{ fromKm: 0, toKm: null, perKmMinor: 120 }], 3.333)).toEqual({ amount: 400 });
  });

  it('per stop counts the stops beyond those included', () => {
    const b = breakdown(
      set([rule({ priceKind: 'per_stop', amountMinor: 250, includedStops: 2 })]),
      input({}, [CROIX_ROUSSE, GERLAND, CROIX_ROUSSE]),
    );
    expect(b.lines[0].amountMinor).toBe(500);
  });

  it('a formula prices in minor units; a negative or non-number result does not match', () => {
    expect(
      breakdown(set([rule({ priceKind: 'formula', formula: '300 + 120 * distance_km' })])).lines[0].amountMinor,
    ).toBe(Math.round(300 + 120 * quoteFacts(input(), { zonesAt, timeZone: 'Europe/Paris', now: NOW }).distanceKm));
    const outcome = price(set([rule({ priceKind: 'formula', formula: '0 - distance_km' })]));
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.evaluated[0].reason).toMatch(/not a price/);
    expect(!outcome.ok && outcome.evaluated[0].why).toMatchObject({
      code: 'no_price',
      problem: { code: 'formula_not_price', value: expect.stringMatching(/^-/) },
    });
  });

  it('per task: each task is priced by the rules, lines name their task', () => {
    const b = breakdown(
      set(
        [
          rule({ priceKind: 'fixed', amountMinor: 400, condition: 'task_type == "pickup"', label: 'Pickup' }),
          rule({ priceKind: 'fixed', amountMinor: 300, condition: 'in_zone("task", "Centre")', label: 'Centre stop' }),
          rule({ priceKind: 'per_km', kmRanges: [{ fromKm: 0, toKm: null, perKmMinor: 100 }], label: 'Leg' }),
        ],
        { scope: 'per_task', strategy: 'first_match' },
      ),
    );
    expect(b.lines.map((l) => [l.label, l.taskIndex])).toEqual([
      ['Pickup', 0],
      ['Leg', 1],
    ]);
    expect(b.evaluated[0].reason).toMatch(/^task 1: /);
    expect(b.evaluated.map((e) => e.taskIndex)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(b.evaluated[5].why).toMatchObject({ code: 'matched', price: { kind: 'per_km' } });
  });

  it('per task: one task no rule prices makes the whole quote unpriced', () => {
    const outcome = price(
      set([rule({ priceKind: 'fixed', amountMinor: 400, condition: 'task_type == "pickup"' })], { scope: 'per_task' }),
    );
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.evaluated.map((e) => e.matched)).toEqual([true, false]);
  });

  it('no rule matches: no price, and why for each rule (never a price of 0)', () => {
    const outcome = price(
      set([
        rule({ priceKind: 'fixed', amountMinor: 500, condition: 'vehicle == "car"' }),
        rule({ priceKind: 'percentage', percentBp: 1000 }),
      ]),
    );
    expect(outcome).toEqual({
      ok: false,
      evaluated: [
        expect.objectContaining({ matched: false, reason: 'condition is false: vehicle == "car" (vehicle = "")' }),
        expect.objectContaining({
          matched: false,
          reason: 'always; 10 % of the subtotal, but no price rule matched to apply it to',
          why: { code: 'surcharge_unused', expression: null, values: [], percent: 10 },
        }),
      ],
    });
    expect(price(set([])).ok).toBe(false);
  });

  it('a condition that is not true or false does not match, and says so', () => {
    const outcome = price(set([rule({ priceKind: 'fixed', amountMinor: 1, condition: 'distance_km' })]));
    expect(!outcome.ok && outcome.evaluated[0].reason).toMatch(/not true or false/);
    expect(!outcome.ok && outcome.evaluated[0].why).toMatchObject({
      code: 'condition_not_boolean',
      expression: 'distance_km',
      value: expect.any(String),
    });
  });
});

describe('VAT in minor units', () => {
  it('adds VAT rounded half up, or takes it out of a price that includes it', () => {
    expect(splitVat(1234, 2000, false)).toEqual({ amountExclVatMinor: 1234, vatMinor: 247, amountMinor: 1481 });
    expect(splitVat(1200, 2000, true)).toEqual({ amountMinor: 1200, amountExclVatMinor: 1000, vatMinor: 200 });
    // 1001 / 1.2 = 834.17 → 834 excl., 167 VAT: the parts always add up to the total
    expect(splitVat(1001, 2000, true)).toEqual({ amountMinor: 1001, amountExclVatMinor: 834, vatMinor: 167 });
    expect(splitVat(999, 550, false)).toEqual({ amountExclVatMinor: 999, vatMinor: 55, amountMinor: 1054 });
    expect(splitVat(500, 0, true)).toEqual({ amountMinor: 500, amountExclVatMinor: 500, vatMinor: 0 });
  });

  it('rounds halves away from zero', () => {
    expect(divRound(5, 10)).toBe(1);
    expect(divRound(-5, 10)).toBe(-1);
    expect(divRound(25 * 2000, 10_000)).toBe(5);
    expect(divRound(2 * 2500, 10_000)).toBe(1);
  });
});
