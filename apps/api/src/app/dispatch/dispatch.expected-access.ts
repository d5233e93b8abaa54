import { randomBytes, randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { ADMIN, type CoopFixture, type Expectation, type Role } from '../isolation/access-expectation';

/**
 * The expected access of dispatch's routes, as the isolation suite probes them: dispatchers
 * manage deliveries and assignments, coop admins read them, a courier reaches only the tasks
 * assigned to them through /api/dispatch/me/tasks (any other task id answers 404).
 */
const READERS: Role[] = ['coop_admin', 'dispatcher'];
const DISPATCHER: Role[] = ['dispatcher'];
const COURIER: Role[] = ['courier'];

/** ids of each coop's fixture rows, for the probes aimed at a foreign coop */
const fixtures = new Map<
  string,
  { courierId: string; deliveryId: string; pickupId: string; dropoffId: string; proofId: string; trackingToken: string }
>();
const idsOf = (coop: CoopFixture) => {
  const ids = fixtures.get(coop.id);
  if (!ids) throw new Error(`no dispatch fixture for coop ${coop.slug}`);
  return ids;
};

const token = () => randomBytes(32).toString('base64url');

/**
 * Every coop gets a delivery whose reference and addresses carry the canary: its pickup assigned
 * to the coop's courier (fleet's fixture made the profile), its dropoff open, and their events.
 */
async function dispatchFixture(su: Client, coop: CoopFixture): Promise<void> {
  if (fixtures.has(coop.id)) return;
  let courier = await su.query<{ id: string }>('select id from couriers where coop_id = $1 and user_id = $2', [
    coop.id,
    coop.users['courier'],
  ]);
  if (courier.rows.length === 0) {
    courier = await su.query<{ id: string }>(
      `insert into couriers (coop_id, user_id, display_name, vehicle) values ($1, $2, $3, 'bike') returning id`,
      [coop.id, coop.users['courier'], `Rider ${coop.canary}`],
    );
  }
  const courierId = courier.rows[0]?.id as string;
  const trackingToken = token();
  const delivery = await su.query<{ id: string }>(
    `insert into deliveries (coop_id, reference, state, tracking_token, source) values ($1, $2, 'in_progress', $3, 'console') returning id`,
    [coop.id, `ref ${coop.canary}`.slice(0, 80), trackingToken],
  );
  const deliveryId = delivery.rows[0]?.id as string;
  const task = (kind: string, seq: number, state: string) =>
    su.query<{ id: string }>(
      `insert into delivery_tasks (coop_id, delivery_id, kind, seq, state, address, lat, lng)
       values ($1, $2, $3, $4, $5, $6, 45.76, 4.83) returning id`,
      [coop.id, deliveryId, kind, seq, state, `${kind} ${coop.canary}`],
    );
  const pickupId = (await task('pickup', 0, 'assigned')).rows[0]?.id as string;
  const dropoffId = (await task('dropoff', 1, 'open')).rows[0]?.id as string;
  await su.query(`insert into task_assignments (coop_id, task_id, courier_id, position) values ($1, $2, $3, 0)`, [
    coop.id,
    pickupId,
    courierId,
  ]);
  for (const [taskId, type, to] of [
    [pickupId, 'created', 'open'],
    [dropoffId, 'created', 'open'],
    [pickupId, 'assigned', 'assigned'],
  ] as const) {
    await su.query(
      `insert into task_events (coop_id, task_id, delivery_id, type, to_state, request_id, source, data)
       values ($1, $2, $3, $4, $5, 'fixture', 'console', $6)`,
      [coop.id, taskId, deliveryId, type, to, JSON.stringify({ note: coop.canary })],
    );
  }
  // a photo the courier took at the pickup (its file is the proofs spec's business: only the row is probed)
  const proofId = randomUUID();
  await su.query(
    `insert into task_proofs (coop_id, id, task_id, courier_id, kind, file_id, content_type, size, sha256)
     values ($1, $2, $3, $4, 'photo', $5, 'image/png', 1, $6)`,
    [coop.id, proofId, pickupId, courierId, randomUUID(), '0'.repeat(64)],
  );
  fixtures.set(coop.id, { courierId, deliveryId, pickupId, dropoffId, proofId, trackingToken });
}

/** a real 1×1 PNG (a proof upload's probe) */
const PROBE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
/** the board's fixture day: each coop's dispatch fixture gets a task due that day, canary in its address */
const BOARD_DAY = '2031-03-10';
async function boardFixture(su: Client, coop: CoopFixture): Promise<void> {
  await dispatchFixture(su, coop);
  const { deliveryId } = idsOf(coop);
  await su.query(
    `insert into delivery_tasks (coop_id, delivery_id, kind, seq, state, address, lat, lng, window_before)
     select $1, $2, 'dropoff', 2, 'open', $3, 45.75, 4.84, $4
      where not exists (select 1 from delivery_tasks where coop_id = $1 and delivery_id = $2 and seq = 2)`,
    [coop.id, deliveryId, `board ${coop.canary}`, `${BOARD_DAY}T10:00:00Z`],
  );
}

const FUTURE = () => new Date(Date.now() + 3_600_000).toISOString();

/** Every coop's time slot, its name carrying the canary (the list's proof it shows its own). */
const slots = new Map<string, string>();
async function timeSlotFixture(su: Client, coop: CoopFixture): Promise<void> {
  if (slots.has(coop.id)) return;
  const { rows } = await su.query<{ id: string }>(
    `insert into time_slots (coop_id, name, interval_minutes, opening_hours) values ($1, $2, 120, 'Mo-Su 08:00-20:00') returning id`,
    [coop.id, `Slot ${coop.canary}`.slice(0, 80)],
  );
  slots.set(coop.id, rows[0]?.id as string);
}
const slotOf = (coop: CoopFixture) => {
  const id = slots.get(coop.id);
  if (!id) throw new Error(`no time slot fixture for coop ${coop.slug}`);
  return id;
};

/**
 * Every coop's plan proposal (suggest mode): its courier with the open dropoff, and the canary
 * among the unplaced ids (a list that answered nothing would pass vacuously). Nothing to accept:
 * accepting it leaves the coop's tasks as they are for the other probes.
 */
async function proposalFixture(su: Client, coop: CoopFixture): Promise<void> {
  await dispatchFixture(su, coop);
  const ids = idsOf(coop);
  await su.query(
    `insert into plan_proposals (coop_id, couriers, deliveries, unassigned_task_ids) values ($1, $2, '[]', $3)
     on conflict (coop_id) do nothing`,
    [coop.id, JSON.stringify([{ courierId: ids.courierId, taskIds: [ids.dropoffId] }]), JSON.stringify([coop.canary])],
  );
}

export const DISPATCH_EXPECTED: Record<string, Expectation> = {
  'GET /api/dispatch/deliveries': {
    permission: 'read:Delivery',
    kind: 'list',
    allowed: READERS,
    probe: () => ({ method: 'get', url: '/api/dispatch/deliveries' }),
    fixture: dispatchFixture,
  },
  // the export of the filtered list: the coop's own rows only (its canary), CSV
  'GET /api/dispatch/deliveries.csv': {
    permission: 'read:Delivery',
    kind: 'list',
    allowed: READERS,
    probe: () => ({ method: 'get', url: '/api/dispatch/deliveries.csv' }),
    fixture: dispatchFixture,
  },
  'POST /api/dispatch/deliveries': {
    permission: 'create:Delivery',
    kind: 'write',
    allowed: DISPATCHER,
    status: 201,
    probe: () => ({
      method: 'post',
      url: '/api/dispatch/deliveries',
      body: {
        reference: `probe ${randomBytes(3).toString('hex')}`,
        tasks: [
          { kind: 'pickup', address: '1 place Bellecour, Lyon', lat: 45.7578, lng: 4.832, before: FUTURE() },
          { kind: 'dropoff', address: '2 rue Mercière, Lyon', lat: 45.7625, lng: 4.8339 },
        ],
      },
    }),
  },
  'GET /api/dispatch/deliveries/:id': {
    permission: 'read:Delivery',
    kind: 'read',
    allowed: READERS,
    probe: (f) => ({ method: 'get', url: `/api/dispatch/deliveries/${idsOf(f).deliveryId}` }),
  },
  'GET /api/dispatch/deliveries/:id/events': {
    permission: 'read:Delivery',
    kind: 'read',
    allowed: READERS,
    probe: (f) => ({ method: 'get', url: `/api/dispatch/deliveries/${idsOf(f).deliveryId}/events` }),
  },
  // a delivery's proofs: the list and each image, by a foreign delivery answer 404 (proofs.int-spec
  // checks a proof of another delivery of the same coop, by this delivery, answers 404 too)
  'GET /api/dispatch/deliveries/:id/proofs': {
    permission: 'read:Delivery',
    kind: 'read',
    allowed: READERS,
    probe: (f) => ({ method: 'get', url: `/api/dispatch/deliveries/${idsOf(f).deliveryId}/proofs` }),
  },
  'GET /api/dispatch/deliveries/:id/proofs/:proofId': {
    permission: 'read:Delivery',
    kind: 'read',
    allowed: READERS,
    probe: (f) => ({
      method: 'get',
      url: `/api/dispatch/deliveries/${idsOf(f).deliveryId}/proofs/${idsOf(f).proofId}`,
    }),
  },
  'POST /api/dispatch/deliveries/:id/cancel': {
    permission: 'update:Delivery',
    kind: 'write',
    allowed: DISPATCHER,
    probe: (f) => ({ method: 'post', url: `/api/dispatch/deliveries/${idsOf(f).deliveryId}/cancel`, body: {} }),
  },
  'POST /api/dispatch/tasks/:id/actions': {
    permission: 'update:Delivery',
    kind: 'write',
    allowed: DISPATCHER,
    probe: (f) => ({
      method: 'post',
      url: `/api/dispatch/tasks/${idsOf(f).pickupId}/actions`,
      body: { action: 'cancel' },
    }),
  },
  'POST /api/dispatch/tasks/:id/reschedule': {
    permission: 'update:Delivery',
    kind: 'write',
    allowed: DISPATCHER,
    status: 404,
    probe: (f) => ({ method: 'post', url: `/api/dispatch/tasks/${idsOf(f).pickupId}/reschedule`, body: {} }),
  },
  'POST /api/dispatch/tasks/:id/assign': {
    permission: 'update:Dispatch',
    kind: 'body',
    allowed: DISPATCHER,
    // the foreign coop's courier is nobody's courier here
    status: 422,
    probe: (f) => ({
      method: 'post',
      url: `/api/dispatch/tasks/${idsOf(f).dropoffId}/assign`,
      body: { courierId: idsOf(f).courierId },
    }),
  },
  'POST /api/dispatch/tasks/:id/unassign': {
    permission: 'update:Dispatch',
    kind: 'write',
    allowed: DISPATCHER,
    probe: (f) => ({ method: 'post', url: `/api/dispatch/tasks/${idsOf(f).pickupId}/unassign`, body: {} }),
  },
  'POST /api/dispatch/tasks/:id/reassign': {
    permission: 'update:Dispatch',
    kind: 'body',
    allowed: DISPATCHER,
    status: 422,
    probe: (f) => ({
      method: 'post',
      url: `/api/dispatch/tasks/${idsOf(f).pickupId}/reassign`,
      body: { fromCourierId: idsOf(f).courierId, toCourierId: idsOf(f).courierId },
    }),
  },
  'POST /api/dispatch/assignments/bulk': {
    permission: 'update:Dispatch',
    kind: 'body',
    allowed: DISPATCHER,
    status: 422,
    probe: (f) => ({
      method: 'post',
      url: '/api/dispatch/assignments/bulk',
      body: { courierId: idsOf(f).courierId, taskIds: [idsOf(f).dropoffId] },
    }),
  },
  'GET /api/dispatch/proposal': {
    permission: 'read:Dispatch',
    kind: 'list',
    allowed: READERS,
    probe: () => ({ method: 'get', url: '/api/dispatch/proposal' }),
    fixture: proposalFixture,
  },
  // naming another coop's courier accepts nothing there (and nothing of the caller's own proposal)
  'POST /api/dispatch/proposal/accept': {
    permission: 'update:Dispatch',
    kind: 'body',
    allowed: DISPATCHER,
    status: 200,
    probe: (f) => ({
      method: 'post',
      url: '/api/dispatch/proposal/accept',
      body: { courierIds: [idsOf(f).courierId] },
    }),
  },
  'GET /api/dispatch/board': {
    permission: 'read:Dispatch',
    kind: 'list',
    allowed: READERS,
    fixture: boardFixture,
    probe: () => ({ method: 'get', url: `/api/dispatch/board?date=${BOARD_DAY}` }),
  },
  // the coop's live events: the stream opens (200, `ready`) for readers of the board, on their own
  // coop's channel only (board.int-spec proves a coop's client never receives another coop's events)
  'GET /api/dispatch/board/stream': {
    permission: 'read:Dispatch',
    kind: 'read',
    status: 200,
    allowed: READERS,
    probe: () => ({ method: 'get', url: '/api/dispatch/board/stream', stream: true }),
  },
  'GET /api/dispatch/couriers/:id/tasks': {
    permission: 'read:Dispatch',
    kind: 'read',
    allowed: READERS,
    probe: (f) => ({ method: 'get', url: `/api/dispatch/couriers/${idsOf(f).courierId}/tasks` }),
  },
  'PUT /api/dispatch/couriers/:id/tasks/order': {
    permission: 'update:Dispatch',
    kind: 'write',
    allowed: DISPATCHER,
    probe: (f) => ({
      method: 'put',
      url: `/api/dispatch/couriers/${idsOf(f).courierId}/tasks/order`,
      body: { taskIds: [idsOf(f).pickupId] },
    }),
  },
  // a courier's own tasks: the answer is their own list (their coop's canary), never another's
  'GET /api/dispatch/me/tasks': {
    permission: 'read:OwnTask',
    kind: 'list',
    allowed: COURIER,
    probe: () => ({ method: 'get', url: '/api/dispatch/me/tasks' }),
  },
  'POST /api/dispatch/me/tasks/:id/actions': {
    permission: 'update:OwnTask',
    kind: 'write',
    allowed: COURIER,
    probe: (f) => ({
      method: 'post',
      url: `/api/dispatch/me/tasks/${idsOf(f).pickupId}/actions`,
      body: { action: 'start' },
    }),
  },
  // the courier app: a step or a proof aimed at a foreign coop's task answers 404 and changes nothing
  'GET /api/dispatch/me/proof-policy': {
    permission: 'read:OwnTask',
    kind: 'fixed',
    allowed: COURIER,
    probe: () => ({ method: 'get', url: '/api/dispatch/me/proof-policy' }),
  },
  'POST /api/dispatch/me/actions': {
    permission: 'update:OwnTask',
    kind: 'write',
    allowed: COURIER,
    probe: (f) => ({
      method: 'post',
      url: '/api/dispatch/me/actions',
      body: { clientActionId: randomUUID(), taskId: idsOf(f).pickupId, step: 'start' },
    }),
  },
  'PUT /api/dispatch/me/tasks/:id/proofs/:proofId': {
    permission: 'update:OwnTask',
    kind: 'write',
    allowed: COURIER,
    probe: (f) => ({
      method: 'put',
      url: `/api/dispatch/me/tasks/${idsOf(f).pickupId}/proofs/${randomUUID()}?kind=photo`,
      attach: { field: 'file', content: PROBE_PNG, filename: 'probe.png' },
    }),
  },
  // public: a token names one delivery; an unknown one answers 404 TRACKING_NOT_FOUND to everyone
  // (what a known token shows, and that it shows nothing else, is tracking.int-spec's)
  'GET /api/track/:token': {
    permission: 'public',
    kind: 'fixed',
    allowed: 'everyone',
    status: 404,
    probe: () => ({ method: 'get', url: `/api/track/${token()}` }),
  },
  // a token never reaches another delivery's proof: the caller's own coop's tracking token (a
  // random one for callers without a coop) with the foreign coop's proof id answers 404
  'GET /api/track/:token/proofs/:proofId': {
    permission: 'public',
    kind: 'fixed',
    allowed: 'everyone',
    status: 404,
    probe: (f, actor) => {
      const own = actor.coop ? fixtures.get(actor.coop.id) : undefined;
      return { method: 'get', url: `/api/track/${own?.trackingToken ?? token()}/proofs/${idsOf(f).proofId}` };
    },
    fixture: dispatchFixture,
  },
  // time slots: the coop admin writes them (Settings), dispatchers and admins read them and their windows
  'GET /api/dispatch/time-slots': {
    permission: 'read:Delivery',
    kind: 'list',
    allowed: READERS,
    probe: () => ({ method: 'get', url: '/api/dispatch/time-slots' }),
    fixture: timeSlotFixture,
  },
  'POST /api/dispatch/time-slots': {
    permission: 'create:Settings',
    kind: 'write',
    allowed: ADMIN,
    status: 201,
    probe: () => ({
      method: 'post',
      url: '/api/dispatch/time-slots',
      body: { name: `probe ${randomBytes(3).toString('hex')}`, intervalMinutes: 60, openingHours: 'Mo-Fr 09:00-17:00' },
    }),
  },
  'GET /api/dispatch/time-slots/:id': {
    permission: 'read:Delivery',
    kind: 'read',
    allowed: READERS,
    probe: (f) => ({ method: 'get', url: `/api/dispatch/time-slots/${slotOf(f)}` }),
    fixture: timeSlotFixture,
  },
  'GET /api/dispatch/time-slots/:id/choices': {
    permission: 'read:Delivery',
    kind: 'read',
    allowed: READERS,
    probe: (f) => ({ method: 'get', url: `/api/dispatch/time-slots/${slotOf(f)}/choices` }),
    fixture: timeSlotFixture,
  },
  'PUT /api/dispatch/time-slots/:id': {
    permission: 'update:Settings',
    kind: 'write',
    allowed: ADMIN,
    probe: (f) => ({
      method: 'put',
      url: `/api/dispatch/time-slots/${slotOf(f)}`,
      body: { name: 'taken over', intervalMinutes: 60, openingHours: 'Mo-Fr 09:00-17:00' },
    }),
    fixture: timeSlotFixture,
  },
  'DELETE /api/dispatch/time-slots/:id': {
    permission: 'delete:Settings',
    kind: 'write',
    allowed: ADMIN,
    probe: (f) => ({ method: 'delete', url: `/api/dispatch/time-slots/${slotOf(f)}` }),
    fixture: timeSlotFixture,
  },
};
