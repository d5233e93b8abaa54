import { Database } from '@federacycle/platform-database';
import { GEO_LIMITS, type ZoneView } from '@federacycle/contracts';
import { ZonesService, seedGeo } from '@federacycle/geo-server';
import { insertCoop, insertUser, signIn, startHarness, type IdentityHarness } from '../identity/identity-harness';

/** a square of `size` degrees at (lng, lat) */
const square = (lng: number, lat: number, size = 0.01) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lng, lat],
      [lng + size, lat],
      [lng + size, lat + size],
      [lng, lat + size],
      [lng, lat],
    ],
  ],
});
const LYON = { centre: { lat: 45.7578, lng: 4.832 }, radiusM: 15000 };

describe('geo: zones and the service area over HTTP (real PostgreSQL as fc_app)', () => {
  let h: IdentityHarness;
  let coopA: string;
  let coopB: string;
  let adminA: string;
  let adminB: string;
  let dispatcherA: string;
  let courierA: string;

  beforeAll(async () => {
    h = await startHarness();
    coopA = await insertCoop(h.su, 'geo-a', 'Geo A');
    coopB = await insertCoop(h.su, 'geo-b', 'Geo B');
    await insertUser(h, 'admin.a@geo.test', 'Admin A', [[coopA, ['coop_admin']]]);
    await insertUser(h, 'admin.b@geo.test', 'Admin B', [[coopB, ['coop_admin']]]);
    await insertUser(h, 'dispatch.a@geo.test', 'Dispatcher A', [[coopA, ['dispatcher']]]);
    await insertUser(h, 'courier.a@geo.test', 'Courier A', [[coopA, ['courier']]]);
    adminA = (await signIn(h, 'admin.a@geo.test')).accessToken;
    adminB = (await signIn(h, 'admin.b@geo.test')).accessToken;
    dispatcherA = (await signIn(h, 'dispatch.a@geo.test')).accessToken;
    courierA = (await signIn(h, 'courier.a@geo.test')).accessToken;
  });
  afterAll(() => h?.close());

  const as = (token: string) => {
    const auth = { Authorization: `Bearer ${token}` };
    return {
      area: () => h.http().get('/api/geo/service-area').set(auth),
      setArea: (body: object) => h.http().put('/api/geo/service-area').set(auth).send(body),
      list: (query = '') => h.http().get(`/api/geo/zones${query}`).set(auth),
      get: (id: string) => h.http().get(`/api/geo/zones/${id}`).set(auth),
      create: (body: object) => h.http().post('/api/geo/zones').set(auth).send(body),
      update: (id: string, body: object) => h.http().patch(`/api/geo/zones/${id}`).set(auth).send(body),
      remove: (id: string) => h.http().delete(`/api/geo/zones/${id}`).set(auth),
      import: (body: object) => h.http().post('/api/geo/zones/import').set(auth).send(body),
      export: () => h.http().get('/api/geo/zones/export').set(auth),
    };
  };
  const count = async (coopId: string) =>
    Number((await h.su.query('select count(*) from zones where coop_id = $1', [coopId])).rows[0].count);

  it('serves the console its runtime settings: no map tiles unless configured', async () => {
    const res = await h.http().get('/api/public/console-config');
    expect([res.status, res.body]).toEqual([200, { mapTileUrl: '', mapTileAttribution: '' }]);
  });

  it('a coop without a service area: the area reads null and a zone is checked for validity only', async () => {
    const area = await as(adminB).area();
    expect([area.status, area.body]).toEqual([200, { area: null }]);
    const anywhere = await as(adminB).create({ name: 'Far away', geometry: square(100, 10) });
    expect(anywhere.status).toBe(201);
    const bow = await as(adminB).create({
      name: 'Bow',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [1, 0],
            [0, 1],
            [0, 0],
          ],
        ],
      },
    });
    expect([bow.status, bow.body.code]).toEqual([400, 'GEOMETRY_SELF_INTERSECTS']);
  });

  it('sets the service area (coop admin only) and refuses bad centres and radii', async () => {
    for (const body of [
      { centre: { lat: 95, lng: 4.8 }, radiusM: 15000 },
      { centre: { lat: 45.7, lng: 200 }, radiusM: 15000 },
      { centre: { lat: 45.7, lng: 4.8 }, radiusM: 10 },
      { centre: { lat: 45.7, lng: 4.8 } },
      { centre: { lat: 45.7, lng: 4.8 }, radiusM: 15000, extra: 1 },
    ]) {
      const res = await as(adminA).setArea(body);
      expect([JSON.stringify(body), res.status, res.body.code]).toEqual([
        JSON.stringify(body),
        400,
        'VALIDATION_FAILED',
      ]);
    }
    expect((await as(dispatcherA).setArea(LYON)).status).toBe(403);
    const set = await as(adminA).setArea(LYON);
    expect([set.status, set.body.centre, set.body.radiusM]).toEqual([200, LYON.centre, 15000]);
    expect((await as(dispatcherA).area()).body.area).toMatchObject(LYON);
    expect((await as(courierA).area()).status).toBe(403);
  });

  let presquile: ZoneView;
  it('creates a zone, reads and lists it for its coop only (dispatchers read, couriers do not)', async () => {
    const created = await as(adminA).create({
      name: '  Presqu’île ',
      colour: '#AA3300',
      geometry: square(4.83, 45.75),
    });
    expect(created.status).toBe(201);
    presquile = created.body as ZoneView;
    expect(presquile).toMatchObject({ name: 'Presqu’île', colour: '#aa3300', bbox: [4.83, 45.75, 4.84, 45.76] });
    expect(presquile.areaM2).toBeGreaterThan(700_000);
    expect(presquile.areaM2).toBeLessThan(900_000);
    expect((await as(dispatcherA).get(presquile.id)).body.name).toBe('Presqu’île');
    const list = await as(dispatcherA).list();
    expect([list.status, list.body.total, list.body.items.map((z: ZoneView) => z.name)]).toEqual([
      200,
      1,
      ['Presqu’île'],
    ]);
    expect((await as(adminB).get(presquile.id)).status).toBe(404);
    expect((await as(adminB).list()).body.items.map((z: ZoneView) => z.name)).not.toContain('Presqu’île');
    expect((await as(courierA).list()).status).toBe(403);
    expect((await as(dispatcherA).create({ name: 'No', geometry: square(4.83, 45.75) })).status).toBe(403);
  });

  it.each<[string, object, number, string]>([
    [
      'self-intersecting',
      {
        type: 'Polygon',
        coordinates: [
          [
            [4.83, 45.75],
            [4.84, 45.76],
            [4.84, 45.75],
            [4.83, 45.76],
            [4.83, 45.75],
          ],
        ],
      },
      400,
      'GEOMETRY_SELF_INTERSECTS',
    ],
    [
      'fewer than 3 points',
      {
        type: 'Polygon',
        coordinates: [
          [
            [4.83, 45.75],
            [4.84, 45.76],
            [4.83, 45.75],
          ],
        ],
      },
      400,
      'GEOMETRY_TOO_FEW_POINTS',
    ],
    [
      'out of range',
      {
        type: 'Polygon',
        coordinates: [
          [
            [4.83, 95],
            [4.84, 45.76],
            [4.84, 45.75],
            [4.83, 95],
          ],
        ],
      },
      400,
      'GEOMETRY_OUT_OF_RANGE',
    ],
    [
      'an open ring',
      {
        type: 'Polygon',
        coordinates: [
          [
            [4.83, 45.75],
            [4.84, 45.76],
            [4.84, 45.75],
          ],
        ],
      },
      400,
      'GEOMETRY_RING_OPEN',
    ],
    ['a point', { type: 'Point', coordinates: [4.83, 45.75] }, 400, 'GEOMETRY_INVALID'],
    ['in Barcelona', square(2.16, 41.38), 400, 'ZONE_OUTSIDE_SERVICE_AREA'],
  ])('refuses a zone %s with its own code and writes nothing', async (_what, geometry, status, code) => {
    const before = await count(coopA);
    const res = await as(adminA).create({ name: 'Bad shape', geometry });
    expect([res.status, res.body.code]).toEqual([status, code]);
    expect(res.body.message.length).toBeGreaterThan(20);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'geometry', code })]);
    expect(await count(coopA)).toBe(before);
  });

  it('refuses an oversized shape, a duplicate name (any case), a bad colour and unknown fields', async () => {
    const ring: number[][] = [];
    const n = GEO_LIMITS.maxZoneVertices + 10;
    for (let i = 0; i < n; i += 1) {
      const a = (i / n) * 2 * Math.PI;
      ring.push([4.832 + 0.01 * Math.cos(a), 45.7578 + 0.01 * Math.sin(a)]);
    }
    ring.push(ring[0] as number[]);
    const big = await as(adminA).create({ name: 'Big', geometry: { type: 'Polygon', coordinates: [ring] } });
    expect([big.status, big.body.code]).toEqual([400, 'GEOMETRY_TOO_LARGE']);
    const dup = await as(adminA).create({ name: 'PRESQU’ÎLE'.toLowerCase(), geometry: square(4.82, 45.75) });
    expect([dup.status, dup.body.code]).toEqual([409, 'ZONE_NAME_TAKEN']);
    for (const body of [
      { name: 'x', colour: 'red', geometry: square(4.83, 45.75) },
      { name: '', geometry: square(4.83, 45.75) },
      { name: 'x'.repeat(81), geometry: square(4.83, 45.75) },
      { name: 'x', geometry: 'Polygon' },
      { name: 'x', geometry: square(4.83, 45.75), owner: 'me' },
    ]) {
      const res = await as(adminA).create(body);
      expect([JSON.stringify(body).slice(0, 60), res.status, res.body.code]).toEqual([
        JSON.stringify(body).slice(0, 60),
        400,
        'VALIDATION_FAILED',
      ]);
    }
    expect(await count(coopA)).toBe(1);
  });

  it('renames, recolours and reshapes; a taken name or a bad shape changes nothing', async () => {
    const other = await as(adminA).create({ name: 'Croix-Rousse', geometry: square(4.82, 45.77) });
    expect(other.status).toBe(201);
    const renamed = await as(adminA).update(presquile.id, { name: 'Presqu’île centre', colour: '#112233' });
    expect([renamed.status, renamed.body.name, renamed.body.colour]).toEqual([200, 'Presqu’île centre', '#112233']);
    const reshaped = await as(adminA).update(presquile.id, { geometry: square(4.83, 45.75, 0.02) });
    expect([reshaped.status, reshaped.body.bbox]).toEqual([200, [4.83, 45.75, 4.85, 45.77]]);
    const taken = await as(adminA).update(presquile.id, { name: 'croix-rousse' });
    expect([taken.status, taken.body.code]).toEqual([409, 'ZONE_NAME_TAKEN']);
    const bad = await as(adminA).update(presquile.id, {
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [4.83, 45.75],
            [4.84, 45.76],
            [4.84, 45.75],
            [4.83, 45.76],
            [4.83, 45.75],
          ],
        ],
      },
    });
    expect([bad.status, bad.body.code]).toEqual([400, 'GEOMETRY_SELF_INTERSECTS']);
    const now = (await as(adminA).get(presquile.id)).body as ZoneView;
    expect([now.name, now.bbox]).toEqual(['Presqu’île centre', [4.83, 45.75, 4.85, 45.77]]);
    // the same name in another case is a rename of its own name, not a clash
    expect((await as(adminA).update(presquile.id, { name: 'PRESQU’ÎLE CENTRE' })).status).toBe(200);
    expect((await as(adminB).update(presquile.id, { name: 'Stolen' })).status).toBe(404);
  });

  it('the service area cannot shrink to leave a zone outside it', async () => {
    const res = await as(adminA).setArea({ centre: { lat: 45.7, lng: 4.7 }, radiusM: 2000 });
    expect([res.status, res.body.code]).toEqual([409, 'SERVICE_AREA_EXCLUDES_ZONES']);
    expect(res.body.message).toMatch(/Croix-Rousse/);
    expect((await as(adminA).area()).body.area.radiusM).toBe(15000);
  });

  it('finds the zones containing a point, and a zone by id, in the caller’s transaction', async () => {
    const db = h.app.get(Database);
    const zones = h.app.get(ZonesService);
    const inside = await db.forCoop(coopA, (tx) => zones.containing(tx, { lat: 45.755, lng: 4.835 }));
    expect(inside.map((z) => z.id)).toEqual([presquile.id]);
    expect(await db.forCoop(coopA, (tx) => zones.containing(tx, { lat: 45.9, lng: 4.835 }))).toEqual([]);
    expect(await db.forCoop(coopB, (tx) => zones.containing(tx, { lat: 45.755, lng: 4.835 }))).toEqual([]);
    expect((await db.forCoop(coopA, (tx) => zones.findIn(tx, presquile.id)))?.name).toBe('PRESQU’ÎLE CENTRE');
    expect(await db.forCoop(coopB, (tx) => zones.findIn(tx, presquile.id))).toBeNull();
  });

  it('refuses to delete a zone something references (409 ZONE_IN_USE), deletes it once free', async () => {
    // a stand-in for the merchants' perimeters and the fleet's shifts, which will reference zones
    await h.su.query(
      'create table zone_users (coop_id uuid not null, zone_id uuid not null, foreign key (coop_id, zone_id) references zones (coop_id, id))',
    );
    await h.su.query('insert into zone_users values ($1, $2)', [coopA, presquile.id]);
    const refused = await as(adminA).remove(presquile.id);
    expect([refused.status, refused.body.code]).toEqual([409, 'ZONE_IN_USE']);
    expect((await as(adminA).get(presquile.id)).status).toBe(200);
    await h.su.query('delete from zone_users');
    expect((await as(adminB).remove(presquile.id)).status).toBe(404);
    expect((await as(dispatcherA).remove(presquile.id)).status).toBe(403);
    expect((await as(adminA).remove(presquile.id)).status).toBe(204);
    expect((await as(adminA).get(presquile.id)).status).toBe(404);
    expect((await as(adminA).remove(presquile.id)).status).toBe(404);
  });

  it('imports a FeatureCollection all or nothing, and exports what it imported', async () => {
    const before = await count(coopA);
    const feature = (name: unknown, geometry: object, extra: object = {}) => ({
      type: 'Feature',
      properties: { name, ...extra },
      geometry,
    });
    const refused = await as(adminA).import({
      type: 'FeatureCollection',
      features: [
        feature('Part-Dieu', square(4.85, 45.76)),
        feature('Bad', {
          type: 'Polygon',
          coordinates: [
            [
              [4.83, 45.75],
              [4.84, 45.76],
              [4.84, 45.75],
              [4.83, 45.76],
              [4.83, 45.75],
            ],
          ],
        }),
        feature('', square(4.86, 45.76)),
        feature('croix-rousse', square(4.87, 45.76)),
      ],
    });
    expect([refused.status, refused.body.code]).toEqual([400, 'GEOMETRY_SELF_INTERSECTS']);
    expect(refused.body.message).toMatch(/^3 features cannot be imported, so nothing was: Feature 2 \(“Bad”\)/);
    expect(refused.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['features.1.geometry', 'GEOMETRY_SELF_INTERSECTS'],
      ['features.2.properties.name', 'GEOJSON_INVALID'],
      ['features.3.properties.name', 'ZONE_NAME_TAKEN'],
    ]);
    expect(await count(coopA)).toBe(before);

    const dupInFile = await as(adminA).import({
      type: 'FeatureCollection',
      features: [feature('Gerland', square(4.83, 45.73)), feature('GERLAND', square(4.84, 45.73))],
    });
    expect([dupInFile.status, dupInFile.body.code]).toEqual([409, 'ZONE_NAME_TAKEN']);
    expect((await as(adminA).import({ type: 'FeatureCollection', features: [] })).body.code).toBe('GEOJSON_INVALID');
    expect((await as(adminA).import({ type: 'Feature', features: [] })).body.code).toBe('VALIDATION_FAILED');
    const tooMany = Array.from({ length: GEO_LIMITS.maxImportFeatures + 1 }, (_, i) =>
      feature(`Z${i}`, square(4.83, 45.75, 0.001)),
    );
    expect((await as(adminA).import({ type: 'FeatureCollection', features: tooMany })).body.code).toBe(
      'GEOMETRY_TOO_LARGE',
    );
    expect(await count(coopA)).toBe(before);

    const ok = await as(adminA).import({
      type: 'FeatureCollection',
      name: 'from QGIS',
      features: [
        feature('Part-Dieu', square(4.85, 45.76), { colour: '#C0612B' }),
        feature('Gerland', square(4.83, 45.73), { other: 'kept out' }),
      ],
    });
    expect([ok.status, ok.body.created, ok.body.items.map((z: ZoneView) => [z.name, z.colour])]).toEqual([
      201,
      2,
      [
        ['Gerland', '#3b6ea8'],
        ['Part-Dieu', '#c0612b'],
      ],
    ]);
    const exported = await as(dispatcherA).export();
    expect(exported.status).toBe(200);
    expect(exported.body.type).toBe('FeatureCollection');
    expect(exported.body.features.map((f: { properties: { name: string } }) => f.properties.name)).toEqual([
      'Croix-Rousse',
      'Gerland',
      'Part-Dieu',
    ]);
    expect(exported.body.features[2].geometry).toEqual(square(4.85, 45.76));
    // the export imports back into another coop as it is
    const back = await as(adminB).import(exported.body);
    expect([back.status, back.body.created]).toEqual([201, 3]);
  });

  it('pages the list by name', async () => {
    const page = await as(adminA).list('?limit=2&offset=1');
    expect([page.body.total, page.body.items.map((z: ZoneView) => z.name)]).toEqual([3, ['Gerland', 'Part-Dieu']]);
    expect((await as(adminA).list('?limit=2&offset=10')).body).toEqual({ items: [], total: 3 });
  });

  it('seeds the demo coops’ areas and zones once (idempotent)', async () => {
    await insertCoop(h.su, 'lyon', 'Lyon demo');
    const db = h.app.get(Database);
    expect(await seedGeo(db)).toEqual({ zonesCreated: 3, areasCreated: 1 });
    expect(await seedGeo(db)).toEqual({ zonesCreated: 0, areasCreated: 0 });
    const names = await h.su.query(
      "select name from zones where coop_id = (select id from coops where slug = 'lyon') order by name",
    );
    expect(names.rows.map((r) => r.name)).toEqual(['Croix-Rousse', 'Part-Dieu – Guillotière', 'Presqu’île']);
  });
});
