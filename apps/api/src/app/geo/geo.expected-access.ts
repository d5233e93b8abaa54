import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import type { CoopFixture, Expectation, Role } from '../isolation/access-expectation';

/**
 * The expected access of geo's routes, as the isolation suite probes them: coop admins manage
 * zones and the service area; dispatchers and merchant staff read them (abilities of 'Zone').
 */
const READERS: Role[] = ['coop_admin', 'dispatcher', 'merchant_staff'];
const ADMINS: Role[] = ['coop_admin'];

/** a small square near Lyon's centre, inside the probe's service area */
const square = (dx = 0) => ({
  type: 'Polygon',
  coordinates: [
    [
      [4.83 + dx, 45.75],
      [4.84 + dx, 45.75],
      [4.84 + dx, 45.76],
      [4.83 + dx, 45.76],
      [4.83 + dx, 45.75],
    ],
  ],
});

/** each coop's fixture zone, by coop id: the probes aim at a foreign coop's */
const zoneOf = new Map<string, string>();
const foreignZone = (f: CoopFixture) => {
  const id = zoneOf.get(f.id);
  if (!id) throw new Error(`no fixture zone for coop ${f.slug}`);
  return id;
};

async function fixture(su: Client, coop: CoopFixture): Promise<void> {
  if (zoneOf.has(coop.id)) return;
  await su.query(
    `insert into coop_service_areas (coop_id, centre_lat, centre_lng, radius_m) values ($1, 45.7578, 4.832, 20000)
     on conflict (coop_id) do nothing`,
    [coop.id],
  );
  const zone = await su.query<{ id: string }>(
    `insert into zones (coop_id, name, geometry, bbox) values ($1, $2, $3, '{4.83,45.75,4.84,45.76}') returning id`,
    [coop.id, `Zone ${coop.canary}`, JSON.stringify(square())],
  );
  zoneOf.set(coop.id, zone.rows[0]?.id as string);
}

const probeName = () => `Probe ${randomBytes(3).toString('hex')}`;

export const GEO_EXPECTED: Record<string, Expectation> = {
  'GET /api/geo/zones': {
    permission: 'read:Zone',
    kind: 'list',
    allowed: READERS,
    probe: () => ({ method: 'get', url: '/api/geo/zones' }),
    fixture,
  },
  'GET /api/geo/zones/export': {
    permission: 'read:Zone',
    kind: 'list',
    allowed: READERS,
    probe: () => ({ method: 'get', url: '/api/geo/zones/export' }),
    fixture,
  },
  'GET /api/geo/zones/:zoneId': {
    permission: 'read:Zone',
    kind: 'read',
    allowed: READERS,
    probe: (f) => ({ method: 'get', url: `/api/geo/zones/${foreignZone(f)}` }),
  },
  'POST /api/geo/zones': {
    permission: 'create:Zone',
    kind: 'write',
    allowed: ADMINS,
    status: 201,
    probe: () => ({ method: 'post', url: '/api/geo/zones', body: { name: probeName(), geometry: square(0.001) } }),
  },
  'POST /api/geo/zones/import': {
    permission: 'create:Zone',
    kind: 'write',
    allowed: ADMINS,
    status: 201,
    probe: () => ({
      method: 'post',
      url: '/api/geo/zones/import',
      body: {
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { name: probeName() }, geometry: square(0.002) }],
      },
    }),
  },
  'PATCH /api/geo/zones/:zoneId': {
    permission: 'update:Zone',
    kind: 'write',
    allowed: ADMINS,
    probe: (f) => ({ method: 'patch', url: `/api/geo/zones/${foreignZone(f)}`, body: { name: probeName() } }),
  },
  'DELETE /api/geo/zones/:zoneId': {
    permission: 'delete:Zone',
    kind: 'write',
    allowed: ADMINS,
    probe: (f) => ({ method: 'delete', url: `/api/geo/zones/${foreignZone(f)}` }),
  },
  // the coop is the token's: there is no foreign id to aim at, only one's own area
  'GET /api/geo/service-area': {
    permission: 'read:Zone',
    kind: 'fixed',
    allowed: READERS,
    status: 200,
    probe: () => ({ method: 'get', url: '/api/geo/service-area' }),
  },
  'PUT /api/geo/service-area': {
    permission: 'update:Zone',
    kind: 'write',
    allowed: ADMINS,
    status: 200,
    probe: () => ({
      method: 'put',
      url: '/api/geo/service-area',
      body: { centre: { lat: 45.7578, lng: 4.832 }, radiusM: 20000 },
    }),
  },
};
