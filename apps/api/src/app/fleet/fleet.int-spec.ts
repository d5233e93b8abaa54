import { randomUUID } from 'node:crypto';
import { courierOwnershipRecords, workerOwnershipFigures } from '@federacycle/fleet-server';
import { CoopExportRegistry, Database } from '@federacycle/platform-database';
import { insertCoop, insertUser, signIn, startHarness, type IdentityHarness } from '../identity/identity-harness';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
/** a Monday 00:00 UTC well in the future, so shifts never collide with "now" */
const WEEK = Date.UTC(2030, 0, 7);

describe('fleet over HTTP: couriers, shifts, duty, location, worker ownership (real PostgreSQL as fc_app)', () => {
  let h: IdentityHarness;
  let coopA: string;
  let coopB: string;
  const token: Record<string, string> = {};
  const user: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHarness();
    coopA = await insertCoop(h.su, 'fleet-a', 'Fleet A');
    coopB = await insertCoop(h.su, 'fleet-b', 'Fleet B');
    const people: Array<[string, string, Array<[string, string[]]>]> = [
      ['admin', 'Admin A', [[coopA, ['coop_admin']]]],
      ['dispatcher', 'Dispatcher A', [[coopA, ['dispatcher']]]],
      ['ana', 'Ana Rider', [[coopA, ['courier', 'member']]]],
      ['bo', 'Bo Rider', [[coopA, ['courier']]]],
      ['cy', 'Cy Rider', [[coopA, ['courier']]]],
      ['member', 'Only Member', [[coopA, ['member']]]],
      ['adminb', 'Admin B', [[coopB, ['coop_admin']]]],
      ['dee', 'Dee Rider B', [[coopB, ['courier']]]],
    ];
    for (const [key, name, memberships] of people) {
      user[key] = await insertUser(h, `${key}@fleet.test`, name, memberships);
      token[key] = (await signIn(h, `${key}@fleet.test`)).accessToken;
    }
  });
  afterAll(() => h?.close());

  const call = (who: string, method: 'get' | 'post' | 'patch' | 'put' | 'delete', url: string, body?: object) => {
    const req = h.http()[method](url).set('Authorization', `Bearer ${token[who]}`);
    return body ? req.send(body) : req;
  };
  const expectCode = async (
    res: Promise<{ status: number; body: { code?: string } }> | { status: number; body: { code?: string } },
    status: number,
    code: string,
  ) => {
    const r = await res;
    expect([r.status, r.body.code]).toEqual([status, code]);
  };
  const courierId: Record<string, string> = {};

  describe('courier profiles', () => {
    it('a coop admin creates a profile for a courier membership; member flag defaults from the roles', async () => {
      const res = await call('admin', 'post', '/api/fleet/couriers', {
        userId: user['ana'],
        displayName: 'Ana',
        phone: '+33 6 12-34.56 78',
        vehicle: 'cargo_bike',
        capacity: { weightKg: 80, volumeLitres: 200, boxes: 4 },
        skills: ['cold_chain', 'Heavy', 'night-owl', 'heavy'],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        displayName: 'Ana',
        email: 'ana@fleet.test',
        phone: '+33612345678',
        vehicle: 'cargo_bike',
        capacity: { weightKg: 80, volumeLitres: 200, boxes: 4 },
        skills: ['cold_chain', 'heavy', 'night-owl'],
        memberOwner: true,
        active: true,
        availability: [],
        onDutySince: null,
        location: null,
      });
      courierId['ana'] = res.body.id;
      const bo = await call('admin', 'post', '/api/fleet/couriers', {
        userId: user['bo'],
        displayName: 'Bo',
        vehicle: 'bike',
      });
      expect([bo.status, bo.body.memberOwner]).toEqual([201, false]);
      courierId['bo'] = bo.body.id;
      const cy = await call('admin', 'post', '/api/fleet/couriers', {
        userId: user['cy'],
        displayName: 'Cy',
        vehicle: 'car',
        vehicleNote: 'Knee injury, temporary',
      });
      expect(cy.status).toBe(201);
      courierId['cy'] = cy.body.id;
    });

    it('offers only the courier memberships without a profile as candidates', async () => {
      const res = await call('admin', 'get', '/api/fleet/couriers/candidates');
      expect(res.status).toBe(200);
      expect(res.body).toEqual([]);
      const b = await call('adminb', 'get', '/api/fleet/couriers/candidates');
      expect(b.body).toEqual([{ userId: user['dee'], name: 'Dee Rider B', email: 'dee@fleet.test', member: false }]);
    });

    it('refuses bad input with a code, and writes nothing', async () => {
      const before = await h.su.query('select count(*)::int as n from couriers');
      const base = { userId: user['dee'], displayName: 'Dee' };
      await expectCode(
        call('admin', 'post', '/api/fleet/couriers', { ...base, userId: user['member'], vehicle: 'bike' }),
        422,
        'NOT_A_COURIER',
      );
      // a courier of another coop is not a courier of this one
      await expectCode(
        call('admin', 'post', '/api/fleet/couriers', { ...base, vehicle: 'bike' }),
        422,
        'NOT_A_COURIER',
      );
      await expectCode(
        call('admin', 'post', '/api/fleet/couriers', { ...base, userId: user['ana'], vehicle: 'bike' }),
        409,
        'COURIER_PROFILE_EXISTS',
      );
      await expectCode(
        call('adminb', 'post', '/api/fleet/couriers', { ...base, vehicle: 'car' }),
        400,
        'VEHICLE_NOTE_REQUIRED',
      );
      await expectCode(
        call('adminb', 'post', '/api/fleet/couriers', { ...base, vehicle: 'car', vehicleNote: '  ' }),
        400,
        'VEHICLE_NOTE_REQUIRED',
      );
      await expectCode(
        call('adminb', 'post', '/api/fleet/couriers', { ...base, vehicle: 'scooter' }),
        400,
        'VALIDATION_FAILED',
      );
      await expectCode(
        call('adminb', 'post', '/api/fleet/couriers', { ...base, vehicle: 'bike', phone: '06 12 34 56 78' }),
        400,
        'INVALID_PHONE',
      );
      await expectCode(
        call('adminb', 'post', '/api/fleet/couriers', { ...base, vehicle: 'bike', skills: ['no spaces!'] }),
        400,
        'INVALID_COURIER_TAG',
      );
      await expectCode(
        call('adminb', 'post', '/api/fleet/couriers', { ...base, vehicle: 'bike', capacity: { weightKg: -1 } }),
        400,
        'VALIDATION_FAILED',
      );
      await expectCode(
        call('adminb', 'post', '/api/fleet/couriers', { ...base, vehicle: 'bike', extra: 1 }),
        400,
        'VALIDATION_FAILED',
      );
      await expectCode(
        call('admin', 'patch', `/api/fleet/couriers/${courierId['bo']}`, { vehicle: 'car' }),
        400,
        'VEHICLE_NOTE_REQUIRED',
      );
      await expectCode(call('admin', 'patch', '/api/fleet/couriers/not-an-id', { active: false }), 400, 'INVALID_ID');
      expect((await h.su.query('select count(*)::int as n from couriers')).rows).toEqual(before.rows);
      const bo = await call('admin', 'get', `/api/fleet/couriers/${courierId['bo']}`);
      expect(bo.body.vehicle).toBe('bike');
    });

    it('lists with search, vehicle filter and paging; dispatchers read; couriers and members do not', async () => {
      const all = await call('dispatcher', 'get', '/api/fleet/couriers');
      expect(all.status).toBe(200);
      expect([all.body.total, all.body.items.map((c: { displayName: string }) => c.displayName)]).toEqual([
        3,
        ['Ana', 'Bo', 'Cy'],
      ]);
      const searched = await call('dispatcher', 'get', '/api/fleet/couriers?q=bo%40fleet');
      expect(searched.body.items.map((c: { displayName: string }) => c.displayName)).toEqual(['Bo']);
      const literal = await call('dispatcher', 'get', '/api/fleet/couriers?q=%25');
      expect(literal.body.total).toBe(0);
      const cars = await call('dispatcher', 'get', '/api/fleet/couriers?vehicle=car');
      expect(cars.body.items.map((c: { displayName: string }) => c.displayName)).toEqual(['Cy']);
      const page = await call('dispatcher', 'get', '/api/fleet/couriers?limit=1&offset=1');
      expect([page.body.total, page.body.items.map((c: { displayName: string }) => c.displayName)]).toEqual([
        3,
        ['Bo'],
      ]);
      const past = await call('dispatcher', 'get', '/api/fleet/couriers?offset=10');
      expect([past.body.total, past.body.items]).toEqual([3, []]);
      await expectCode(call('dispatcher', 'get', '/api/fleet/couriers?vehicle=rocket'), 400, 'VALIDATION_FAILED');
      await expectCode(
        call('dispatcher', 'patch', `/api/fleet/couriers/${courierId['bo']}`, { active: false }),
        403,
        'FORBIDDEN',
      );
      await expectCode(call('ana', 'get', '/api/fleet/couriers'), 403, 'FORBIDDEN');
      await expectCode(call('ana', 'get', `/api/fleet/couriers/${courierId['bo']}`), 403, 'FORBIDDEN');
      await expectCode(call('member', 'get', '/api/fleet/couriers'), 403, 'FORBIDDEN');
      // coop B sees none of A's
      const b = await call('adminb', 'get', '/api/fleet/couriers');
      expect(b.body.total).toBe(0);
      await expectCode(call('adminb', 'get', `/api/fleet/couriers/${courierId['ana']}`), 404, 'NOT_FOUND');
      await expectCode(
        call('adminb', 'patch', `/api/fleet/couriers/${courierId['ana']}`, { active: false }),
        404,
        'NOT_FOUND',
      );
    });
  });

  describe('a courier’s own profile', () => {
    it('reads and changes only phone and availability of their own profile', async () => {
      const me = await call('bo', 'get', '/api/fleet/me');
      expect([me.status, me.body.id]).toEqual([200, courierId['bo']]);
      const changed = await call('bo', 'patch', '/api/fleet/me', {
        phone: '0044 20 7946 0958',
        availability: [
          { weekday: 3, start: '14:00', end: '18:00' },
          { weekday: 1, start: '08:00', end: '12:00' },
          { weekday: 3, start: '08:00', end: '12:00' },
        ],
      });
      expect(changed.status).toBe(200);
      expect(changed.body.phone).toBe('+442079460958');
      expect(changed.body.availability).toEqual([
        { weekday: 1, start: '08:00', end: '12:00' },
        { weekday: 3, start: '08:00', end: '12:00' },
        { weekday: 3, start: '14:00', end: '18:00' },
      ]);
      // nobody else's profile changed
      const ana = await call('admin', 'get', `/api/fleet/couriers/${courierId['ana']}`);
      expect([ana.body.phone, ana.body.availability]).toEqual(['+33612345678', []]);
    });

    it('refuses fields a courier may not change, bad slots, and someone else’s routes', async () => {
      await expectCode(call('bo', 'patch', '/api/fleet/me', { vehicle: 'car' }), 400, 'VALIDATION_FAILED');
      await expectCode(call('bo', 'patch', '/api/fleet/me', { memberOwner: true }), 400, 'VALIDATION_FAILED');
      await expectCode(
        call('bo', 'patch', '/api/fleet/me', { availability: [{ weekday: 2, start: '12:00', end: '09:00' }] }),
        400,
        'END_BEFORE_START',
      );
      await expectCode(
        call('bo', 'patch', '/api/fleet/me', {
          availability: [
            { weekday: 2, start: '08:00', end: '12:00' },
            { weekday: 2, start: '11:00', end: '13:00' },
          ],
        }),
        400,
        'VALIDATION_FAILED',
      );
      await expectCode(
        call('bo', 'patch', '/api/fleet/me', { availability: [{ weekday: 8, start: '08:00', end: '09:00' }] }),
        400,
        'VALIDATION_FAILED',
      );
      await expectCode(
        call('bo', 'patch', '/api/fleet/me', { availability: [{ weekday: 1, start: '8am', end: '09:00' }] }),
        400,
        'VALIDATION_FAILED',
      );
      await expectCode(
        call('bo', 'patch', `/api/fleet/couriers/${courierId['ana']}`, { phone: '+33700000000' }),
        403,
        'FORBIDDEN',
      );
      await expectCode(call('dee', 'get', '/api/fleet/me'), 404, 'NO_COURIER_PROFILE');
      await expectCode(call('admin', 'get', '/api/fleet/me'), 403, 'FORBIDDEN');
      await expectCode(call('dispatcher', 'post', '/api/fleet/me/on-duty', {}), 403, 'FORBIDDEN');
    });
  });

  describe('shifts', () => {
    const shift = (who: string, startH: number, endH: number, extra: object = {}) =>
      call('admin', 'post', '/api/fleet/shifts', {
        courierId: courierId[who],
        startsAt: iso(WEEK + startH * HOUR),
        endsAt: iso(WEEK + endH * HOUR),
        ...extra,
      });
    let anaShift = '';

    it('plans shifts; refuses an overlap with SHIFT_OVERLAP but accepts one that starts when the other ends', async () => {
      const first = await shift('ana', 8, 12, { note: 'Presqu’île' });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        courierId: courierId['ana'],
        courierName: 'Ana',
        note: 'Presqu’île',
        zoneId: null,
      });
      anaShift = first.body.id;
      await expectCode(shift('ana', 11, 13), 409, 'SHIFT_OVERLAP');
      await expectCode(shift('ana', 7, 20), 409, 'SHIFT_OVERLAP');
      await expectCode(shift('ana', 9, 10), 409, 'SHIFT_OVERLAP');
      expect((await shift('ana', 12, 16)).status).toBe(201);
      expect((await shift('bo', 8, 12)).status).toBe(201);
      expect((await shift('cy', 24 + 8, 24 + 12)).status).toBe(201);
    });

    it('lets exactly one of five simultaneous overlapping shifts in', async () => {
      const results = await Promise.all([0, 1, 2, 3, 4].map((i) => shift('bo', 30 + i * 0.25, 34)));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
      const rows = await h.su.query(
        'select count(*)::int as n from courier_shifts where courier_id = $1 and starts_at >= $2',
        [courierId['bo'], iso(WEEK + 30 * HOUR)],
      );
      expect(rows.rows[0].n).toBe(1);
    });

    it('refuses end before start, too long, an unknown zone or courier, and a foreign coop’s courier', async () => {
      await expectCode(shift('ana', 18, 17), 400, 'END_BEFORE_START');
      await expectCode(shift('ana', 18, 18), 400, 'END_BEFORE_START');
      await expectCode(shift('ana', 40, 57), 400, 'RANGE_TOO_LONG');
      await expectCode(shift('ana', 40, 42, { zoneId: randomUUID() }), 422, 'UNKNOWN_ZONE');
      await expectCode(shift('ana', 40, 42, { startsAt: 'tomorrow' }), 400, 'VALIDATION_FAILED');
      await expectCode(
        call('admin', 'post', '/api/fleet/shifts', {
          courierId: randomUUID(),
          startsAt: iso(WEEK),
          endsAt: iso(WEEK + HOUR),
        }),
        404,
        'NOT_FOUND',
      );
      await expectCode(
        call('adminb', 'post', '/api/fleet/shifts', {
          courierId: courierId['ana'],
          startsAt: iso(WEEK + 50 * HOUR),
          endsAt: iso(WEEK + 51 * HOUR),
        }),
        404,
        'NOT_FOUND',
      );
      await expectCode(
        call('dispatcher', 'post', '/api/fleet/shifts', {
          courierId: courierId['ana'],
          startsAt: iso(WEEK + 50 * HOUR),
          endsAt: iso(WEEK + 51 * HOUR),
        }),
        403,
        'FORBIDDEN',
      );
    });

    it('lists a week and a day (overlapping the window), for dispatchers; a courier sees their own', async () => {
      const week = await call(
        'dispatcher',
        'get',
        `/api/fleet/shifts?from=${iso(WEEK)}&to=${iso(WEEK + 7 * 24 * HOUR)}`,
      );
      expect(week.status).toBe(200);
      expect(week.body.items.map((s: { courierName: string }) => s.courierName)).toEqual([
        'Ana',
        'Bo',
        'Ana',
        'Bo',
        'Cy',
      ]);
      const day = await call(
        'dispatcher',
        'get',
        `/api/fleet/shifts?from=${iso(WEEK + 10 * HOUR)}&to=${iso(WEEK + 24 * HOUR)}`,
      );
      expect(day.body.items).toHaveLength(3);
      const own = await call('ana', 'get', `/api/fleet/me/shifts?from=${iso(WEEK)}&to=${iso(WEEK + 7 * 24 * HOUR)}`);
      expect(own.body.items.map((s: { courierName: string }) => s.courierName)).toEqual(['Ana', 'Ana']);
      const byCourier = await call(
        'dispatcher',
        'get',
        `/api/fleet/shifts?from=${iso(WEEK)}&to=${iso(WEEK + 7 * 24 * HOUR)}&courierId=${courierId['cy']}`,
      );
      expect(byCourier.body.items).toHaveLength(1);
      await expectCode(
        call('dispatcher', 'get', `/api/fleet/shifts?from=${iso(WEEK)}&to=${iso(WEEK + 40 * 24 * HOUR)}`),
        400,
        'RANGE_TOO_LONG',
      );
      await expectCode(
        call('dispatcher', 'get', `/api/fleet/shifts?from=${iso(WEEK + HOUR)}&to=${iso(WEEK)}`),
        400,
        'END_BEFORE_START',
      );
      await expectCode(call('dispatcher', 'get', '/api/fleet/shifts'), 400, 'VALIDATION_FAILED');
      const b = await call('adminb', 'get', `/api/fleet/shifts?from=${iso(WEEK)}&to=${iso(WEEK + 7 * 24 * HOUR)}`);
      expect(b.body.items).toEqual([]);
      await expectCode(
        call('ana', 'get', `/api/fleet/shifts?from=${iso(WEEK)}&to=${iso(WEEK + 24 * HOUR)}`),
        403,
        'FORBIDDEN',
      );
    });

    it('moves a shift (refusing an overlap) and deletes it', async () => {
      await expectCode(
        call('admin', 'patch', `/api/fleet/shifts/${anaShift}`, { endsAt: iso(WEEK + 13 * HOUR) }),
        409,
        'SHIFT_OVERLAP',
      );
      await expectCode(
        call('admin', 'patch', `/api/fleet/shifts/${anaShift}`, { endsAt: iso(WEEK + 7 * HOUR) }),
        400,
        'END_BEFORE_START',
      );
      const moved = await call('admin', 'patch', `/api/fleet/shifts/${anaShift}`, {
        startsAt: iso(WEEK + 9 * HOUR),
        note: null,
      });
      expect([moved.status, moved.body.startsAt, moved.body.note]).toEqual([200, iso(WEEK + 9 * HOUR), null]);
      await expectCode(call('adminb', 'delete', `/api/fleet/shifts/${anaShift}`), 404, 'NOT_FOUND');
      expect((await call('admin', 'delete', `/api/fleet/shifts/${anaShift}`)).status).toBe(204);
      await expectCode(call('admin', 'delete', `/api/fleet/shifts/${anaShift}`), 404, 'NOT_FOUND');
    });
  });

  describe('duty and location', () => {
    it('goes on and off duty with a history; one open period at most, whoever races', async () => {
      const results = await Promise.all([0, 1, 2, 3].map(() => call('ana', 'post', '/api/fleet/me/on-duty', {})));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
      expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'ALREADY_ON_DUTY')).toBe(true);
      const on = results.find((r) => r.status === 200);
      expect(on?.body.onDutySince).toEqual(expect.any(String));
      const onDuty = await call('dispatcher', 'get', '/api/fleet/couriers?onDuty=true');
      expect(onDuty.body.items.map((c: { displayName: string }) => c.displayName)).toEqual(['Ana']);
      const off = await call('ana', 'post', '/api/fleet/me/off-duty', {});
      expect([off.status, off.body.onDutySince]).toEqual([200, null]);
      await expectCode(call('ana', 'post', '/api/fleet/me/off-duty', {}), 409, 'NOT_ON_DUTY');
      expect((await call('ana', 'post', '/api/fleet/me/on-duty', {})).status).toBe(200);
      const history = await call('ana', 'get', '/api/fleet/me/duty-periods');
      expect(history.body.total).toBe(2);
      expect(history.body.items[0].endedAt).toBeNull();
      expect(history.body.items[1].endedAt).toEqual(expect.any(String));
      const seen = await call('dispatcher', 'get', `/api/fleet/couriers/${courierId['ana']}/duty-periods`);
      expect(seen.body.total).toBe(2);
      await expectCode(call('ana', 'post', '/api/fleet/me/on-duty', { extra: true }), 400, 'VALIDATION_FAILED');
    });

    it('refuses duty for an inactive courier', async () => {
      await call('admin', 'patch', `/api/fleet/couriers/${courierId['cy']}`, { active: false }).expect(200);
      await expectCode(call('cy', 'post', '/api/fleet/me/on-duty', {}), 409, 'COURIER_INACTIVE');
      await call('admin', 'patch', `/api/fleet/couriers/${courierId['cy']}`, { active: true }).expect(200);
    });

    it('records the last location (the courier only), keeps the newest fix, computes staleness on read', async () => {
      const now = Date.now();
      expect(
        (
          await call('bo', 'put', '/api/fleet/me/location', {
            lat: 45.76,
            lng: 4.83,
            accuracyM: 12,
            recordedAt: iso(now - 10 * 60_000),
          })
        ).status,
      ).toBe(204);
      let bo = await call('dispatcher', 'get', `/api/fleet/couriers/${courierId['bo']}`);
      expect(bo.body.location).toMatchObject({ lat: 45.76, lng: 4.83, accuracyM: 12, stale: true });
      expect((await call('bo', 'put', '/api/fleet/me/location', { lat: 45.75, lng: 4.85 })).status).toBe(204);
      bo = await call('dispatcher', 'get', `/api/fleet/couriers/${courierId['bo']}`);
      expect(bo.body.location).toMatchObject({ lat: 45.75, lng: 4.85, accuracyM: null, stale: false });
      // a late, older fix does not replace the newer one
      expect(
        (await call('bo', 'put', '/api/fleet/me/location', { lat: 1, lng: 1, recordedAt: iso(now - 60 * 60_000) }))
          .status,
      ).toBe(204);
      bo = await call('dispatcher', 'get', `/api/fleet/couriers/${courierId['bo']}`);
      expect(bo.body.location.lat).toBe(45.75);
      await expectCode(
        call('bo', 'put', '/api/fleet/me/location', { lat: 91, lng: 4 }),
        400,
        'COORDINATES_OUT_OF_RANGE',
      );
      await expectCode(
        call('bo', 'put', '/api/fleet/me/location', { lat: 45, lng: -180.5 }),
        400,
        'COORDINATES_OUT_OF_RANGE',
      );
      await expectCode(call('bo', 'put', '/api/fleet/me/location', { lat: '45', lng: 4 }), 400, 'VALIDATION_FAILED');
      await expectCode(
        call('bo', 'put', '/api/fleet/me/location', { lat: 45, lng: 4, accuracyM: -3 }),
        400,
        'VALIDATION_FAILED',
      );
      await expectCode(
        call('bo', 'put', '/api/fleet/me/location', { lat: 45, lng: 4, recordedAt: 'yesterday' }),
        400,
        'VALIDATION_FAILED',
      );
      await expectCode(call('dee', 'put', '/api/fleet/me/location', { lat: 45, lng: 4 }), 404, 'NO_COURIER_PROFILE');
      await expectCode(call('admin', 'put', '/api/fleet/me/location', { lat: 45, lng: 4 }), 403, 'FORBIDDEN');
      const rows = await h.su.query('select courier_id from courier_locations');
      expect(rows.rows).toEqual([{ courier_id: courierId['bo'] }]);
    });
  });

  describe('worker ownership from real activity', () => {
    it('counts active-flagged couriers on duty or with a begun shift in 30 days; members by the member-owner flag', async () => {
      const db = h.app.get(Database);
      const now = new Date();
      // Ana is on duty (member); Bo and Cy have only future shifts so far
      let figures = await db.forCoop(coopA, (tx) => workerOwnershipFigures(tx, coopA, now));
      expect(figures).toEqual({ activeCouriers: 1, memberCouriers: 1, share: 1 });
      // Bo rode ten days ago, Cy forty days ago (outside the window)
      await h.su.query(
        `insert into courier_shifts (coop_id, courier_id, starts_at, ends_at) values
           ($1, $2, now() - interval '10 days', now() - interval '10 days' + interval '4 hours'),
           ($1, $3, now() - interval '40 days', now() - interval '40 days' + interval '4 hours')`,
        [coopA, courierId['bo'], courierId['cy']],
      );
      figures = await db.forCoop(coopA, (tx) => workerOwnershipFigures(tx, coopA, now));
      expect(figures).toEqual({ activeCouriers: 2, memberCouriers: 1, share: 0.5 });
      const records = await db.forCoop(coopA, (tx) => courierOwnershipRecords(tx, coopA, now));
      expect(records.find((r) => r.userId === user['ana'])?.lastActiveAt?.getTime()).toBe(now.getTime());
      // coop B has no active courier
      expect(await db.forCoop(coopB, (tx) => workerOwnershipFigures(tx, coopB, now))).toEqual({
        activeCouriers: 0,
        memberCouriers: 0,
        share: null,
      });
    });

    it('the Couriers page’s figure follows the member flags and the active flag, with the federation threshold', async () => {
      let res = await call('admin', 'get', '/api/fleet/ownership');
      expect(res.body).toEqual({
        activeCouriers: 2,
        memberCouriers: 1,
        share: 0.5,
        threshold: 0.5,
        belowThreshold: false,
      });
      await call('admin', 'patch', `/api/fleet/couriers/${courierId['ana']}`, { memberOwner: false }).expect(200);
      res = await call('admin', 'get', '/api/fleet/ownership');
      expect(res.body).toEqual({
        activeCouriers: 2,
        memberCouriers: 0,
        share: 0,
        threshold: 0.5,
        belowThreshold: true,
      });
      await call('admin', 'patch', `/api/fleet/couriers/${courierId['ana']}`, { memberOwner: true }).expect(200);
      await call('admin', 'patch', `/api/fleet/couriers/${courierId['bo']}`, { active: false }).expect(200);
      res = await call('admin', 'get', '/api/fleet/ownership');
      expect(res.body).toMatchObject({ activeCouriers: 1, memberCouriers: 1, share: 1 });
      await h.su.query(
        `insert into federation_setting_versions (key, version, value, source)
           select 'worker_ownership_threshold', coalesce(max(version), 0) + 1, '0.75', 'admin'
             from federation_setting_versions where key = 'worker_ownership_threshold'`,
      );
      res = await call('admin', 'get', '/api/fleet/ownership');
      expect(res.body.threshold).toBe(0.75);
      await expectCode(call('dispatcher', 'get', '/api/fleet/ownership'), 403, 'FORBIDDEN');
    });
  });

  describe('isolation inside one coop: a courier reaches only their own profile', () => {
    it('every /api/fleet/me route as Bo leaves the other couriers’ rows unchanged and never shows them', async () => {
      const others = async () =>
        JSON.stringify(
          (
            await h.su.query(
              `select t.tbl, t.r from (
                 select 'c' as tbl, to_jsonb(c) as r, c.id as courier_id from couriers c
                 union all select 's', to_jsonb(s), s.courier_id from courier_shifts s
                 union all select 'd', to_jsonb(d), d.courier_id from courier_duty_periods d
                 union all select 'l', to_jsonb(l), l.courier_id from courier_locations l) t
                where t.courier_id <> $1 order by t.tbl, t.r::text`,
              [courierId['bo']],
            )
          ).rows,
        );
      await call('admin', 'patch', `/api/fleet/couriers/${courierId['bo']}`, { active: true }).expect(200);
      const before = await others();
      const week = `from=${iso(WEEK)}&to=${iso(WEEK + 7 * 24 * HOUR)}`;
      const answers = [
        await call('bo', 'get', '/api/fleet/me'),
        await call('bo', 'patch', '/api/fleet/me', { phone: '+33799999999' }),
        await call('bo', 'get', `/api/fleet/me/shifts?${week}`),
        await call('bo', 'get', '/api/fleet/me/duty-periods'),
        await call('bo', 'post', '/api/fleet/me/on-duty', {}),
        await call('bo', 'put', '/api/fleet/me/location', { lat: 45.7, lng: 4.8 }),
        await call('bo', 'post', '/api/fleet/me/off-duty', {}),
      ];
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 204, 200]);
      for (const r of answers) {
        const text = JSON.stringify(r.body ?? '');
        for (const other of ['Ana', 'Cy', courierId['ana'], courierId['cy']])
          expect([other, text.includes(other as string)]).toEqual([other, false]);
      }
      expect(await others()).toBe(before);
      // and the admin routes that could name another courier stay closed to a courier
      for (const [method, url] of [
        ['get', `/api/fleet/couriers/${courierId['ana']}`],
        ['patch', `/api/fleet/couriers/${courierId['ana']}`],
        ['get', `/api/fleet/couriers/${courierId['ana']}/duty-periods`],
        ['get', `/api/fleet/shifts?${week}`],
        ['post', '/api/fleet/shifts'],
      ] as const) {
        const res = await call('bo', method, url, method === 'get' ? undefined : { note: 'x' });
        expect([url, res.status]).toEqual([url, 403]);
      }
      expect(await others()).toBe(before);
    });
  });
  describe('the coop’s data export', () => {
    it('holds the fleet’s four tables, each read for the coop only', async () => {
      const tables = h.app.get(CoopExportRegistry).all();
      const fleet = tables.filter((t) =>
        ['couriers', 'courier_shifts', 'courier_duty_periods', 'courier_locations'].includes(t.name),
      );
      expect(fleet.map((t) => t.name)).toEqual([
        'couriers',
        'courier_shifts',
        'courier_duty_periods',
        'courier_locations',
      ]);
      const db = h.app.get(Database);
      const couriersOf = (coopId: string) =>
        db.forCoop(coopId, ({ manager }) => (fleet[0] as (typeof fleet)[number]).read(manager, coopId));
      const rows = await couriersOf(coopA);
      expect(rows.map((r) => r['display_name']).sort()).toEqual(['Ana', 'Bo', 'Cy']);
      for (const row of rows) expect(Object.keys(row)).toEqual([...(fleet[0]?.columns ?? [])]);
      expect(await couriersOf(coopB)).toEqual([]);
      const shifts = await db.forCoop(coopA, ({ manager }) =>
        (fleet[1] as (typeof fleet)[number]).read(manager, coopA),
      );
      expect(shifts.length).toBeGreaterThan(0);
    });
  });
});
