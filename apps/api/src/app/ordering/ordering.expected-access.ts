import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import type { CoopFixture, Expectation, Role } from '../isolation/access-expectation';
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
  // which partner created a delivery: the coop's people who read deliveries; a foreign coop's answers 404
  'GET /api/ordering/deliveries/:id/partner': {
    permission: 'read:Delivery',
    kind: 'read',
    allowed: READERS,
    probe: (f) => ({ method: 'get', url: `/api/ordering/deliveries/${partnerDeliveries.get(f.id)}/partner` }),
    fixture: partnerDeliveryFixture,
  },
};
