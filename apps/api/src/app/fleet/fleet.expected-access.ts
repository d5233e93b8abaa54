import type { Client } from 'pg';
import { ADMIN, FOREIGN_USER, type CoopFixture, type Expectation, type Role } from '../isolation/access-expectation';

/**
 * The expected access of fleet's routes, as the isolation suite probes them: coop admins manage
 * couriers and shifts, dispatchers read them, a courier reaches only their own profile through
 * /api/fleet/me (there is no id to name there).
 */
const READERS: Role[] = ['coop_admin', 'dispatcher'];
const COURIER: Role[] = ['courier'];

/** a shift of every coop's fixture starts here (probes ask for the week around it) */
const SHIFT_AT = Date.UTC(2030, 2, 4, 8);
const WINDOW = `from=${new Date(SHIFT_AT - 86_400_000).toISOString()}&to=${new Date(SHIFT_AT + 86_400_000).toISOString()}`;

/** ids of each coop's fixture rows, for the probes aimed at a foreign coop */
const fixtures = new Map<string, { courierId: string; shiftId: string }>();
const idsOf = (coop: CoopFixture) => {
  const ids = fixtures.get(coop.id);
  if (!ids) throw new Error(`no fleet fixture for coop ${coop.slug}`);
  return ids;
};

/**
 * Every coop gets: the courier role's profile (its name carries the canary), a shift whose note
 * carries it, a closed duty period, a location, and a courier membership without a profile.
 */
async function fleetFixture(su: Client, coop: CoopFixture): Promise<void> {
  if (fixtures.has(coop.id)) return;
  const courier = await su.query<{ id: string }>(
    `insert into couriers (coop_id, user_id, display_name, vehicle, member_owner) values ($1, $2, $3, 'bike', true) returning id`,
    [coop.id, coop.users['courier'], `Rider ${coop.canary}`],
  );
  const courierId = courier.rows[0]?.id as string;
  const shift = await su.query<{ id: string }>(
    `insert into courier_shifts (coop_id, courier_id, starts_at, ends_at, note) values ($1, $2, $3, $4, $5) returning id`,
    [coop.id, courierId, new Date(SHIFT_AT), new Date(SHIFT_AT + 4 * 3_600_000), `shift ${coop.canary}`],
  );
  await su.query(
    `insert into courier_duty_periods (coop_id, courier_id, started_at, ended_at) values ($1, $2, now() - interval '3 hours', now() - interval '1 hour')`,
    [coop.id, courierId],
  );
  await su.query(
    `insert into courier_locations (coop_id, courier_id, lat, lng, accuracy_m, recorded_at) values ($1, $2, 45.76, 4.83, 10, now())`,
    [coop.id, courierId],
  );
  const candidate = await su.query<{ id: string }>(
    `insert into users (email, name, password_hash) values ($1, $2, 'x') returning id`,
    [`candidate.${coop.canary}@fc.test`, `Candidate ${coop.canary}`],
  );
  await su.query(`insert into memberships (coop_id, user_id, roles) values ($1, $2, '{courier}')`, [
    coop.id,
    candidate.rows[0]?.id,
  ]);
  fixtures.set(coop.id, { courierId, shiftId: shift.rows[0]?.id as string });
}

