/**
 * Which partner client a delivery's events go to: the client that created it through the partner
 * API or CoopCycle's endpoints (`partner_deliveries`, migration 0064). Deliveries made in the
 * console or the storefront belong to no partner. This SQL condition is the one place that decides
 * (`$1` coop, `$3` delivery id, `c` the subscription's partner client).
 */
export const PARTNER_OWNS_DELIVERY_SQL = `exists (select 1 from partner_deliveries p
   where p.coop_id = $1 and p.client_id = c.id and p.delivery_id = $3)`;
