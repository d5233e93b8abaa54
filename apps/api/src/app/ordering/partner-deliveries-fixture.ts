import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import type { PartnerPrincipal, PartnerScope } from '@federacycle/contracts';
import { TenantContext } from '@federacycle/platform-database';

/**
 * A partner client row and the principal the partner strategies would put on its requests (as
 * superuser): the service-level specs act as it (the HTTP specs use `createPartner`'s credentials).
 */
export async function insertPartnerClient(
  su: Client,
  coopId: string,
  name: string,
  merchantId: string | null,
  scopes: PartnerScope[] = ['deliveries'],
): Promise<PartnerPrincipal> {
  const { rows } = await su.query<{ id: string }>(
    `insert into partner_clients (coop_id, name, kind, merchant_id, scopes) values ($1, $2, 'shop', $3, $4) returning id`,
    [coopId, name, merchantId, scopes],
  );
  const { rows: coop } = await su.query<{ slug: string }>('select slug from coops where id = $1', [coopId]);
  return {
    kind: 'partner',
    coopId,
    coopSlug: coop[0]?.slug as string,
    clientId: rows[0]?.id as string,
    clientName: name,
    merchantId,
    scopes,
    credentialId: randomUUID(),
  };
}

/** Runs `fn` in the partner's work context (its coop; no person acts). */
export function asPartner<T>(partner: PartnerPrincipal, fn: () => Promise<T>): Promise<T> {
  return TenantContext.run({ coopId: partner.coopId, actorId: null, requestId: randomUUID() }, fn);
}

/** The coop serves a 5 km circle around Lyon's centre. */
export async function serveLyon(su: Client, coopId: string): Promise<void> {
  await su.query(
    `insert into coop_service_areas (coop_id, centre_lat, centre_lng, radius_m) values ($1, 45.76, 4.835, 5000)`,
    [coopId],
  );
}

/**
 * The coop's default pricing rule set (pricing's tables, as superuser): "Base" 5 € a delivery and
 * "Per dropoff" 1 € for each stop after the first (sum of matches, per delivery, VAT included). Returns its id.
 */
export async function insertRuleSet(su: Client, coopId: string): Promise<string> {
  const { rows } = await su.query<{ id: string }>(
    `insert into pricing_rule_sets (coop_id, name, strategy, scope, currency, vat_rate_bp, is_default)
     values ($1, 'City', 'sum_of_matches', 'per_delivery', 'EUR', 2000, true) returning id`,
    [coopId],
  );
  const id = rows[0]?.id as string;
  await su.query(
    `insert into pricing_rules (coop_id, rule_set_id, position, label, condition, price_kind, amount_minor)
     values ($1, $2, 0, 'Base', 'distance_km < 100', 'fixed', 500)`,
    [coopId, id],
  );
  await su.query(
    `insert into pricing_rules (coop_id, rule_set_id, position, label, condition, price_kind, amount_minor, included_stops)
     values ($1, $2, 1, 'Per dropoff', 'distance_km < 100', 'per_stop', 100, 1)`,
    [coopId, id],
  );
  return id;
}
