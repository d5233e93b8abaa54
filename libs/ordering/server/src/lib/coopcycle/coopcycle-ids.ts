import type { Tx } from '@federacycle/platform-database';

export type CoopcycleKind = 'delivery' | 'task';

/**
 * CoopCycle's integer id of a delivery or task of the transaction's coop, given on first use:
 * each coop numbers its deliveries and tasks from 1 (`coopcycle_ids`, migration 0064). Numbering
 * takes a per-(coop, kind) advisory lock, so concurrent first uses never take the same number.
 */
export async function coopcycleNumbers(
  tx: Tx,
  kind: CoopcycleKind,
  refIds: readonly string[],
): Promise<Map<string, number>> {
  const coopId = tx.coopId;
  if (coopId === null) throw new Error('coopcycleNumbers(): this unit of work has no coop');
  const read = async () =>
    new Map(
      (
        await tx.query<{ ref_id: string; number: string }>(
          'select ref_id, number from coopcycle_ids where coop_id = $1 and kind = $2 and ref_id = any($3::uuid[])',
          [coopId, kind, refIds],
        )
      ).map((r) => [r.ref_id, Number(r.number)]),
    );
  const known = await read();
  const missing = refIds.filter((id, i) => !known.has(id) && refIds.indexOf(id) === i);
  if (missing.length === 0) return known;
  await tx.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [`coopcycle-ids|${coopId}|${kind}`]);
  await tx.execute(
    `insert into coopcycle_ids (coop_id, kind, number, ref_id)
     select $1, $2, base.n + m.i, m.ref_id
       from (select coalesce(max(number), 0) as n from coopcycle_ids where coop_id = $1 and kind = $2) base,
            unnest($3::uuid[]) with ordinality as m(ref_id, i)
     on conflict (coop_id, kind, ref_id) do nothing`,
    [coopId, kind, missing],
  );
  return read();
}

/** The delivery or task an integer id names in the transaction's coop, or null. */
export async function coopcycleRef(tx: Tx, kind: CoopcycleKind, number: number): Promise<string | null> {
  const row = await tx.maybeOne<{ ref_id: string }>(
    'select ref_id from coopcycle_ids where coop_id = $1 and kind = $2 and number = $3',
    [tx.coopId, kind, number],
  );
  return row?.ref_id ?? null;
}
