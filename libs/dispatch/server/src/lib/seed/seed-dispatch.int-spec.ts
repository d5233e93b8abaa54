import { Client } from 'pg';
import { FEDERATION_ENTITIES } from '@federacycle/federation-server';
import { FLEET_ENTITIES, seedFleet } from '@federacycle/fleet-server';
import { GEO_ENTITIES, seedGeo } from '@federacycle/geo-server';
import { IDENTITY_ENTITIES, seedIdentity } from '@federacycle/identity-server';
import { MERCHANTS_ENTITIES, seedMerchants } from '@federacycle/merchants-server';
import { Database } from '@federacycle/platform-database';
import { STORAGE_ENTITIES } from '@federacycle/platform-storage';
import { createTestDatabase, type TestDatabase } from '@federacycle/platform-testing';
import type { TaskKind, TaskState } from '@federacycle/contracts';
import { DISPATCH_ENTITIES } from '../dispatch.entities';
import { seedTimeSlots } from '../time-slots/seed-time-slots';
import { deliveryStateOf } from '../shared/task-state-machine';
import { demoTrackingTokens, seedDispatch } from './seed-dispatch';

describe('seedDispatch', () => {
  let testDb: TestDatabase;
  let db: Database;
  let su: Client;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = await Database.connect({
      url: testDb.appUrl,
      max: 2,
      entities: [
        ...IDENTITY_ENTITIES,
        ...FEDERATION_ENTITIES,
        ...GEO_ENTITIES,
        ...MERCHANTS_ENTITIES,
        ...STORAGE_ENTITIES,
        ...FLEET_ENTITIES,
        ...DISPATCH_ENTITIES,
      ],
    });
    su = new Client({ connectionString: testDb.superUrl });
    await su.connect();
  });
  afterAll(async () => {
    await db?.close();
    await su?.end();
    await testDb?.drop();
  });

  const dump = async () => {
    const parts = await Promise.all(
      ['deliveries', 'delivery_tasks', 'task_assignments', 'task_events'].map((t) =>
        su.query(`select to_jsonb(t) as r from ${t} t order by to_jsonb(t)::text`),
      ),
    );
    return JSON.stringify(parts.map((p) => p.rows));
  };

  it('gives Lyon a live day of 150 deliveries in every state, consistent with the state machine; idempotent', async () => {
    const now = new Date('2026-12-07T12:00:00Z');
    await seedIdentity(db, { password: 'seed-password-123' });
    await seedGeo(db);
    await seedMerchants(db);
    await seedFleet(db, { now });
    const first = await seedDispatch(db, { now });
    expect(first.deliveries).toEqual({ lyon: 150 });

    const states = await su.query<{ state: string; n: number }>(
      'select state, count(*)::int as n from deliveries group by state order by state',
    );
    expect(Object.fromEntries(states.rows.map((r) => [r.state, r.n]))).toEqual({
      cancelled: 7,
      completed: 60,
      failed: 8,
      in_progress: 40,
      open: 35,
    });
    const taskStates = await su.query<{ state: string }>('select distinct state from delivery_tasks order by state');
    expect(taskStates.rows.map((r) => r.state)).toEqual(['assigned', 'cancelled', 'done', 'failed', 'open', 'started']);

    // each delivery's state is the one the state machine derives from its tasks
    const tasks = await su.query<{ delivery_id: string; d_state: string; kind: TaskKind; state: TaskState }>(
      `select t.delivery_id, d.state as d_state, t.kind, t.state from delivery_tasks t join deliveries d on d.coop_id = t.coop_id and d.id = t.delivery_id`,
    );
    const byDelivery = new Map<string, { state: string; tasks: typeof tasks.rows }>();
    for (const t of tasks.rows) {
      const entry = byDelivery.get(t.delivery_id) ?? { state: t.d_state, tasks: [] };
      entry.tasks.push(t);
      byDelivery.set(t.delivery_id, entry);
    }
    for (const [id, entry] of byDelivery) {
      const derived = deliveryStateOf(
        entry.tasks.map((t, i) => ({
          id: `${id}-${i}`,
          kind: t.kind,
          state: t.state,
          supersededBy: null,
        })),
      );
      expect([id, derived]).toEqual([id, entry.state]);
    }
    // every assigned, started, done or failed task has its active assignment; open and cancelled none
    const orphans = await su.query(
      `select t.id, t.state from delivery_tasks t
         left join task_assignments a on a.coop_id = t.coop_id and a.task_id = t.id and a.ended_at is null
        where (t.state in ('assigned', 'started', 'done', 'failed')) <> (a.id is not null)`,
    );
    expect(orphans.rows).toEqual([]);
    // events in order: each task's last event reaches its state
    const lastEvents = await su.query(
      `select t.id from delivery_tasks t
        where t.state <> (select e.to_state from task_events e where e.coop_id = t.coop_id and e.task_id = t.id order by e.at desc, e.type = 'created' limit 1)`,
    );
    expect(lastEvents.rows).toEqual([]);
    // the live work is on couriers on duty with a position
    const riders = await su.query(
      `select distinct a.courier_id from task_assignments a join delivery_tasks t on t.coop_id = a.coop_id and t.id = a.task_id
        where t.state in ('assigned', 'started') and not exists (
          select 1 from courier_locations l where l.coop_id = a.coop_id and l.courier_id = a.courier_id)`,
    );
    expect(riders.rows).toEqual([]);
    const tokens = await demoTrackingTokens(db);
    expect(tokens.underWay).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokens.delivered).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const before = await dump();
    const again = await seedDispatch(db, { now: new Date(now.getTime() + 3_600_000) });
    expect(again).toEqual(first);
    expect(await dump()).toBe(before);
  });

  it("seeds Lyon's time slot once", async () => {
    const slot = await seedTimeSlots(db);
    expect(slot).toMatch(/^[0-9a-f-]{36}$/);
    expect(await seedTimeSlots(db)).toBe(slot);
  });
});
