import { randomBytes, randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { newApiKey } from '@federacycle/ordering-server';
import {
  partnerRoute,
  type CoopFixture,
  type Expectation,
  type PartnerFixture,
  type Role,
} from '../isolation/access-expectation';
import { PRICING_EXPECTED } from './pricing.expected-access';

/**
 * The expected access of ordering's routes, as the isolation suite probes them (roles from the
 * abilities of 'PartnerClient': only the coop admin manages the coop's API clients).
 */
const ADMINS: Role[] = ['coop_admin'];
const READERS: Role[] = ['coop_admin', 'dispatcher'];

/** Every coop's partner-created delivery (a client, a delivery, its partner_deliveries row), by coop. */
const partnerDeliveries = new Map<string, string>();
async function partnerDeliveryFixture(su: Client, coop: CoopFixture): Promise<void> {
  if (partnerDeliveries.has(coop.id)) return;
  const client = await su.query<{ id: string }>(
    `insert into partner_clients (coop_id, name, kind, scopes) values ($1, $2, 'site', '{deliveries}') returning id`,
    [coop.id, `fixture partner ${coop.canary}`.slice(0, 120)],
  );
  const delivery = await su.query<{ id: string }>(
    `insert into deliveries (coop_id, reference, tracking_token, source) values ($1, $2, $3, 'partner_api') returning id`,
    [coop.id, `partner ${coop.canary}`.slice(0, 80), randomBytes(32).toString('base64url')],
  );
  const deliveryId = delivery.rows[0]?.id as string;
  await su.query(`insert into partner_deliveries (coop_id, delivery_id, client_id) values ($1, $2, $3)`, [
    coop.id,
    deliveryId,
    client.rows[0]?.id,
  ]);
  partnerDeliveries.set(coop.id, deliveryId);
}

/** Each partner's delivery (its canary in the reference) and quote, written as superuser; CoopCycle numbers per coop. */
async function partnerDeliveryFor(su: Client, p: PartnerFixture): Promise<void> {
  if (p.refs['delivery']) return;
  const delivery = await su.query<{ id: string }>(
    `insert into deliveries (coop_id, reference, tracking_token, source) values ($1, $2, $3, 'partner_api') returning id`,
    [p.coop.id, `ref ${p.canary}`.slice(0, 80), randomBytes(32).toString('base64url')],
  );
  const deliveryId = delivery.rows[0]?.id as string;
  await su.query(
    `insert into delivery_tasks (coop_id, delivery_id, kind, seq, address, lat, lng)
     values ($1, $2, 'pickup', 0, $3, 45.76, 4.83), ($1, $2, 'dropoff', 1, $3, 45.77, 4.85)`,
    [p.coop.id, deliveryId, `stop ${p.canary}`],
  );
  await su.query(`insert into partner_deliveries (coop_id, delivery_id, client_id) values ($1, $2, $3)`, [
    p.coop.id,
    deliveryId,
    p.clientId,
  ]);
  const quote = await su.query<{ id: string }>(
    `insert into partner_quotes (coop_id, client_id, request, amount_minor, currency, breakdown, expires_at)
     values ($1, $2, '{}', 700, 'EUR', '{}', now() + interval '1 day') returning id`,
    [p.coop.id, p.clientId],
  );
  const number = await su.query<{ n: string }>(
    `insert into coopcycle_ids (coop_id, kind, number, ref_id)
     select $1, 'delivery', coalesce(max(number), 0) + 1, $2 from coopcycle_ids where coop_id = $1 and kind = 'delivery'
     returning number as n`,
    [p.coop.id, deliveryId],
  );
  // the coop's time slot (one per coop, its name carrying the coop's canary)
  await su.query(
    `insert into time_slots (coop_id, name, interval_minutes, opening_hours) values ($1, $2, 120, 'Mo-Su 08:00-20:00')
     on conflict (coop_id, name) do nothing`,
    [p.coop.id, `Partner slot ${p.coop.canary}`.slice(0, 80)],
  );
  const slot = await su.query<{ id: string }>('select id from time_slots where coop_id = $1 and name = $2', [
    p.coop.id,
    `Partner slot ${p.coop.canary}`.slice(0, 80),
  ]);
  p.refs['slot'] = slot.rows[0]?.id as string;
  p.refs['delivery'] = deliveryId;
  p.refs['quote'] = quote.rows[0]?.id as string;
  p.refs['coopcycleDelivery'] = number.rows[0]?.n as string;
}
/**
 * The CoopCycle number of the target's delivery as the actor's coop would resolve it: the target's
 * own number when both are of one coop, else a number of the actor's coop that is not the actor's
 * (the other partner's), so a foreign delivery is never reachable by number either.
 */
const numberIn = (actor: PartnerFixture, target: PartnerFixture): string =>
  target.coop === actor.coop ? ref(target, 'coopcycleDelivery') : `${Number(ref(actor, 'coopcycleDelivery')) + 1000}`;
const foreignSlot = (actor: PartnerFixture, target: PartnerFixture): string =>
  target.coop === actor.coop ? randomUUID() : ref(target, 'slot');
const ref = (p: PartnerFixture, name: string) => {
  const id = p.refs[name];
  // people's probes of a partner route aim at the suite's placeholder partner (they are refused with 401)
  if (!id && p.coop.slug === 'none') return name === 'coopcycleDelivery' ? '1' : '00000000-0000-4000-8000-000000000000';
  if (!id) throw new Error(`no partner fixture ${name} for ${p.coop.slug}/${p.label}`);
  return id;
};

/** A partner client with one API key in every coop (refs `partnerClient`, `partnerKey`), carrying the canary. */
async function partnerClientFixture(su: Client, coop: CoopFixture): Promise<void> {
  if (coop.refs['partnerClient']) return;
  const client = await su.query<{ id: string }>(
    `insert into partner_clients (coop_id, name, kind, scopes) values ($1, $2, 'site', '{deliveries}') returning id`,
    [coop.id, `managed ${coop.canary}`],
  );
  const key = newApiKey();
  const row = await su.query<{ id: string }>(
    'insert into partner_api_keys (coop_id, client_id, prefix, key_hash) values ($1, $2, $3, $4) returning id',
    [coop.id, client.rows[0]?.id, key.prefix, key.hash],
  );
  coop.refs['partnerClient'] = client.rows[0]?.id as string;
  coop.refs['partnerKey'] = row.rows[0]?.id as string;
}

/** A coop admin's write on a foreign coop's partner client: 404, nothing changed. */
const credentialWrite = (permission: string, path: (f: CoopFixture) => string): Expectation => ({
  permission,
  kind: 'write',
  allowed: ADMINS,
  fixture: partnerClientFixture,
  probe: (f) => ({ method: 'post', url: `/api/partner-clients/${f.refs['partnerClient']}${path(f)}`, body: {} }),
});
/** The CoopCycle-compatible base URL of a coop of the isolation suite (`coop-a`...). */
const coopcycle = (coop: CoopFixture) => `/coopcycle/coop-${coop.slug}`;

/** each coop's fixture webhook subscription and one of its deliveries, by coop id: probes aim at a foreign coop's */
const hooksOf = new Map<string, { subscription: string; delivery: string }>();
const foreignHooks = (f: CoopFixture) => {
  const ids = hooksOf.get(f.id);
  if (!ids) throw new Error(`no fixture webhook subscription for coop ${f.slug}`);
  return ids;
};

/** A subscription (its URL carries the canary) with one logged delivery (its body carries it too). */
async function webhookFixture(su: Client, coop: CoopFixture): Promise<void> {
  if (hooksOf.has(coop.id)) return;
  const sub = await su.query<{ id: string }>(
    `insert into webhook_subscriptions (coop_id, url, events, secret_encrypted, secret_hint)
     values ($1, $2, '{delivery.completed}', '\\x00', 'whsec_fixt…') returning id`,
    [coop.id, `https://hooks.example/${coop.canary}`],
  );
  const subscription = sub.rows[0]?.id as string;
  const delivery = await su.query<{ id: string }>(
    `insert into webhook_deliveries (coop_id, subscription_id, event, event_id, request_body)
     values ($1, $2, 'delivery.completed', gen_random_uuid(), $3) returning id`,
    [coop.id, subscription, JSON.stringify({ canary: coop.canary })],
  );
  hooksOf.set(coop.id, { subscription, delivery: delivery.rows[0]?.id as string });
}

/** A partner's own subscription (URL with its canary) and one logged delivery: `refs.webhookSubscription`, `refs.webhookDelivery`. */
async function partnerWebhookFixture(su: Client, partner: PartnerFixture): Promise<void> {
  if (partner.refs['webhookSubscription']) return;
  const sub = await su.query<{ id: string }>(
    `insert into webhook_subscriptions (coop_id, client_id, url, events, secret_encrypted, secret_hint)
     values ($1, $2, $3, '{delivery.completed}', '\\x00', 'whsec_fixt…') returning id`,
    [partner.coop.id, partner.clientId, `https://hooks.example/${partner.canary}`],
  );
  const subscription = sub.rows[0]?.id as string;
  const delivery = await su.query<{ id: string }>(
    `insert into webhook_deliveries (coop_id, subscription_id, event, event_id, request_body)
     values ($1, $2, 'delivery.completed', gen_random_uuid(), $3) returning id`,
    [partner.coop.id, subscription, JSON.stringify({ canary: partner.canary })],
  );
  partner.refs['webhookSubscription'] = subscription;
  partner.refs['webhookDelivery'] = delivery.rows[0]?.id as string;
}
const theirHook = (t: PartnerFixture) => `/api/partner/v1/webhooks/${t.refs['webhookSubscription']}`;

const hookProbeUrl = () => `https://93.184.215.14/probe-${randomBytes(3).toString('hex')}`;

export const ORDERING_EXPECTED: Record<string, Expectation> = {
  // pricing rule sets and the quote tester
  ...PRICING_EXPECTED,
  'GET /api/partner-clients': {
    permission: 'read:PartnerClient',
    kind: 'list',
    allowed: ADMINS,
    probe: () => ({ method: 'get', url: '/api/partner-clients' }),
    fixture: (su, coop) =>
      su.query(`insert into partner_clients (coop_id, name, kind, scopes) values ($1, $2, 'shop', '{deliveries}')`, [
        coop.id,
        `client ${coop.canary}`,
      ]),
  },
  'POST /api/partner-clients': {
    permission: 'create:PartnerClient',
    kind: 'write',
    allowed: ADMINS,
    status: 201,
    probe: () => ({
      method: 'post',
      url: '/api/partner-clients',
      body: { name: `probe ${randomBytes(3).toString('hex')}`, kind: 'site', scopes: ['deliveries:read'] },
    }),
  },
  'GET /api/webhooks/subscriptions': {
    permission: 'read:Webhook',
    kind: 'list',
    allowed: ADMINS,
    probe: () => ({ method: 'get', url: '/api/webhooks/subscriptions' }),
    fixture: webhookFixture,
  },
  'POST /api/webhooks/subscriptions': {
    permission: 'create:Webhook',
    kind: 'write',
    allowed: ADMINS,
    status: 201,
    probe: () => ({
      method: 'post',
      url: '/api/webhooks/subscriptions',
      body: { url: hookProbeUrl(), events: ['delivery.completed'] },
    }),
  },
  'GET /api/webhooks/subscriptions/:id': {
    permission: 'read:Webhook',
    kind: 'read',
    allowed: ADMINS,
    probe: (f) => ({ method: 'get', url: `/api/webhooks/subscriptions/${foreignHooks(f).subscription}` }),
  },
  'PATCH /api/webhooks/subscriptions/:id': {
    permission: 'update:Webhook',
    kind: 'write',
    allowed: ADMINS,
    probe: (f) => ({
      method: 'patch',
      url: `/api/webhooks/subscriptions/${foreignHooks(f).subscription}`,
      body: { enabled: false },
    }),
  },
  'POST /api/webhooks/subscriptions/:id/rotate-secret': {
    permission: 'update:Webhook',
    kind: 'write',
    allowed: ADMINS,
    probe: (f) => ({
      method: 'post',
      url: `/api/webhooks/subscriptions/${foreignHooks(f).subscription}/rotate-secret`,
      body: {},
    }),
  },
  'DELETE /api/webhooks/subscriptions/:id': {
    permission: 'delete:Webhook',
    kind: 'write',
    allowed: ADMINS,
    probe: (f) => ({ method: 'delete', url: `/api/webhooks/subscriptions/${foreignHooks(f).subscription}` }),
  },
  'GET /api/webhooks/subscriptions/:id/deliveries': {
    permission: 'read:Webhook',
    kind: 'read',
    allowed: ADMINS,
    probe: (f) => ({ method: 'get', url: `/api/webhooks/subscriptions/${foreignHooks(f).subscription}/deliveries` }),
  },
  'POST /api/webhooks/subscriptions/:id/deliveries/:deliveryId/replay': {
    permission: 'update:Webhook',
    kind: 'write',
    allowed: ADMINS,
    probe: (f) => ({
      method: 'post',
      url: `/api/webhooks/subscriptions/${foreignHooks(f).subscription}/deliveries/${foreignHooks(f).delivery}/replay`,
      body: {},
    }),
  },
  // which partner created a delivery: the coop's people who read deliveries; a foreign coop's answers 404
  'GET /api/ordering/deliveries/:id/partner': {
    permission: 'read:Delivery',
    kind: 'read',
    allowed: READERS,
    probe: (f) => ({ method: 'get', url: `/api/ordering/deliveries/${partnerDeliveries.get(f.id)}/partner` }),
    fixture: partnerDeliveryFixture,
  },
  // partner authentication: the token endpoint is public (a bad request is refused as RFC 6749 says)
  'POST /api/partner/oauth2/token': {
    permission: 'public',
    kind: 'fixed',
    allowed: 'everyone',
    status: 400,
    probe: () => ({ method: 'post', url: '/api/partner/oauth2/token', body: {} }),
  },
  // who a partner credential speaks for: its own client, never another's
  'GET /api/partner/v1/me': partnerRoute('any', {
    kind: 'list',
    probe: () => ({ method: 'get', url: '/api/partner/v1/me' }),
  }),
  // the coop admin's management of a client's credentials: another coop's client is 404
  'GET /api/partner-clients/:id/credentials': {
    permission: 'read:PartnerClient',
    kind: 'read',
    allowed: ADMINS,
    fixture: partnerClientFixture,
    probe: (f) => ({ method: 'get', url: `/api/partner-clients/${f.refs['partnerClient']}/credentials` }),
  },
  'POST /api/partner-clients/:id/api-keys': credentialWrite('update:PartnerClient', () => '/api-keys'),
  'POST /api/partner-clients/:id/api-keys/:keyId/rotate': credentialWrite(
    'update:PartnerClient',
    (f) => `/api-keys/${f.refs['partnerKey']}/rotate`,
  ),
  'POST /api/partner-clients/:id/api-keys/:keyId/revoke': credentialWrite(
    'update:PartnerClient',
    (f) => `/api-keys/${f.refs['partnerKey']}/revoke`,
  ),
  'POST /api/partner-clients/:id/oauth-secret': credentialWrite('update:PartnerClient', () => '/oauth-secret'),
  'POST /api/partner-clients/:id/revoke': credentialWrite('update:PartnerClient', () => '/revoke'),
  // the CoopCycle-compatible surface: the same partner auth under /coopcycle/<slug>
  'POST /coopcycle/:slug/oauth2/token': {
    permission: 'public',
    kind: 'fixed',
    allowed: 'everyone',
    status: 400,
    probe: (f) => ({ method: 'post', url: `${coopcycle(f)}/oauth2/token`, body: {} }),
  },
  'GET /coopcycle/:slug/api/me': partnerRoute('any', {
    kind: 'list',
    probe: (_target, actor) => ({ method: 'get', url: `${coopcycle(actor.coop)}/api/me` }),
  }),
  // any store but the client's own: 403 (a store of the target's coop that no partner speaks for)
  'GET /coopcycle/:slug/api/stores/:id': partnerRoute('any', {
    kind: 'read',
    status: 403,
    probe: (target, actor) => ({
      method: 'get',
      url: `${coopcycle(actor.coop)}/api/stores/${target.coop.refs['otherMerchant'] ?? target.clientId}`,
    }),
  }),
  // a partner's own webhook subscriptions: another partner's (of this coop or another) are 404
  'GET /api/partner/v1/webhooks': partnerRoute('webhooks', {
    kind: 'list',
    probe: () => ({ method: 'get', url: '/api/partner/v1/webhooks' }),
    fixture: partnerWebhookFixture,
  }),
  'POST /api/partner/v1/webhooks': partnerRoute('webhooks', {
    // the suite checks the coop is unchanged after every partner probe: a refused body shows the
    // route reaches the use case (400, not 401/403); webhooks.int-spec creates through it
    kind: 'fixed',
    status: 400,
    probe: () => ({
      method: 'post',
      url: '/api/partner/v1/webhooks',
      body: { url: 'ftp://hooks.example/x', events: ['delivery.completed'] },
    }),
  }),
  'PATCH /api/partner/v1/webhooks/:id': partnerRoute('webhooks', {
    kind: 'write',
    probe: (t) => ({ method: 'patch', url: theirHook(t), body: { enabled: false } }),
  }),
  'POST /api/partner/v1/webhooks/:id/rotate-secret': partnerRoute('webhooks', {
    kind: 'write',
    probe: (t) => ({ method: 'post', url: `${theirHook(t)}/rotate-secret`, body: {} }),
  }),
  // CoopCycle's webhooks: a client's own, under its coop's base URL (another partner's: 404)
  'GET /coopcycle/:slug/api/webhooks': partnerRoute('webhooks', {
    kind: 'list',
    probe: (_target, actor) => ({ method: 'get', url: `${coopcycle(actor.coop)}/api/webhooks` }),
    fixture: partnerWebhookFixture,
  }),
  'POST /coopcycle/:slug/api/webhooks': partnerRoute('webhooks', {
    // a refused body shows the route reaches the use case (400) and the coop stays unchanged
    kind: 'fixed',
    status: 400,
    probe: (_target, actor) => ({
      method: 'post',
      url: `${coopcycle(actor.coop)}/api/webhooks`,
      body: { url: '', event: 'delivery.completed' },
    }),
  }),
  'DELETE /coopcycle/:slug/api/webhooks/:id': partnerRoute('webhooks', {
    kind: 'write',
    probe: (t, actor) => ({
      method: 'delete',
      url: `${coopcycle(actor.coop)}/api/webhooks/${t.refs['webhookSubscription']}`,
    }),
  }),
  'DELETE /api/partner/v1/webhooks/:id': partnerRoute('webhooks', {
    kind: 'write',
    probe: (t) => ({ method: 'delete', url: theirHook(t) }),
  }),
  'GET /api/partner/v1/webhooks/:id/deliveries': partnerRoute('webhooks', {
    kind: 'read',
    probe: (t) => ({ method: 'get', url: `${theirHook(t)}/deliveries` }),
  }),
  'POST /api/partner/v1/webhooks/:id/deliveries/:deliveryId/replay': partnerRoute('webhooks', {
    kind: 'write',
    probe: (t) => ({
      method: 'post',
      url: `${theirHook(t)}/deliveries/${t.refs['webhookDelivery']}/replay`,
      body: {},
    }),
  }),
  // the partner delivery API: every partner probes another coop's partner and its own coop's other partner
  'POST /api/partner/v1/deliveries': partnerRoute('deliveries', {
    kind: 'write',
    // creating with another partner's quote: 404, as a quote that does not exist
    probe: (target) => ({ method: 'post', url: '/api/partner/v1/deliveries', body: { quoteId: ref(target, 'quote') } }),
    fixture: partnerDeliveryFor,
  }),
  'POST /api/partner/v1/deliveries/check': partnerRoute('deliveries', {
    kind: 'write',
    status: 200,
    probe: (target) => ({
      method: 'post',
      url: '/api/partner/v1/deliveries/check',
      body: { quoteId: ref(target, 'quote') },
    }),
    fixture: partnerDeliveryFor,
  }),
  'GET /api/partner/v1/deliveries': partnerRoute('deliveries:read', {
    kind: 'list',
    probe: () => ({ method: 'get', url: '/api/partner/v1/deliveries?limit=200' }),
    fixture: partnerDeliveryFor,
  }),
  'GET /api/partner/v1/deliveries/:id': partnerRoute('deliveries:read', {
    kind: 'read',
    probe: (target) => ({ method: 'get', url: `/api/partner/v1/deliveries/${ref(target, 'delivery')}` }),
    fixture: partnerDeliveryFor,
  }),
  'POST /api/partner/v1/deliveries/:id/cancel': partnerRoute('deliveries', {
    kind: 'write',
    probe: (target) => ({
      method: 'post',
      url: `/api/partner/v1/deliveries/${ref(target, 'delivery')}/cancel`,
      body: {},
    }),
    fixture: partnerDeliveryFor,
  }),
  'POST /api/partner/v1/quotes': partnerRoute('deliveries', {
    kind: 'write',
    // a quote is asked for a request, never for another quote: refused before anything is read
    status: 400,
    probe: (target) => ({ method: 'post', url: '/api/partner/v1/quotes', body: { quoteId: ref(target, 'quote') } }),
    fixture: partnerDeliveryFor,
  }),
  'POST /api/partner/v1/quotes/:id/confirm': partnerRoute('deliveries', {
    kind: 'write',
    probe: (target) => ({ method: 'post', url: `/api/partner/v1/quotes/${ref(target, 'quote')}/confirm`, body: {} }),
    fixture: partnerDeliveryFor,
  }),
  // CoopCycle's delivery endpoints, under the actor's own coop's base URL: another partner's
  // delivery (its number in the target's coop) answers 404, a foreign coop's slug too
  'GET /coopcycle/:slug/api/deliveries/:id': partnerRoute('deliveries:read', {
    kind: 'read',
    probe: (target, actor) => ({
      method: 'get',
      url: `${coopcycle(actor.coop)}/api/deliveries/${numberIn(actor, target)}`,
    }),
    fixture: partnerDeliveryFor,
  }),
  'DELETE /coopcycle/:slug/api/deliveries/:id': partnerRoute('deliveries', {
    kind: 'write',
    probe: (target, actor) => ({
      method: 'delete',
      url: `${coopcycle(actor.coop)}/api/deliveries/${numberIn(actor, target)}`,
    }),
    fixture: partnerDeliveryFor,
  }),
  'POST /coopcycle/:slug/api/deliveries': partnerRoute('deliveries', {
    // the coop is unchanged after every partner probe: an empty body is CoopCycle's 400 violation list
    kind: 'fixed',
    status: 400,
    probe: (_target, actor) => ({ method: 'post', url: `${coopcycle(actor.coop)}/api/deliveries`, body: {} }),
  }),
  // a foreign coop's time slot through the actor's own base URL (slots are the whole coop's: a slot
  // of the actor's own coop is its to read, so the same-coop probe aims at no slot at all)
  'GET /coopcycle/:slug/api/time_slots/:id': partnerRoute('deliveries:read', {
    kind: 'read',
    probe: (target, actor) => ({
      method: 'get',
      url: `${coopcycle(actor.coop)}/api/time_slots/${foreignSlot(actor, target)}`,
    }),
    fixture: partnerDeliveryFor,
  }),
  'GET /coopcycle/:slug/api/time_slots/:id/choices': partnerRoute('deliveries:read', {
    kind: 'read',
    probe: (target, actor) => ({
      method: 'get',
      url: `${coopcycle(actor.coop)}/api/time_slots/${foreignSlot(actor, target)}/choices`,
    }),
    fixture: partnerDeliveryFor,
  }),
};
