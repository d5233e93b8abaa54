/**
 * Which partner client a delivery's events go to. Until the partner delivery API records the
 * client that created each delivery (`partner_deliveries`), a client hears of the deliveries of
 * its own merchant (its store); a client bound to no merchant hears of none. This SQL condition is
 * the one place to switch (`$1` coop, `$3` delivery id, `c` the subscription's partner client):
 * with partner_deliveries it becomes
 * `exists (select 1 from partner_deliveries p where p.coop_id = $1 and p.client_id = c.id and p.delivery_id = $3)`.
 */
export const PARTNER_OWNS_DELIVERY_SQL = `(c.merchant_id is not null and c.merchant_id =
   (select d.merchant_id from deliveries d where d.coop_id = $1 and d.id = $3))`;
