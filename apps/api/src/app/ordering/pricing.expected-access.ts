import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import type { CoopFixture, Expectation, Role } from '../isolation/access-expectation';

/**
 * The expected access of pricing's routes: coop admins manage rule sets (abilities of 'Pricing');
 * dispatchers read them and test quotes.
 */
const READERS: Role[] = ['coop_admin', 'dispatcher'];
const ADMINS: Role[] = ['coop_admin'];

/** each coop's fixture rule set (its default, a rule labelled with the canary), by coop id */
const ruleSetOf = new Map<string, { id: string; ruleId: string }>();
const foreignSet = (f: CoopFixture) => {
  const set = ruleSetOf.get(f.id);
  if (!set) throw new Error(`no fixture rule set for coop ${f.slug}`);
  return set;
};

async function fixture(su: Client, coop: CoopFixture): Promise<void> {
  if (ruleSetOf.has(coop.id)) return;
  const set = await su.query<{ id: string }>(
    `insert into pricing_rule_sets (coop_id, name, strategy, scope, currency, vat_rate_bp, is_default)
     values ($1, $2, 'sum_of_matches', 'per_delivery', 'EUR', 2000, true) returning id`,
    [coop.id, `Rules ${coop.canary}`],
  );
  const id = set.rows[0]?.id as string;
  const rule = await su.query<{ id: string }>(
    `insert into pricing_rules (coop_id, rule_set_id, position, label, condition, price_kind, amount_minor)
     values ($1, $2, 0, $3, 'distance_km < 100', 'fixed', 700) returning id`,
    [coop.id, id, `Base ${coop.canary}`],
  );
  ruleSetOf.set(coop.id, { id, ruleId: rule.rows[0]?.id as string });
}

const ruleSetBody = () => ({
  name: `Probe ${randomBytes(3).toString('hex')}`,
  strategy: 'first_match',
  scope: 'per_delivery',
  vatRateBp: 2000,
  pricesIncludeVat: true,
  rules: [{ label: 'Base', condition: '', priceKind: 'fixed', amountMinor: 500 }],
});

const quoteBody = (ruleSetId: string) => ({
  tasks: [
    { type: 'pickup', lat: 45.7578, lng: 4.832 },
    { type: 'dropoff', lat: 45.7765, lng: 4.8273 },
  ],
  ruleSetId,
});

export const PRICING_EXPECTED: Record<string, Expectation> = {
  'GET /api/pricing/rule-sets': {
    permission: 'read:Pricing',
    kind: 'list',
    allowed: READERS,
    probe: () => ({ method: 'get', url: '/api/pricing/rule-sets' }),
    fixture,
  },
  'POST /api/pricing/rule-sets': {
    permission: 'create:Pricing',
    kind: 'write',
    allowed: ADMINS,
    status: 201,
    probe: () => ({ method: 'post', url: '/api/pricing/rule-sets', body: ruleSetBody() }),
  },
  'GET /api/pricing/rule-sets/:ruleSetId': {
    permission: 'read:Pricing',
    kind: 'read',
    allowed: READERS,
    probe: (f) => ({ method: 'get', url: `/api/pricing/rule-sets/${foreignSet(f).id}` }),
  },
  'PATCH /api/pricing/rule-sets/:ruleSetId': {
    permission: 'update:Pricing',
    kind: 'write',
    allowed: ADMINS,
    probe: (f) => ({ method: 'patch', url: `/api/pricing/rule-sets/${foreignSet(f).id}`, body: { name: 'Taken' } }),
  },
  'POST /api/pricing/rule-sets/:ruleSetId/archive': {
    permission: 'update:Pricing',
    kind: 'write',
    allowed: ADMINS,
    probe: (f) => ({ method: 'post', url: `/api/pricing/rule-sets/${foreignSet(f).id}/archive`, body: {} }),
  },
  'POST /api/pricing/rule-sets/:ruleSetId/default': {
    permission: 'update:Pricing',
    kind: 'write',
    allowed: ADMINS,
    probe: (f) => ({ method: 'post', url: `/api/pricing/rule-sets/${foreignSet(f).id}/default`, body: {} }),
  },
  'PUT /api/pricing/rule-sets/:ruleSetId/order': {
    permission: 'update:Pricing',
    kind: 'write',
    allowed: ADMINS,
    probe: (f) => ({
      method: 'put',
      url: `/api/pricing/rule-sets/${foreignSet(f).id}/order`,
      body: { ruleIds: [foreignSet(f).ruleId] },
    }),
  },
  // a quote with another coop's rule set: not found, and nothing of it in the answer
  'POST /api/pricing/quote': {
    permission: 'read:Pricing',
    kind: 'body',
    allowed: READERS,
    status: 404,
    probe: (f) => ({ method: 'post', url: '/api/pricing/quote', body: quoteBody(foreignSet(f).id) }),
  },
};