export const FLEET_EXPECTED: Record<string, Expectation> = {
  'GET /api/fleet/couriers': {
    permission: 'read:Courier',
    kind: 'list',
    allowed: READERS,
    probe: () => ({ method: 'get', url: '/api/fleet/couriers' }),
    fixture: fleetFixture,
  },
  'GET /api/fleet/couriers/candidates': {
    permission: 'create:Courier',
    kind: 'list',
    allowed: ADMIN,
    probe: () => ({ method: 'get', url: '/api/fleet/couriers/candidates' }),
  },
  'GET /api/fleet/couriers/:id': {
    permission: 'read:Courier',
    kind: 'read',
    allowed: READERS,
    probe: (f) => ({ method: 'get', url: `/api/fleet/couriers/${idsOf(f).courierId}` }),
  },
  'GET /api/fleet/couriers/:id/duty-periods': {
    permission: 'read:Courier',
    kind: 'read',
    allowed: READERS,
    probe: (f) => ({ method: 'get', url: `/api/fleet/couriers/${idsOf(f).courierId}/duty-periods` }),
  },
  'POST /api/fleet/couriers': {
    permission: 'create:Courier',
    kind: 'body',
    allowed: ADMIN,
    // the foreign coop's courier is nobody's courier here
    status: 422,
    probe: (f) => ({
      method: 'post',
      url: '/api/fleet/couriers',
      body: { userId: FOREIGN_USER(f), displayName: `probe ${f.canary}`.slice(0, 80), vehicle: 'bike' },
    }),
  },
  'PATCH /api/fleet/couriers/:id': {
    permission: 'update:Courier',
    kind: 'write',
    allowed: ADMIN,
    probe: (f) => ({ method: 'patch', url: `/api/fleet/couriers/${idsOf(f).courierId}`, body: { active: false } }),
  },
  'GET /api/fleet/ownership': {
    permission: 'manage:Courier',
    kind: 'fixed',
    allowed: ADMIN,
    status: 200,
    probe: () => ({ method: 'get', url: '/api/fleet/ownership' }),
  },
  'GET /api/fleet/shifts': {
    permission: 'read:Courier',
    kind: 'list',
    allowed: READERS,
    probe: () => ({ method: 'get', url: `/api/fleet/shifts?${WINDOW}` }),
  },
  'POST /api/fleet/shifts': {
    permission: 'create:Courier',
    kind: 'body',
    allowed: ADMIN,
    // a foreign coop's courier is not found in the caller's coop
    status: 404,
    probe: (f) => ({
      method: 'post',
      url: '/api/fleet/shifts',
      body: {
        courierId: idsOf(f).courierId,
        startsAt: new Date(SHIFT_AT + 86_400_000).toISOString(),
        endsAt: new Date(SHIFT_AT + 86_400_000 + 3_600_000).toISOString(),
      },
    }),
  },
  'PATCH /api/fleet/shifts/:id': {
    permission: 'update:Courier',
    kind: 'write',
    allowed: ADMIN,
    probe: (f) => ({ method: 'patch', url: `/api/fleet/shifts/${idsOf(f).shiftId}`, body: { note: 'moved' } }),
  },
  'DELETE /api/fleet/shifts/:id': {
    permission: 'delete:Courier',
    kind: 'write',
    allowed: ADMIN,
    probe: (f) => ({ method: 'delete', url: `/api/fleet/shifts/${idsOf(f).shiftId}` }),
  },
  // a courier's own routes: the answer is their own profile (with their coop's canary), never another's
  'GET /api/fleet/me': {
    permission: 'read:OwnCourier',
    kind: 'list',
    allowed: COURIER,
    probe: () => ({ method: 'get', url: '/api/fleet/me' }),
  },
  'PATCH /api/fleet/me': {
    permission: 'update:OwnCourier',
    kind: 'write',
    allowed: COURIER,
    status: 200,
    probe: () => ({ method: 'patch', url: '/api/fleet/me', body: { phone: '+33612345678' } }),
  },
  'GET /api/fleet/me/shifts': {
    permission: 'read:OwnCourier',
    kind: 'list',
    allowed: COURIER,
    probe: () => ({ method: 'get', url: `/api/fleet/me/shifts?${WINDOW}` }),
  },
  'GET /api/fleet/me/duty-periods': {
    permission: 'read:OwnCourier',
    kind: 'fixed',
    allowed: COURIER,
    status: 200,
    probe: () => ({ method: 'get', url: '/api/fleet/me/duty-periods' }),
  },
  'POST /api/fleet/me/on-duty': {
    permission: 'update:OwnCourier',
    kind: 'write',
    allowed: COURIER,
    status: 200,
    probe: () => ({ method: 'post', url: '/api/fleet/me/on-duty', body: {} }),
  },
  'POST /api/fleet/me/off-duty': {
    permission: 'update:OwnCourier',
    kind: 'write',
    allowed: COURIER,
    status: 200,
    probe: () => ({ method: 'post', url: '/api/fleet/me/off-duty', body: {} }),
  },
  'PUT /api/fleet/me/location': {
    permission: 'update:OwnCourier',
    kind: 'write',
    allowed: COURIER,
    status: 204,
    probe: () => ({ method: 'put', url: '/api/fleet/me/location', body: { lat: 45.75, lng: 4.85, accuracyM: 8 } }),
  },
  'POST /api/fleet/me/locations': {
    permission: 'update:OwnCourier',
    kind: 'write',
    allowed: COURIER,
    status: 200,
    probe: () => ({
      method: 'post',
      url: '/api/fleet/me/locations',
      body: { fixes: [{ lat: 45.75, lng: 4.85, accuracyM: 8, recordedAt: new Date().toISOString() }] },
    }),
  },
};
