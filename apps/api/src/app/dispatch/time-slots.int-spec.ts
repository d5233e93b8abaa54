import { CLOCK, type Clock } from '@federacycle/federation-server';
import { insertCoop, insertUser, signIn, startHarness, type IdentityHarness } from '../identity/identity-harness';
import { nextWednesdayMorning, paris } from './time-slots-fixture';

describe('dispatch: time slots over HTTP (real PostgreSQL as fc_app)', () => {
  let h: IdentityHarness;
  const token: Record<string, string> = {};
  const now = nextWednesdayMorning();

  beforeAll(async () => {
    h = await startHarness();
    await new Promise<void>((resolve) =>
      (h.app.getHttpServer() as import('node:http').Server).listen(0, '127.0.0.1', resolve),
    );
    jest.spyOn(h.app.get<Clock>(CLOCK), 'now').mockImplementation(() => new Date(now));
    const coopA = await insertCoop(h.su, 'slots-a', 'Slots A');
    const coopB = await insertCoop(h.su, 'slots-b', 'Slots B');
    for (const [key, coop, role] of [
      ['admin', coopA, 'coop_admin'],
      ['dispatcher', coopA, 'dispatcher'],
      ['courier', coopA, 'courier'],
      ['dispatcherb', coopB, 'dispatcher'],
    ] as const) {
      await insertUser(h, `${key}@slots.test`, key, [[coop, [role]]]);
      token[key] = (await signIn(h, `${key}@slots.test`)).accessToken;
    }
  });
  afterAll(() => h?.close());

  const call = (who: string, method: 'get' | 'post' | 'put' | 'delete', url: string, body?: object) => {
    const req = h.http()[method](url).set('Authorization', `Bearer ${token[who]}`);
    return body === undefined ? req : req.send(body);
  };
  const slot = (extra: object = {}) => ({
    name: 'Afternoons',
    intervalMinutes: 120,
    openingHours: 'Mo-Sa 10:00-18:00',
    priorNoticeMinutes: 60,
    capacity: 2,
    horizonDays: 3,
    ...extra,
  });
  const delivery = (timeSlotId: string, window?: { start: string; end: string }) => ({
    reference: 'SLOT-1',
    timeSlotId,
    tasks: [
      { kind: 'pickup', address: '3 rue Mercière, 69002 Lyon', lat: 45.7625, lng: 4.8339 },
      {
        kind: 'dropoff',
        address: '10 cours Vitton, 69006 Lyon',
        lat: 45.7699,
        lng: 4.8531,
        ...(window ? { after: window.start, before: window.end } : {}),
      },
    ],
  });

  it('the coop admin defines slots; dispatchers read them and their windows; others may not write', async () => {
    const created = await call('admin', 'post', '/api/dispatch/time-slots', slot());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Afternoons',
      intervalMinutes: 120,
      capacity: 2,
      workingDaysOnly: false,
    });
    const listed = await call('dispatcher', 'get', '/api/dispatch/time-slots');
    expect(listed.body.items.map((s: { id: string }) => s.id)).toEqual([created.body.id]);
    const choices = await call('dispatcher', 'get', `/api/dispatch/time-slots/${created.body.id}/choices`);
    expect(choices.status).toBe(200);
    expect(choices.body.timeZone).toBe('Europe/Paris');
    // now is 09:30 in Paris: 10-12 starts within the hour of notice, so 12-14 comes first
    const today = now.toISOString().slice(0, 10);
    expect(choices.body.items[0]).toEqual({
      start: paris(today, '12:00'),
      end: paris(today, '14:00'),
      booked: 0,
      remaining: 2,
    });
    // Wednesday, Thursday, Friday: 4 windows each, minus the first
    expect(choices.body.items).toHaveLength(11);
    expect((await call('dispatcher', 'post', '/api/dispatch/time-slots', slot({ name: 'x' }))).status).toBe(403);
    expect((await call('courier', 'get', '/api/dispatch/time-slots')).status).toBe(403);
    const foreign = await call('dispatcherb', 'get', `/api/dispatch/time-slots/${created.body.id}/choices`);
    expect([foreign.status, foreign.body.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('refuses bad hours, a taken name, out-of-range numbers and unknown fields, writing nothing', async () => {
    const bad = await call(
      'admin',
      'post',
      '/api/dispatch/time-slots',
      slot({ name: 'Bad', openingHours: 'Mo-Xx 10:00' }),
    );
    expect([bad.status, bad.body.code]).toEqual([400, 'OPENING_HOURS_INVALID']);
    const taken = await call('admin', 'post', '/api/dispatch/time-slots', slot());
    expect([taken.status, taken.body.code]).toEqual([409, 'TIME_SLOT_NAME_TAKEN']);
    for (const body of [
      slot({ name: 'a', intervalMinutes: 5 }),
      slot({ name: 'b', capacity: 0 }),
      slot({ name: 'c', price: 3 }),
    ]) {
      const res = await call('admin', 'post', '/api/dispatch/time-slots', body);
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect((await call('admin', 'get', '/api/dispatch/time-slots')).body.items).toHaveLength(1);
  });

  it('books deliveries in a window: the first free one, a chosen one, never past its capacity', async () => {
    const created = await call(
      'admin',
      'post',
      '/api/dispatch/time-slots',
      slot({ name: 'Capacity one', capacity: 1 }),
    );
    const id = created.body.id as string;
    const first = await call('dispatcher', 'post', '/api/dispatch/deliveries', delivery(id));
    expect(first.status).toBe(201);
    expect(first.body.timeSlotId).toBe(id);
    const today = now.toISOString().slice(0, 10);
    expect(first.body.tasks[1]).toMatchObject({ after: paris(today, '12:00'), before: paris(today, '14:00') });
    // the next free window is now 14-16
    const second = await call('dispatcher', 'post', '/api/dispatch/deliveries', delivery(id));
    expect(second.body.tasks[1]).toMatchObject({ after: paris(today, '14:00') });
    const full = await call(
      'dispatcher',
      'post',
      '/api/dispatch/deliveries',
      delivery(id, { start: paris(today, '12:00'), end: paris(today, '14:00') }),
    );
    expect([full.status, full.body.code]).toEqual([409, 'TIME_SLOT_FULL']);
    const misaligned = await call(
      'dispatcher',
      'post',
      '/api/dispatch/deliveries',
      delivery(id, { start: paris(today, '13:00'), end: paris(today, '15:00') }),
    );
    expect([misaligned.status, misaligned.body.code]).toEqual([422, 'TIME_SLOT_WINDOW_INVALID']);
    const tooSoon = await call(
      'dispatcher',
      'post',
      '/api/dispatch/deliveries',
      delivery(id, { start: paris(today, '10:00'), end: paris(today, '12:00') }),
    );
    expect([tooSoon.status, tooSoon.body.code]).toEqual([422, 'TIME_SLOT_PAST']);
    const unknown = await call(
      'dispatcher',
      'post',
      '/api/dispatch/deliveries',
      delivery('00000000-0000-4000-8000-000000000000'),
    );
    expect([unknown.status, unknown.body.code]).toEqual([422, 'UNKNOWN_TIME_SLOT']);
    // the full window is not offered; cancelling its delivery frees it
    let choices = await call('dispatcher', 'get', `/api/dispatch/time-slots/${id}/choices`);
    expect(choices.body.items[0].start).toBe(paris(today, '16:00'));
    const withFull = await call('dispatcher', 'get', `/api/dispatch/time-slots/${id}/choices?includeFull=true`);
    expect(withFull.body.items[0]).toMatchObject({ start: paris(today, '12:00'), booked: 1, remaining: 0 });
    expect((await call('dispatcher', 'post', `/api/dispatch/deliveries/${first.body.id}/cancel`, {})).status).toBe(200);
    choices = await call('dispatcher', 'get', `/api/dispatch/time-slots/${id}/choices`);
    expect(choices.body.items[0].start).toBe(paris(today, '12:00'));
    // a slot with bookings cannot be deleted; an unused one can
    const inUse = await call('admin', 'delete', `/api/dispatch/time-slots/${id}`);
    expect([inUse.status, inUse.body.code]).toEqual([409, 'TIME_SLOT_IN_USE']);
    const spare = await call('admin', 'post', '/api/dispatch/time-slots', slot({ name: 'Spare' }));
    expect((await call('admin', 'delete', `/api/dispatch/time-slots/${spare.body.id}`)).status).toBe(204);
  });

  it('twelve bookings racing for a window of capacity 3: three win, the rest are told it is full', async () => {
    const created = await call('admin', 'post', '/api/dispatch/time-slots', slot({ name: 'Race', capacity: 3 }));
    const today = now.toISOString().slice(0, 10);
    const window = { start: paris(today, '16:00'), end: paris(today, '18:00') };
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        call('dispatcher', 'post', '/api/dispatch/deliveries', delivery(created.body.id, window)),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'TIME_SLOT_FULL')).toBe(true);
    const { rows } = await h.su.query('select count(*)::int as n from deliveries where time_slot_id = $1', [
      created.body.id,
    ]);
    expect(rows[0].n).toBe(3);
  });
});
