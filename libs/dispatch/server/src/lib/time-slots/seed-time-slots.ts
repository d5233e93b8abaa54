import { Coop, type Database } from '@federacycle/platform-database';

/** Lyon's demo time slot: two-hour windows, Monday to Saturday, an hour's notice, 8 deliveries a window. */
export const DEMO_TIME_SLOT = {
  name: 'Afternoons, 2 hours',
  intervalMinutes: 120,
  openingHours: 'Mo-Sa 10:00-20:00; PH off',
  priorNoticeMinutes: 60,
  capacity: 8,
};

/** Seeds Lyon's time slot (idempotent: a slot of that name is left as it is). Returns its id, or null without Lyon. */
export async function seedTimeSlots(db: Database): Promise<string | null> {
  const coop = await db.platform(({ manager }) =>
    manager.findOne(Coop, { where: { slug: 'lyon' }, select: { id: true } }),
  );
  if (!coop) return null;
  return db.forCoop(coop.id, async (tx) => {
    await tx.execute(
      `insert into time_slots (coop_id, name, interval_minutes, opening_hours, prior_notice_minutes, capacity)
       values ($1, $2, $3, $4, $5, $6) on conflict (coop_id, name) do nothing`,
      [
        coop.id,
        DEMO_TIME_SLOT.name,
        DEMO_TIME_SLOT.intervalMinutes,
        DEMO_TIME_SLOT.openingHours,
        DEMO_TIME_SLOT.priorNoticeMinutes,
        DEMO_TIME_SLOT.capacity,
      ],
    );
    const row = await tx.one<{ id: string }>('select id from time_slots where coop_id = $1 and name = $2', [
      coop.id,
      DEMO_TIME_SLOT.name,
    ]);
    return row.id;
  });
}
