import { CoopExportRegistry, Database } from '@federacycle/platform-database';
import { insertCoop, insertUser, signIn, startHarness, type IdentityHarness } from '../identity/identity-harness';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('dispatch over HTTP: deliveries, tasks, assignment (real PostgreSQL as fc_app)', () => {
  let h: IdentityHarness;
  let coopA: string;
  const token: Record<string, string> = {};
  const user: Record<string, string> = {};
  /** courier profile ids */
  const courier: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHarness();
    // one listening server: supertest would otherwise listen anew for each of the racing requests
    await new Promise<void>((resolve) =>
      (h.app.getHttpServer() as import('node:http').Server).listen(0, '127.0.0.1', resolve),
    );
    coopA = await insertCoop(h.su, 'dispatch-a', 'Dispatch A');
    const coopB = await insertCoop(h.su, 'dispatch-b', 'Dispatch B');
    const people: Array<[string, string, Array<[string, string[]]>]> = [
      ['admin', 'Admin A', [[coopA, ['coop_admin']]]],
      ['dispatcher', 'Dispatcher A', [[coopA, ['dispatcher']]]],
      ['ana', 'Ana Rider', [[coopA, ['courier']]]],
      ['bo', 'Bo Rider', [[coopA, ['courier']]]],
      ['dispatcherb', 'Dispatcher B', [[coopB, ['dispatcher']]]],
      ['dee', 'Dee Rider B', [[coopB, ['courier']]]],
    ];
    for (const [key, name, memberships] of people) {
      user[key] = await insertUser(h, `${key}@dispatch.test`, name, memberships);
      token[key] = (await signIn(h, `${key}@dispatch.test`)).accessToken;
    }
    for (const [key, coop] of [
      ['ana', coopA],
      ['bo', coopA],
      ['dee', coopB],
    ] as const) {
      const row = await h.su.query<{ id: string }>(
        `insert into couriers (coop_id, user_id, display_name, vehicle) values ($1, $2, $3, 'bike') returning id`,
        [coop, user[key], `${key} rider`],
      );
      courier[key] = row.rows[0]?.id as string;
    }
    // fifty more couriers of coop A, for the race
    for (let i = 0; i < 50; i += 1) {
      const u = await insertUser(h, `racer${i}@dispatch.test`, `Racer ${i}`, [[coopA, ['courier']]]);
      const row = await h.su.query<{ id: string }>(
        `insert into couriers (coop_id, user_id, display_name, vehicle) values ($1, $2, $3, 'bike') returning id`,
        [coopA, u, `Racer ${i}`],
      );
      courier[`racer${i}`] = row.rows[0]?.id as string;
    }
  });
  afterAll(() => h?.close());

  const call = (who: string, method: 'get' | 'post' | 'put', url: string, body?: object) => {
    const req = h.http()[method](url).set('Authorization', `Bearer ${token[who]}`);
    return body === undefined ? req : req.send(body);
  };
  const pickup = (extra: object = {}) => ({
    kind: 'pickup',
    address: 'Boulangerie, 3 rue Mercière, 69002 Lyon',
    lat: 45.7625,
    lng: 4.8339,
    after: iso(Date.now() + HOUR),
    before: iso(Date.now() + 2 * HOUR),
    serviceMinutes: 3,
    contactName: 'Léa',
    contactPhone: '+33 6 12 34 56 78',
    packages: [{ type: 'bag', quantity: 2 }],
    weightGrams: 2500,
    ...extra,
  });
  const dropoff = (extra: object = {}) => ({
    kind: 'dropoff',
    address: '10 cours Vitton, 69006 Lyon',
    lat: 45.7699,
    lng: 4.8531,
    before: iso(Date.now() + 3 * HOUR),
    comments: 'code 1234, 2nd floor',
    ...extra,
  });
  const create = async (tasks: object[] = [pickup(), dropoff()]) => {
    const res = await call('dispatcher', 'post', '/api/dispatch/deliveries', { reference: 'ORD-1', tasks });
    expect(res.status).toBe(201);
    return res.body as {
      id: string;
      state: string;
      trackingToken: string;
      tasks: Array<{ id: string; kind: string; state: string }>;
    };
  };

  it('creates 1→1, 1→N and N→1 deliveries with their tasks, events and outbox row', async () => {
    const one = await create();
    expect(one).toMatchObject({ state: 'open', reference: 'ORD-1' });
    expect(one.trackingToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(one.tasks.map((t) => [t.kind, t.state])).toEqual([
      ['pickup', 'open'],
      ['dropoff', 'open'],
    ]);
    expect(one.tasks[0]).toMatchObject({
      contactPhone: '+33612345678',
      packages: [{ type: 'bag', quantity: 2 }],
      weightGrams: 2500,
    });
    expect((await create([pickup(), dropoff(), dropoff()])).tasks).toHaveLength(3);
    expect((await create([pickup(), pickup(), dropoff()])).tasks).toHaveLength(3);
    const events = await call('admin', 'get', `/api/dispatch/deliveries/${one.id}/events`);
    expect(events.status).toBe(200);
    expect(events.body.items.map((e: { type: string; source: string }) => [e.type, e.source])).toEqual([
      ['created', 'console'],
      ['created', 'console'],
    ]);
    expect(events.body.items[0].actorId).toBe(user['dispatcher']);
    expect(events.body.items[0].actorName).toBe('Dispatcher A');
    expect(events.body.items[0].requestId).not.toBe('none');
    const outbox = await h.su.query(
      `select job_name, payload->>'event' as event from outbox where coop_id = $1 and payload->>'deliveryId' = $2
        order by job_name`,
      [coopA, one.id],
    );
    // the planner's trigger, and the delivery event other domains hear (once for the delivery, not per task)
    expect(outbox.rows.map((r) => [r.job_name, r.event])).toEqual([
      ['dispatch.delivery-created', null],
      ['dispatch.delivery-event', 'delivery.created'],
    ]);
    const list = await call('admin', 'get', '/api/dispatch/deliveries?limit=2');
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThanOrEqual(3);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items[0]).toMatchObject({ pickups: expect.any(Number), dropoffs: expect.any(Number) });
  });

  it('refuses bad input with a stable code and writes nothing', async () => {
    const before = (await h.su.query('select count(*)::int as n from deliveries')).rows[0].n;
    const cases: Array<[object[], number, string]> = [
      [[pickup()], 400, 'VALIDATION_FAILED'],
      [[dropoff(), dropoff()], 400, 'DELIVERY_SHAPE_INVALID'],
      [[pickup(), pickup(), dropoff(), dropoff()], 400, 'DELIVERY_SHAPE_INVALID'],
      [
        [pickup({ after: iso(Date.now() + 2 * HOUR), before: iso(Date.now() + HOUR) }), dropoff()],
        400,
        'WINDOW_CLOSES_BEFORE_OPENING',
      ],
      [[pickup({ after: null, before: iso(Date.now() - 2 * HOUR) }), dropoff()], 400, 'WINDOW_IN_PAST'],
      [[pickup({ lat: 91 }), dropoff()], 400, 'COORDINATES_OUT_OF_RANGE'],
      [[pickup(), dropoff({ lng: -181 })], 400, 'COORDINATES_OUT_OF_RANGE'],
      [[pickup({ contactPhone: '12' }), dropoff()], 400, 'INVALID_PHONE'],
      [[pickup({ packages: [{ type: 'crate', quantity: 0 }] }), dropoff()], 400, 'VALIDATION_FAILED'],
      [[pickup({ extra: 1 }), dropoff()], 400, 'VALIDATION_FAILED'],
    ];
    for (const [tasks, status, code] of cases) {
      const res = await call('dispatcher', 'post', '/api/dispatch/deliveries', { tasks });
      expect([JSON.stringify(tasks).slice(0, 60), res.status, res.body.code]).toEqual([
        JSON.stringify(tasks).slice(0, 60),
        status,
        code,
      ]);
    }
    expect((await h.su.query('select count(*)::int as n from deliveries')).rows[0].n).toBe(before);
  });

  it('walks a delivery through its states with the rules a dispatcher expects', async () => {
    const d = await create();
    const [p, dr] = d.tasks as unknown as [{ id: string }, { id: string }];
    expect(
      (await call('dispatcher', 'post', `/api/dispatch/tasks/${p.id}/actions`, { action: 'start' })).body.code,
    ).toBe('ILLEGAL_TRANSITION');
    const assigned = await call('dispatcher', 'post', `/api/dispatch/tasks/${p.id}/assign`, {
      courierId: courier['ana'],
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({
      state: 'assigned',
      assignment: { courierId: courier['ana'], courierName: 'ana rider' },
    });
    expect((await call('admin', 'get', `/api/dispatch/deliveries/${d.id}`)).body.state).toBe('in_progress');
    await call('dispatcher', 'post', `/api/dispatch/tasks/${dr.id}/assign`, { courierId: courier['ana'] });

    // the courier acts on their own tasks; a dropoff is not done before its pickup
    const act = (taskId: string, body: object, who = 'ana') =>
      call(who, 'post', `/api/dispatch/me/tasks/${taskId}/actions`, body);
    expect((await act(dr.id, { action: 'start' })).status).toBe(200);
    const early = await act(dr.id, { action: 'complete' });
    expect([early.status, early.body.code]).toEqual([409, 'PICKUP_NOT_DONE']);
    expect((await act(p.id, { action: 'start' })).body.state).toBe('started');
    expect((await act(p.id, { action: 'complete' })).body.state).toBe('done');
    const twice = await act(p.id, { action: 'complete' });
    expect([twice.status, twice.body.code]).toEqual([409, 'TASK_CLOSED']);
    expect((await act(dr.id, { action: 'complete' })).body.state).toBe('done');
    expect((await call('admin', 'get', `/api/dispatch/deliveries/${d.id}`)).body.state).toBe('completed');
    // a done task cannot be cancelled, even by the dispatcher
    const cancel = await call('dispatcher', 'post', `/api/dispatch/tasks/${p.id}/actions`, { action: 'cancel' });
    expect([cancel.status, cancel.body.code]).toEqual([409, 'TASK_CLOSED']);
    const history = await call('admin', 'get', `/api/dispatch/deliveries/${d.id}/events`);
    expect(
      history.body.items.filter((e: { taskId: string }) => e.taskId === p.id).map((e: { type: string }) => e.type),
    ).toEqual(['created', 'assigned', 'started', 'done']);
    expect(history.body.items.find((e: { type: string }) => e.type === 'started')).toMatchObject({
      source: 'courier_app',
      actorId: user['ana'],
    });
    const closed = await h.su.query(
      `select payload->>'state' as state from outbox where job_name = 'dispatch.task-closed' and payload->>'deliveryId' = $1`,
      [d.id],
    );
    expect(closed.rows.map((r) => r.state)).toEqual(['done', 'done']);
  });

  it('cancelling every task cancels the delivery; a cancelled task cannot be assigned', async () => {
    const d = await create();
    const res = await call('dispatcher', 'post', `/api/dispatch/deliveries/${d.id}/cancel`, {});
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('cancelled');
    const again = await call('dispatcher', 'post', `/api/dispatch/tasks/${d.tasks[0]?.id}/assign`, {
      courierId: courier['ana'],
    });
    expect([again.status, again.body.code]).toEqual([409, 'TASK_CLOSED']);
    const d2 = await create();
    for (const t of d2.tasks)
      await call('dispatcher', 'post', `/api/dispatch/tasks/${t.id}/actions`, { action: 'cancel' });
    expect((await call('admin', 'get', `/api/dispatch/deliveries/${d2.id}`)).body.state).toBe('cancelled');
  });

  it('a failed task needs a reason and is rescheduled as a new attempt', async () => {
    const d = await create();
    const [p] = d.tasks as unknown as [{ id: string }];
    await call('dispatcher', 'post', `/api/dispatch/tasks/${p.id}/assign`, { courierId: courier['bo'] });
    const noReason = await call('bo', 'post', `/api/dispatch/me/tasks/${p.id}/actions`, { action: 'fail' });
    expect([noReason.status, noReason.body.code]).toEqual([400, 'FAILURE_REASON_REQUIRED']);
    const failed = await call('bo', 'post', `/api/dispatch/me/tasks/${p.id}/actions`, {
      action: 'fail',
      reason: 'closed',
      note: 'shutters down',
    });
    expect(failed.body).toMatchObject({ state: 'failed', failureReason: 'closed' });
    expect((await call('admin', 'get', `/api/dispatch/deliveries/${d.id}`)).body.state).toBe('in_progress');
    const retry = await call('dispatcher', 'post', `/api/dispatch/tasks/${p.id}/reschedule`, {
      after: iso(Date.now() + 4 * HOUR),
      before: iso(Date.now() + 5 * HOUR),
    });
    expect(retry.status).toBe(201);
    expect(retry.body).toMatchObject({ state: 'open', attempt: 2, previousTaskId: p.id, assignment: null });
    const twice = await call('dispatcher', 'post', `/api/dispatch/tasks/${p.id}/reschedule`, {});
    expect([twice.status, twice.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    const badWindow = await call('dispatcher', 'post', `/api/dispatch/tasks/${retry.body.id}/reschedule`, {});
    expect(badWindow.body.code).toBe('ILLEGAL_TRANSITION');
  });

  it('fifty concurrent assignments of one task: exactly one wins, the others get 409 naming the winner', async () => {
    const d = await create();
    const taskId = d.tasks[0]?.id as string;
    const racers = Array.from({ length: 50 }, (_, i) => `racer${i}`);
    const answers = await Promise.all(
      racers.map((r) => call('dispatcher', 'post', `/api/dispatch/tasks/${taskId}/assign`, { courierId: courier[r] })),
    );
    const winners = answers.filter((a) => a.status === 200);
    expect(winners).toHaveLength(1);
    const winner = winners[0]?.body.assignment as { courierId: string; courierName: string };
    const losers = answers.filter((a) => a.status !== 200);
    expect(losers).toHaveLength(49);
    for (const l of losers) {
      expect([l.status, l.body.code, l.body.details]).toEqual([
        409,
        'TASK_ALREADY_ASSIGNED',
        { taskId, courierId: winner.courierId, courierName: winner.courierName },
      ]);
      expect(l.body.message).toContain(winner.courierName);
    }
    const active = await h.su.query('select courier_id from task_assignments where task_id = $1 and ended_at is null', [
      taskId,
    ]);
    expect(active.rows.map((r) => r.courier_id)).toEqual([winner.courierId]);
    const assignedEvents = await h.su.query(
      `select count(*)::int as n from task_events where task_id = $1 and type = 'assigned'`,
      [taskId],
    );
    expect(assignedEvents.rows[0].n).toBe(1);
  });

  it('reassign, unassign, bulk assign and reorder are conditional on what the dispatcher saw', async () => {
    const d1 = await create();
    const d2 = await create([pickup(), dropoff(), dropoff()]);
    const ids = [...d1.tasks, ...d2.tasks].map((t) => t.id);
    const bulk = await call('dispatcher', 'post', '/api/dispatch/assignments/bulk', {
      courierId: courier['bo'],
      taskIds: ids,
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body.items.map((t: { assignment: { position: number } }) => t.assignment.position)).toEqual(
      [0, 1, 2, 3, 4].map((x) => x + bulk.body.items[0].assignment.position),
    );
    // all or nothing: one task already taken refuses the whole batch
    const d3 = await create();
    const partial = await call('dispatcher', 'post', '/api/dispatch/assignments/bulk', {
      courierId: courier['ana'],
      taskIds: [d3.tasks[0]?.id, ids[0]],
    });
    expect([partial.status, partial.body.code, partial.body.details?.courierId]).toEqual([
      409,
      'TASK_ALREADY_ASSIGNED',
      courier['bo'],
    ]);
    expect((await call('admin', 'get', `/api/dispatch/deliveries/${d3.id}`)).body.tasks[0].state).toBe('open');

    const list = await call('admin', 'get', `/api/dispatch/couriers/${courier['bo']}/tasks`);
    const current: string[] = list.body.items.map((t: { id: string }) => t.id);
    expect(current).toEqual(expect.arrayContaining(ids));
    const reversed = [...current].reverse();
    const reordered = await call('dispatcher', 'put', `/api/dispatch/couriers/${courier['bo']}/tasks/order`, {
      taskIds: reversed,
    });
    expect(reordered.status).toBe(200);
    expect(reordered.body.items.map((t: { id: string }) => t.id)).toEqual(reversed);
    const stale = await call('dispatcher', 'put', `/api/dispatch/couriers/${courier['bo']}/tasks/order`, {
      taskIds: reversed.slice(1),
    });
    expect([stale.status, stale.body.code, stale.body.details.taskIds]).toEqual([409, 'ASSIGNMENT_CHANGED', reversed]);

    const moved = await call('dispatcher', 'post', `/api/dispatch/tasks/${ids[0]}/reassign`, {
      fromCourierId: courier['bo'],
      toCourierId: courier['ana'],
    });
    expect(moved.body.assignment.courierId).toBe(courier['ana']);
    const late = await call('dispatcher', 'post', `/api/dispatch/tasks/${ids[0]}/reassign`, {
      fromCourierId: courier['bo'],
      toCourierId: courier['ana'],
    });
    expect(late.body.assignment.courierId).toBe(courier['ana']);
    const wrong = await call('dispatcher', 'post', `/api/dispatch/tasks/${ids[0]}/reassign`, {
      fromCourierId: courier['bo'],
      toCourierId: courier['racer1'],
    });
    expect([wrong.status, wrong.body.code, wrong.body.details.courierId]).toEqual([
      409,
      'ASSIGNMENT_CHANGED',
      courier['ana'],
    ]);
    const off = await call('dispatcher', 'post', `/api/dispatch/tasks/${ids[0]}/unassign`, {});
    expect(off.body).toMatchObject({ state: 'open', assignment: null });
    const offAgain = await call('dispatcher', 'post', `/api/dispatch/tasks/${ids[0]}/unassign`, {});
    expect([offAgain.status, offAgain.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
  });

  it('refuses unknown and foreign couriers, and unknown tasks', async () => {
    const d = await create();
    const taskId = d.tasks[0]?.id as string;
    const foreign = await call('dispatcher', 'post', `/api/dispatch/tasks/${taskId}/assign`, {
      courierId: courier['dee'],
    });
    expect([foreign.status, foreign.body.code]).toEqual([422, 'UNKNOWN_COURIER']);
    const unknown = await call('dispatcher', 'post', `/api/dispatch/tasks/${taskId}/assign`, {
      courierId: '00000000-0000-4000-8000-000000000000',
    });
    expect([unknown.status, unknown.body.code]).toEqual([422, 'UNKNOWN_COURIER']);
    const noTask = await call('dispatcher', 'post', '/api/dispatch/tasks/00000000-0000-4000-8000-000000000000/assign', {
      courierId: courier['ana'],
    });
    expect(noTask.status).toBe(404);
    // another coop's dispatcher does not see the task at all
    const other = await call('dispatcherb', 'post', `/api/dispatch/tasks/${taskId}/assign`, {
      courierId: courier['dee'],
    });
    expect(other.status).toBe(404);
  });

  it("a courier never sees or acts on another courier's tasks", async () => {
    const d = await create();
    const [p, dr] = d.tasks as unknown as [{ id: string }, { id: string }];
    await call('dispatcher', 'post', `/api/dispatch/tasks/${p.id}/assign`, { courierId: courier['ana'] });
    const anaList = await call('ana', 'get', '/api/dispatch/me/tasks');
    expect(anaList.body.items.map((t: { id: string }) => t.id)).toContain(p.id);
    const boList = await call('bo', 'get', '/api/dispatch/me/tasks');
    expect(boList.body.items.map((t: { id: string }) => t.id)).not.toContain(p.id);
    for (const taskId of [p.id, dr.id]) {
      const res = await call('bo', 'post', `/api/dispatch/me/tasks/${taskId}/actions`, { action: 'start' });
      expect(res.status).toBe(404);
    }
    const cancel = await call('ana', 'post', `/api/dispatch/me/tasks/${p.id}/actions`, { action: 'cancel' });
    expect(cancel.status).toBe(403);
    // couriers have no access to the coop's deliveries or to the dispatcher's routes
    expect((await call('ana', 'get', '/api/dispatch/deliveries')).status).toBe(403);
    expect((await call('ana', 'get', `/api/dispatch/deliveries/${d.id}`)).status).toBe(403);
    expect((await call('ana', 'post', `/api/dispatch/tasks/${p.id}/actions`, { action: 'start' })).status).toBe(403);
    expect((await h.su.query(`select state from delivery_tasks where id = $1`, [p.id])).rows[0].state).toBe('assigned');
  });

  it('the plan proposal: read by admins and dispatchers, accepted by dispatchers, bad input refused', async () => {
    expect((await call('admin', 'get', '/api/dispatch/proposal')).body).toEqual({ proposal: null });
    const none = await call('dispatcher', 'post', '/api/dispatch/proposal/accept', {});
    expect([none.status, none.body.code]).toEqual([404, 'NO_PROPOSAL']);
    const bad = await call('dispatcher', 'post', '/api/dispatch/proposal/accept', { courierIds: ['nope'] });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await call('admin', 'post', '/api/dispatch/proposal/accept', {})).status).toBe(403);
    // a proposal as a suggest-mode planning run stores it: one delivery for Ana, one unplaced task
    const one = await create();
    const other = await create();
    const [p1, d1] = (one.tasks as Array<{ id: string }>).map((t) => t.id);
    const [p2] = (other.tasks as Array<{ id: string }>).map((t) => t.id);
    await h.su.query(
      `insert into plan_proposals (coop_id, couriers, deliveries, unassigned_task_ids, distance_km, late_tasks)
       values ($1, $2, $3, $4, 3.2, 1)`,
      [
        coopA,
        JSON.stringify([{ courierId: courier['ana'], taskIds: [p1, d1] }]),
        JSON.stringify([{ deliveryId: one.id, courierId: courier['ana'], taskIds: [p1, d1] }]),
        JSON.stringify([p2]),
      ],
    );
    const read = await call('dispatcher', 'get', '/api/dispatch/proposal');
    expect(read.body.proposal).toMatchObject({
      couriers: [{ courierId: courier['ana'], taskIds: [p1, d1] }],
      unassignedTaskIds: [p2],
      stats: { distanceKm: 3.2, lateTasks: 1 },
    });
    // another courier only: nothing of Ana's is accepted
    const forBo = await call('dispatcher', 'post', '/api/dispatch/proposal/accept', { courierIds: [courier['bo']] });
    expect(forBo.body).toEqual({ assigned: 0, conflicts: [] });
    const accepted = await call('dispatcher', 'post', '/api/dispatch/proposal/accept', {});
    expect([accepted.status, accepted.body]).toEqual([200, { assigned: 2, conflicts: [] }]);
    const held = await h.su.query(
      'select task_id, courier_id, pinned from task_assignments where coop_id = $1 and task_id = any($2::uuid[]) and ended_at is null order by position',
      [coopA, [p1, d1]],
    );
    expect(held.rows).toEqual([
      { task_id: p1, courier_id: courier['ana'], pinned: false },
      { task_id: d1, courier_id: courier['ana'], pinned: false },
    ]);
    // the unplaced task stays in the proposal, the accepted courier leaves it
    expect((await call('dispatcher', 'get', '/api/dispatch/proposal')).body.proposal).toMatchObject({
      couriers: [],
      unassignedTaskIds: [p2],
    });
  });

  it('joins the coop’s data export with its five tables, each read for the coop only', async () => {
    const names = ['deliveries', 'delivery_tasks', 'task_assignments', 'task_events', 'plan_proposals'];
    const tables = h.app
      .get(CoopExportRegistry)
      .all()
      .filter((t) => names.includes(t.name));
    expect(tables.map((t) => t.name)).toEqual(names);
    const db = h.app.get(Database);
    const coopB = (await h.su.query<{ id: string }>(`select id from coops where slug = 'dispatch-b'`)).rows[0]
      ?.id as string;
    for (const t of tables) {
      const rows = await db.forCoop(coopA, ({ manager }) => t.read(manager, coopA));
      expect([t.name, rows.length > 0]).toEqual([t.name, true]);
      for (const row of rows) expect(Object.keys(row)).toEqual([...t.columns]);
      expect(await db.forCoop(coopB, ({ manager }) => t.read(manager, coopB))).toEqual([]);
    }
  });
});
