import { insertCoop, insertUser, signIn, startHarness, type IdentityHarness } from '../identity/identity-harness';

const lyon = {
  name: 'Chez Mado',
  kind: 'restaurant',
  address: { line1: '12 rue de la République', line2: null, postalCode: '69002', city: 'Lyon', country: 'FR' },
  location: { lat: 45.7622, lng: 4.8357, geocodedBy: 'manual_pin' },
  contact: { name: 'Mado', phone: '+33 4 78 00 00 00', email: 'Mado@Example.org' },
  openingHours: 'Mo-Su 00:00-24:00; PH off',
  preparation: { defaultMinutes: 12, busy: [{ when: 'Mo-Su 00:00-24:00', minutes: 25 }] },
  fulfilment: ['delivery', 'collection'],
  perimeter: { kind: 'radius', radiusM: 3000 },
  minimumOrder: { amount: 1500, currency: 'EUR' },
};

describe('merchants over HTTP (real PostgreSQL as fc_app)', () => {
  let h: IdentityHarness;
  let admin: string;
  let adminB: string;
  let dispatcher: string;
  let coopA: string;

  beforeAll(async () => {
    h = await startHarness();
    coopA = await insertCoop(h.su, 'merchants-a', 'Merchants A');
    const coopB = await insertCoop(h.su, 'merchants-b', 'Merchants B');
    await insertUser(h, 'admin.a@merchants.test', 'Admin A', [[coopA, ['coop_admin']]]);
    await insertUser(h, 'disp.a@merchants.test', 'Dispatcher A', [[coopA, ['dispatcher']]]);
    await insertUser(h, 'admin.b@merchants.test', 'Admin B', [[coopB, ['coop_admin']]]);
    admin = (await signIn(h, 'admin.a@merchants.test')).accessToken;
    dispatcher = (await signIn(h, 'disp.a@merchants.test')).accessToken;
    adminB = (await signIn(h, 'admin.b@merchants.test')).accessToken;
  });
  afterAll(() => h?.close());

  const api = (token: string) => ({
    get: (url: string) => h.http().get(url).set('Authorization', `Bearer ${token}`),
    post: (url: string, body: object) => h.http().post(url).set('Authorization', `Bearer ${token}`).send(body),
    patch: (url: string, body: object) => h.http().patch(url).set('Authorization', `Bearer ${token}`).send(body),
  });
  const count = async () =>
    Number(
      (await h.su.query<{ n: string }>('select count(*) as n from merchants where coop_id = $1', [coopA])).rows[0]?.n,
    );

  it('creates a merchant with its address, point, hours, preparation and perimeter, and reads it back', async () => {
    const created = await api(admin).post('/api/merchants', lyon);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Chez Mado',
      address: { city: 'Lyon', postalCode: '69002', country: 'FR', line2: null },
      location: { lat: 45.7622, lng: 4.8357, geocodedBy: 'manual_pin', geocoderRef: null },
      contact: { email: 'mado@example.org' },
      perimeter: { kind: 'radius', radiusM: 3000 },
      minimumOrder: { amount: 1500, currency: 'EUR' },
      pause: null,
      archived: false,
      timezone: 'Europe/Paris',
      preparationMinutesNow: 25,
    });
    // open all day except public holidays: open now unless today is one
    expect(created.body.state.openNow).toBe(!created.body.state.holidayToday);
    const read = await api(dispatcher).get(`/api/merchants/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.name).toBe('Chez Mado');
    expect((await api(adminB).get(`/api/merchants/${created.body.id}`)).status).toBe(404);
    expect((await api(dispatcher).post('/api/merchants', lyon)).status).toBe(403);
  });

  it('computes the next change and the opening time from the hours', async () => {
    const closed = await api(admin).post('/api/merchants', { ...lyon, name: 'Never open', openingHours: 'off' });
    expect(closed.status).toBe(201);
    expect(closed.body.state).toMatchObject({ openNow: false, nextChange: null, opensAt: null });
    const weekly = await api(admin).post('/api/merchants', {
      ...lyon,
      name: 'Weekly',
      openingHours: 'Mo-Fr 09:00-17:00',
    });
    const { state } = weekly.body;
    const next = new Date(state.nextChange).getTime();
    expect(next).toBeGreaterThan(Date.now());
    expect(next - Date.now()).toBeLessThanOrEqual(4 * 24 * 3600 * 1000);
    expect(state.openNow ? state.closesAt : state.opensAt).toBe(state.nextChange);
    // the instant is on a Paris wall-clock hour of the text (09:00 or 17:00)
    const paris = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });
    expect(['09:00', '17:00']).toContain(paris.format(new Date(state.nextChange)));
  });

  it('refuses opening hours that do not parse with 400 OPENING_HOURS_INVALID naming the position', async () => {
    const before = await count();
    const res = await api(admin).post('/api/merchants', { ...lyon, openingHours: 'Mo-Fx 10:00-12:00' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('OPENING_HOURS_INVALID');
    expect(res.body.message).toMatch(/character \d+/);
    expect(res.body.errors[0]).toMatchObject({ field: 'openingHours' });
    const busy = await api(admin).post('/api/merchants', {
      ...lyon,
      preparation: { defaultMinutes: 10, busy: [{ when: 'Fr 25:00-26:00', minutes: 30 }] },
    });
    expect([busy.status, busy.body.code, busy.body.errors[0].field]).toEqual([
      400,
      'OPENING_HOURS_INVALID',
      'preparation.busy.0.when',
    ]);
    expect(await count()).toBe(before);
  });

  it('refuses bad input with stable codes and writes nothing', async () => {
    const before = await count();
    const cases: Array<[object, string]> = [
      [{ ...lyon, location: { lat: 91, lng: 4.8, geocodedBy: 'typed' } }, 'COORDINATES_OUT_OF_RANGE'],
      [{ ...lyon, location: { lat: 45, lng: -181, geocodedBy: 'typed' } }, 'COORDINATES_OUT_OF_RANGE'],
      [{ ...lyon, perimeter: { kind: 'zone', zoneId: '00000000-0000-4000-8000-000000000000' } }, 'UNKNOWN_ZONE'],
      [{ ...lyon, minimumOrder: { amount: 100, currency: 'USD' } }, 'CURRENCY_MISMATCH'],
      [{ ...lyon, minimumOrder: { amount: -1, currency: 'EUR' } }, 'VALIDATION_FAILED'],
      [{ ...lyon, kind: 'bakery' }, 'VALIDATION_FAILED'],
      [{ ...lyon, fulfilment: [] }, 'VALIDATION_FAILED'],
      [{ ...lyon, perimeter: { kind: 'radius' } }, 'VALIDATION_FAILED'],
      [{ ...lyon, extra: 1 }, 'VALIDATION_FAILED'],
    ];
    for (const [body, code] of cases) {
      const res = await api(admin).post('/api/merchants', body);
      expect([JSON.stringify(body).slice(0, 60), res.status, res.body.code]).toEqual([
        JSON.stringify(body).slice(0, 60),
        400,
        code,
      ]);
    }
    expect(await count()).toBe(before);
  });

  it('takes a zone of the coop as perimeter', async () => {
    const zone = await h.su.query<{ id: string }>(
      `insert into zones (coop_id, name, geometry, bbox) values ($1, 'Presqu’île',
        '{"type":"Polygon","coordinates":[[[4.82,45.75],[4.84,45.75],[4.84,45.77],[4.82,45.75]]]}', '{4.82,45.75,4.84,45.77}') returning id`,
      [coopA],
    );
    const zoneId = zone.rows[0]?.id as string;
    const res = await api(admin).post('/api/merchants', {
      ...lyon,
      name: 'Zoned',
      perimeter: { kind: 'zone', zoneId },
    });
    expect(res.status).toBe(201);
    expect(res.body.perimeter).toEqual({ kind: 'zone', zoneId });
  });

  it('updates only what is sent, pauses with a reason and an automatic end, and unpauses', async () => {
    const { body: m } = await api(admin).post('/api/merchants', { ...lyon, name: 'Pausable' });
    const updated = await api(admin).patch(`/api/merchants/${m.id}`, {
      name: 'Pausable bis',
      fulfilment: ['collection'],
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Pausable bis', fulfilment: ['collection'], address: lyon.address });
    const until = new Date(Date.now() + 3600_000).toISOString();
    const paused = await api(admin).post(`/api/merchants/${m.id}/pause`, { reason: 'Oven broken', until });
    expect(paused.status).toBe(200);
    expect(paused.body.pause).toMatchObject({ reason: 'Oven broken', until });
    expect(paused.body.state).toMatchObject({ openNow: false, opensAt: until });
    const list = await api(admin).get('/api/merchants?paused=true');
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([m.id]);
    // a read after the automatic end counts as unpaused (no job needed)
    await h.su.query(`update merchants set paused_until = now() - interval '1 minute' where id = $1`, [m.id]);
    const after = await api(admin).get(`/api/merchants/${m.id}`);
    expect(after.body.pause).toBeNull();
    expect((await api(admin).get('/api/merchants?paused=true')).body.items).toEqual([]);
    const past = await api(admin).post(`/api/merchants/${m.id}/pause`, { reason: 'x', until: '2020-01-01T00:00:00Z' });
    expect([past.status, past.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    await api(admin).post(`/api/merchants/${m.id}/pause`, { reason: 'Holidays' });
    const unpaused = await api(admin).post(`/api/merchants/${m.id}/unpause`, {});
    expect(unpaused.body.pause).toBeNull();
    expect((await api(dispatcher).post(`/api/merchants/${m.id}/pause`, { reason: 'no' })).status).toBe(403);
  });

  it('lists with paging, search, kind and open-now filters; archives', async () => {
    await api(admin).post('/api/merchants', {
      ...lyon,
      name: 'Épicerie Croix-Rousse',
      kind: 'shop',
      openingHours: 'off',
    });
    const shops = await api(admin).get('/api/merchants?kind=shop');
    expect(shops.body.items.map((i: { name: string }) => i.name)).toEqual(['Épicerie Croix-Rousse']);
    const search = await api(admin).get('/api/merchants?q=croix');
    expect(search.body.items).toHaveLength(1);
    const page = await api(admin).get('/api/merchants?limit=2&offset=0');
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThan(2);
    const open = await api(admin).get('/api/merchants?openNow=true&limit=200');
    expect(open.body.items.every((i: { openNow: boolean }) => i.openNow)).toBe(true);
    expect(open.body.items.map((i: { name: string }) => i.name)).not.toContain('Épicerie Croix-Rousse');
    const id = shops.body.items[0].id as string;
    const archived = await api(admin).post(`/api/merchants/${id}/archive`, {});
    expect(archived.body.archived).toBe(true);
    expect((await api(admin).get('/api/merchants?kind=shop')).body.items).toEqual([]);
    expect((await api(admin).get('/api/merchants?archived=true')).body.items.map((i: { id: string }) => i.id)).toEqual([
      id,
    ]);
    const change = await api(admin).patch(`/api/merchants/${id}`, { name: 'Back' });
    expect([change.status, change.body.code]).toEqual([409, 'MERCHANT_ARCHIVED']);
    const bad = await api(admin).get('/api/merchants?openNow=maybe');
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('previews hours: the week’s open intervals, the state, and the position of an error', async () => {
    const ok = await api(dispatcher).post('/api/merchants/hours/preview', {
      openingHours: 'Mo-Fr 11:30-14:30,18:30-22:00; PH off',
      country: 'FR',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.timezone).toBe('Europe/Paris');
    expect(ok.body.week.length).toBeGreaterThanOrEqual(8);
    expect(ok.body.week.length).toBeLessThanOrEqual(12);
    const bad = await api(dispatcher).post('/api/merchants/hours/preview', {
      openingHours: 'Tu 10:00-',
      country: 'FR',
    });
    expect([bad.status, bad.body.code]).toEqual([400, 'OPENING_HOURS_INVALID']);
    expect(bad.body.message).toContain('character 10');
  });

  describe('merchant staff, scoped to their merchants', () => {
    let staffId: string;
    let mine: string;
    let theirs: string;

    beforeAll(async () => {
      staffId = await insertUser(h, 'staff.a@merchants.test', 'Staff A', [[coopA, ['merchant_staff']]]);
      mine = (await api(admin).post('/api/merchants', { ...lyon, name: 'Staff’s own' })).body.id;
      theirs = (await api(admin).post('/api/merchants', { ...lyon, name: 'Somebody else’s' })).body.id;
    });

    it('a staff member with no merchant sees none', async () => {
      const staff = (await signIn(h, 'staff.a@merchants.test')).accessToken;
      const list = await api(staff).get('/api/merchants?limit=200');
      expect([list.status, list.body.total]).toEqual([200, 0]);
      expect((await api(staff).get(`/api/merchants/${mine}`)).status).toBe(404);
    });

    it('an admin assigns merchants; the staff member then reads and pauses only those', async () => {
      const assigned = await h
        .http()
        .put(`/api/merchant-staff/${staffId}`)
        .set('Authorization', `Bearer ${admin}`)
        .send({ merchantIds: [mine] });
      expect(assigned.status).toBe(200);
      expect(assigned.body).toMatchObject({ userId: staffId, merchantIds: [mine] });
      const listed = await api(admin).get('/api/merchant-staff');
      expect(listed.body).toEqual([expect.objectContaining({ userId: staffId, merchantIds: [mine] })]);

      const session = await signIn(h, 'staff.a@merchants.test');
      expect(session.principal.merchantIds).toEqual([mine]);
      const staff = session.accessToken;
      const list = await api(staff).get('/api/merchants?limit=200');
      expect(list.body.items.map((m: { id: string }) => m.id)).toEqual([mine]);
      expect((await api(staff).get(`/api/merchants/${mine}`)).status).toBe(200);
      expect((await api(staff).get(`/api/merchants/${theirs}`)).status).toBe(404);
      expect((await api(staff).post(`/api/merchants/${theirs}/pause`, { reason: 'not mine' })).status).toBe(404);
      expect((await api(staff).post(`/api/merchants/${mine}/pause`, { reason: 'Rush' })).status).toBe(200);
      expect((await api(staff).post(`/api/merchants/${mine}/unpause`, {})).status).toBe(200);
      // the profile is the coop admin's
      expect((await api(staff).patch(`/api/merchants/${mine}`, { name: 'Mine now' })).status).toBe(403);
      expect((await api(staff).get('/api/merchant-staff')).status).toBe(403);

      // a change of assignment: the old token is stale at the next request
      await h
        .http()
        .put(`/api/merchant-staff/${staffId}`)
        .set('Authorization', `Bearer ${admin}`)
        .send({ merchantIds: [theirs] })
        .expect(200);
      const stale = await api(staff).get(`/api/merchants/${mine}`);
      expect([stale.status, stale.body.code]).toEqual([401, 'TOKEN_STALE']);
    });

    it('refuses merchants of another coop or a member without the role', async () => {
      const foreign = (await api(adminB).post('/api/merchants', { ...lyon, name: 'In B' })).body.id;
      const put = (userId: string, merchantIds: string[]) =>
        h.http().put(`/api/merchant-staff/${userId}`).set('Authorization', `Bearer ${admin}`).send({ merchantIds });
      expect((await put(staffId, [foreign])).status).toBe(404);
      const dispatcherId = (
        await h.su.query<{ id: string }>("select id from users where email = 'disp.a@merchants.test'")
      ).rows[0]?.id as string;
      const notStaff = await put(dispatcherId, [mine]);
      expect([notStaff.status, notStaff.body.code]).toEqual([409, 'NOT_MERCHANT_STAFF']);
      expect((await put(staffId, ['not-a-uuid'])).status).toBe(400);
      const row = await h.su.query('select merchant_ids from memberships where user_id = $1', [staffId]);
      expect(row.rows[0]).toEqual({ merchant_ids: [theirs] });
    });
  });
});
