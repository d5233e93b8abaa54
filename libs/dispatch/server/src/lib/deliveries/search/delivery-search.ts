import type { DeliverySearch, DeliverySummaryView } from '@federacycle/contracts';
import { ApiException } from '@federacycle/platform-http';
import type { DeliveryTask } from '../delivery-task.entity';
import type { Delivery } from '../delivery.entity';

/**
 * The Deliveries page's search: one constant statement whose filters are each `($n is null or …)`,
 * so every combination is one prepared text. The coop and the creation date narrow first
 * (`deliveries_created`, `deliveries_state`, `deliveries_merchant`); the courier filter reads the
 * active assignments (`task_assignments_courier`) and the address filter scans the tasks of the
 * deliveries left (`delivery_tasks_delivery`). Days are the coop's (Europe/Paris for now).
 */

/** A row of the search under the view's names, typed from the entities (the window total aside). */
export type DeliverySummaryRow = Pick<Delivery, 'id' | 'reference' | 'state'> & {
  pickups: number;
  dropoffs: number;
  from: DeliveryTask['address'] | null;
  to: DeliveryTask['address'] | null;
  after: DeliveryTask['windowAfter'];
  before: DeliveryTask['windowBefore'];
  merchant_id: Delivery['merchantId'];
  merchant_name: string | null;
  courier_name: string | null;
  created_at: Delivery['createdAt'];
};

const SELECT = `select d.id, d.reference, d.state, d.created_at, d.merchant_id, m.name as merchant_name,
       (select count(*)::int from delivery_tasks t where t.coop_id = d.coop_id and t.delivery_id = d.id and t.kind = 'pickup' and t.superseded_by is null) as pickups,
       (select count(*)::int from delivery_tasks t where t.coop_id = d.coop_id and t.delivery_id = d.id and t.kind = 'dropoff' and t.superseded_by is null) as dropoffs,
       (select t.address from delivery_tasks t where t.coop_id = d.coop_id and t.delivery_id = d.id and t.kind = 'pickup' order by t.seq limit 1) as "from",
       (select t.address from delivery_tasks t where t.coop_id = d.coop_id and t.delivery_id = d.id and t.kind = 'dropoff' order by t.seq limit 1) as "to",
       (select min(t.window_after) from delivery_tasks t where t.coop_id = d.coop_id and t.delivery_id = d.id) as after,
       (select max(t.window_before) from delivery_tasks t where t.coop_id = d.coop_id and t.delivery_id = d.id) as before,
       (select c.display_name from delivery_tasks t
          join task_assignments a on a.coop_id = t.coop_id and a.task_id = t.id and a.ended_at is null
          join couriers c on c.coop_id = a.coop_id and c.id = a.courier_id
         where t.coop_id = d.coop_id and t.delivery_id = d.id
         order by t.kind = 'dropoff' desc, t.seq, t.attempt desc limit 1) as courier_name`;

const FROM_WHERE = `
  from deliveries d
  left join merchants m on m.coop_id = d.coop_id and m.id = d.merchant_id
 where d.coop_id = $1
   and ($2::text is null or d.state = $2)
   and ($3::date is null or d.created_at >= $3::date::timestamp at time zone 'Europe/Paris')
   and ($4::date is null or d.created_at < ($4::date + 1)::timestamp at time zone 'Europe/Paris')
   and ($5::uuid is null or d.merchant_id = $5)
   and ($6::uuid is null or exists (
         select 1 from task_assignments a
           join delivery_tasks t on t.coop_id = a.coop_id and t.id = a.task_id
          where a.coop_id = d.coop_id and a.courier_id = $6 and a.ended_at is null and t.delivery_id = d.id))
   and ($7::text is null or exists (
         select 1 from delivery_tasks t
          where t.coop_id = d.coop_id and t.delivery_id = d.id and t.address ilike $7 escape '\\'))`;

/** One page of the list, newest first, with the filtered total ($8 limit, $9 offset). */
export const SEARCH_PAGE_SQL = `${SELECT}, count(*) over () as total${FROM_WHERE}
 order by d.created_at desc, d.id desc
 limit $8 offset $9`;

/** The filtered total alone (a page past the end has no row to carry it). */
export const SEARCH_COUNT_SQL = `select count(*)::int as n${FROM_WHERE}`;

/** The export's next batch after the keyset ($8 created_at, $9 id; null for the first), $10 rows. */
export const SEARCH_BATCH_SQL = `${SELECT}${FROM_WHERE}
   and ($8::timestamptz is null or (d.created_at, d.id) < ($8::timestamptz, $9::uuid))
 order by d.created_at desc, d.id desc
 limit $10`;

/** `%piece%` for ilike, with the pattern's own characters escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function isDay(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The filters as the statements' parameters $1..$7; a bad date range is 400 DATE_RANGE_INVALID. */
export function searchParams(coopId: string, search: DeliverySearch): unknown[] {
  for (const [field, value] of [
    ['from', search.from],
    ['to', search.to],
  ] as const) {
    if (value !== undefined && !isDay(value)) {
      throw new ApiException(400, 'DATE_RANGE_INVALID', `${field} is not a day of the calendar: ${value.slice(0, 10)}`);
    }
  }
  if (search.from && search.to && search.to < search.from) {
    throw new ApiException(
      400,
      'DATE_RANGE_INVALID',
      `The range ends (${search.to}) before it starts (${search.from})`,
    );
  }
  const address = search.address?.trim();
  return [
    coopId,
    search.state ?? null,
    search.from ?? null,
    search.to ?? null,
    search.merchantId ?? null,
    search.courierId ?? null,
    address ? containsPattern(address) : null,
  ];
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toSummaryView(r: DeliverySummaryRow): DeliverySummaryView {
  return {
    id: r.id,
    reference: r.reference,
    state: r.state,
    pickups: r.pickups,
    dropoffs: r.dropoffs,
    from: r.from ?? '',
    to: r.to ?? '',
    after: iso(r.after),
    before: iso(r.before),
    merchantId: r.merchant_id,
    merchantName: r.merchant_name,
    courierName: r.courier_name,
    createdAt: r.created_at.toISOString(),
  };
}
