import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { BoardView } from '@federacycle/contracts';
import { Database } from '@federacycle/platform-database';
import { createApiApp } from '../create-api-app';
import { SseClient } from '../../testing/sse-client';
import { insertCoop, insertUser, signIn, startHarness, type IdentityHarness } from '../identity/identity-harness';

const HOUR = 3_600_000;
/** a day of the future (windows may not lie in the past): 10:00 UTC is 11:00 in Lyon */
const DAY = '2031-03-10';
const AT = Date.parse(`${DAY}T10:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString();

async function listen(app: INestApplication): Promise<string> {
  const server = app.getHttpServer() as Server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * The board's read and its live channel across replicas: two API instances on one PostgreSQL and
 * one Redis; a write on one reaches the SSE clients of the other, of its own coop only.
 */
describe('dispatch board: snapshot and real-time channel across two API replicas', () => {
  let h: IdentityHarness;
  let replica2: INestApplication;
  let url1: string;
  let url2: string;
  let coopA: string;
  let coopB: string;
  const token: Record<string, string> = {};
  const courier: Record<string, string> = {};
  const open: SseClient[] = [];

  beforeAll(async () => {
    h = await startHarness();
    replica2 = await createApiApp(h.config);
    await replica2.init();
    url1 = await listen(h.app);
    url2 = await listen(replica2);
    coopA = await insertCoop(h.su, 'board-a', 'Board A');
    coopB = await insertCoop(h.su, 'board-b', 'Board B');
    const people: Array<[string, string, string, string[]]> = [
      ['dispatcher', 'Dispatcher A', coopA, ['dispatcher']],
      ['admin', 'Admin A', coopA, ['coop_admin']],
      ['ana', 'Ana Rider', coopA, ['courier']],
      ['bo', 'Bo Rider', coopA, ['courier']],
      ['dispatcherb', 'Dispatcher B', coopB, ['dispatcher']],
      ['dee', 'Dee Rider', coopB, ['courier']],
    ];
    for (const [key, name, coop, roles] of people) {
      const id = await insertUser(h, `${key}@board.test`, name, [[coop, roles]]);
      token[key] = (await signIn(h, `${key}@board.test`)).accessToken;
      if (roles.includes('courier')) {
        const row = await h.su.query<{ id: string }>(
          `insert into couriers (coop_id, user_id, display_name, vehicle) values ($1, $2, $3, 'cargo_bike') returning id`,
          [coop, id, name],
        );
        courier[key] = row.rows[0]?.id as string;
        await h.su.query('insert into courier_duty_periods (coop_id, courier_id) values ($1, $2)', [
          coop,
          courier[key],
        ]);
      }
    }
    await h.su.query(
      `insert into courier_locations (coop_id, courier_id, lat, lng, recorded_at) values ($1, $2, 45.76, 4.84, now())`,
      [coopA, courier['ana']],
    );
  });
  afterAll(async () => {
    for (const c of open) c.close();
    await replica2?.close();
    await h?.close();
  });

  const call = (who: string, method: 'get' | 'post' | 'put', url: string, body?: object) => {
    const req = h.http()[method](url).set('Authorization', `Bearer ${token[who]}`);
    return body === undefined ? req : req.send(body);
  };
  const stream = async (base: string, who: string) => {
    const client = await SseClient.open(base, '/api/dispatch/board/stream', token[who] as string);
    open.push(client);
    return client;
  };
  const create = async (who: string, reference: string, at = AT, lat = 45.7625, lng = 4.8339) => {
    const res = await call(who, 'post', '/api/dispatch/deliveries', {
      reference,
      tasks: [
        { kind: 'pickup', address: 'Boulangerie, 3 rue Mercière, Lyon', lat, lng, before: iso(at) },
        { kind: 'dropoff', address: '10 cours Vitton, Lyon', lat: 45.7699, lng: 4.8531, before: iso(at + HOUR) },
      ],
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; tasks: Array<{ id: string }> };
  };
  const today = () => DAY;

  it('streams a write on one replica to the SSE clients of the other, of that coop only', async () => {
    const a2 = await stream(url2, 'dispatcher');
    const b2 = await stream(url2, 'dispatcherb');
    const b1 = await stream(url1, 'dispatcherb');
    expect([a2.status, a2.contentType]).toEqual([200, 'text/event-stream; charset=utf-8']);

    const delivery = await create('dispatcher', 'RT-A');
    const created = await a2.next((f) => f.event === 'delivery.created');
    expect(created.data).toEqual({ deliveryId: delivery.id, taskIds: delivery.tasks.map((t) => t.id) });

    const taskId = delivery.tasks[0]?.id as string;
    const assigned = await call('dispatcher', 'post', `/api/dispatch/tasks/${taskId}/assign`, {
      courierId: courier['ana'],
    });
    expect(assigned.status).toBe(200);
    const changed = await a2.next((f) => f.event === 'tasks.changed');
    expect(changed.data).toEqual({
      tasks: [{ id: taskId, deliveryId: delivery.id, state: 'assigned', courierId: courier['ana'], seq: 0 }],
    });

    // coop B writes after A: once B's clients see B's event, any event of A would have come before it
    const other = await create('dispatcherb', 'RT-B');
    await b2.next((f) => f.event === 'delivery.created');
    await b1.next((f) => f.event === 'delivery.created');
    for (const client of [b1, b2]) {
      expect(client.text()).not.toContain(delivery.id);
      expect(client.text()).not.toContain(taskId);
      expect(client.text()).toContain(other.id);
    }
    expect(a2.text()).not.toContain(other.id);
  });

  it('publishes nothing for work that rolls back, and a refused assignment sends no event', async () => {
    const a1 = await stream(url1, 'dispatcher');
    const hooks: string[] = [];
    await expect(
      h.app.get(Database).forCoop(coopA, async (tx) => {
        tx.afterCommit(() => {
          hooks.push('ran');
        });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(hooks).toEqual([]);
    await h.app.get(Database).forCoop(coopA, async (tx) => {
      tx.afterCommit(() => {
        hooks.push('committed');
      });
    });
    expect(hooks).toEqual(['committed']);

    const delivery = await create('dispatcher', 'RT-409');
    const taskId = delivery.tasks[0]?.id as string;
    expect(
      (await call('dispatcher', 'post', `/api/dispatch/tasks/${taskId}/assign`, { courierId: courier['ana'] })).status,
    ).toBe(200);
    const lost = await call('dispatcher', 'post', `/api/dispatch/tasks/${taskId}/assign`, { courierId: courier['bo'] });
    expect([lost.status, lost.body.code]).toEqual([409, 'TASK_ALREADY_ASSIGNED']);
    // a later write's event arrives; nothing in between named Bo
    const second = delivery.tasks[1]?.id as string;
    await call('dispatcher', 'post', `/api/dispatch/tasks/${second}/assign`, { courierId: courier['ana'] });
    await a1.next((f) => f.event === 'tasks.changed' && JSON.stringify(f.data).includes(second));
    expect(a1.text()).not.toContain(courier['bo'] as string);
  });

  it('streams a courier going off and on duty and moving (fleet publishes on the coop channel)', async () => {
    const a2 = await stream(url2, 'dispatcher');
    expect((await call('bo', 'post', '/api/fleet/me/off-duty', {})).status).toBe(200);
    await a2.next((f) => f.event === 'courier.changed' && JSON.stringify(f.data).includes('"onDuty":false'));
    expect((await call('bo', 'post', '/api/fleet/me/on-duty', {})).status).toBe(200);
    const on = await a2.next((f) => f.event === 'courier.changed' && JSON.stringify(f.data).includes('"onDuty":true'));
    expect(on.data).toEqual({ courierId: courier['bo'], onDuty: true });
    expect((await call('bo', 'put', '/api/fleet/me/location', { lat: 45.75, lng: 4.85, accuracyM: 10 })).status).toBe(
      204,
    );
    const moved = await a2.next((f) => f.event === 'courier.changed' && JSON.stringify(f.data).includes('"lat"'));
    expect(moved.data).toMatchObject({ courierId: courier['bo'], lat: 45.75, lng: 4.85 });
  });

  it('reads the day: compact tasks with courier and order, on-duty couriers with position and load', async () => {
    const delivery = await create('dispatcher', 'DAY-1');
    const pickupId = delivery.tasks[0]?.id as string;
    await call('dispatcher', 'post', `/api/dispatch/tasks/${pickupId}/assign`, { courierId: courier['bo'] });
    const res = await call('admin', 'get', `/api/dispatch/board?date=${today()}`);
    expect(res.status).toBe(200);
    const board = res.body as BoardView;
    expect(board.date).toBe(today());
    const pickup = board.tasks.find((t) => t.id === pickupId);
    expect(pickup).toEqual({
      id: pickupId,
      deliveryId: delivery.id,
      reference: 'DAY-1',
      kind: 'pickup',
      state: 'assigned',
      lat: 45.7625,
      lng: 4.8339,
      address: 'Boulangerie',
      after: null,
      before: expect.any(String),
      courierId: courier['bo'],
      seq: 0,
      late: false,
    });
    const ana = board.couriers.find((c) => c.id === courier['ana']);
    expect(ana).toMatchObject({ name: 'Ana Rider', vehicle: 'cargo_bike', onDuty: true, lat: 45.76, lng: 4.84 });
    expect(ana?.status).toBe('assigned');
    expect(board.couriers.find((c) => c.id === courier['bo'])).toMatchObject({ load: 1, status: 'assigned' });
    // nothing of coop B
    expect(board.couriers.map((c) => c.id)).not.toContain(courier['dee']);
    expect(board.tasks.every((t) => t.reference !== 'RT-B')).toBe(true);
    // another day is empty; the state filter keeps only that state
    expect((await call('admin', 'get', '/api/dispatch/board?date=2031-01-01')).body.tasks).toEqual([]);
    const open = (await call('admin', 'get', `/api/dispatch/board?date=${today()}&state=open`)).body as BoardView;
    expect(open.tasks.length).toBeGreaterThan(0);
    expect(open.tasks.every((t) => t.state === 'open')).toBe(true);
    // the merchant filter: these deliveries name no merchant, so a merchant's board is empty
    const merchantBoard = (
      await call('admin', 'get', `/api/dispatch/board?date=${today()}&merchantId=00000000-0000-4000-8000-000000000000`)
    ).body as BoardView;
    expect(merchantBoard.tasks).toEqual([]);
  });

  it('filters late tasks and tasks inside a zone', async () => {
    // a window that closed a minute after the coop's midnight today (written directly: the API
    // refuses windows in the past), read on the coop's today
    const late = await create('dispatcher', 'LATE-1');
    const lyonToday = (
      await h.su.query<{ day: string; before: Date }>(
        `update delivery_tasks
            set window_before = (date_trunc('day', now() at time zone 'Europe/Paris') + interval '1 minute') at time zone 'Europe/Paris'
          where id = $1
         returning to_char(window_before at time zone 'Europe/Paris', 'YYYY-MM-DD') as day`,
        [late.tasks[0]?.id],
      )
    ).rows[0]?.day;
    const onlyLate = (await call('admin', 'get', `/api/dispatch/board?date=${lyonToday}&late=true`)).body as BoardView;
    expect(onlyLate.tasks.map((t) => t.id)).toContain(late.tasks[0]?.id);
    expect(onlyLate.tasks.every((t) => t.late)).toBe(true);
    const far = await create('dispatcher', 'FAR-1', AT, 45.9, 5.2);

    const zone = await call('admin', 'post', '/api/geo/zones', {
      name: 'Presqu’île',
      colour: '#2f6f4f',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [4.82, 45.75],
            [4.86, 45.75],
            [4.86, 45.775],
            [4.82, 45.775],
            [4.82, 45.75],
          ],
        ],
      },
    });
    expect(zone.status).toBe(201);
    const inZone = (await call('admin', 'get', `/api/dispatch/board?date=${today()}&zoneId=${zone.body.id}`))
      .body as BoardView;
    const ids = inZone.tasks.map((t) => t.id);
    expect(ids).toContain(far.tasks[1]?.id); // its dropoff is in town
    expect(ids).not.toContain(far.tasks[0]?.id); // its pickup is not
  });

  it('refuses bad input with a stable code, and the stream to those who may not read the board', async () => {
    for (const [query, status, code] of [
      ['', 400, 'VALIDATION_FAILED'],
      ['date=2026-02-31', 400, 'VALIDATION_FAILED'],
      ['date=07/12/2026', 400, 'VALIDATION_FAILED'],
      [`date=${today()}&state=lost`, 400, 'VALIDATION_FAILED'],
      [`date=${today()}&late=yes`, 400, 'VALIDATION_FAILED'],
      [`date=${today()}&zoneId=nope`, 400, 'VALIDATION_FAILED'],
      [`date=${today()}&merchantId=nope`, 400, 'VALIDATION_FAILED'],
      [`date=${today()}&zoneId=00000000-0000-4000-8000-000000000000`, 404, 'NOT_FOUND'],
      [`date=${today()}&surprise=1`, 400, 'VALIDATION_FAILED'],
    ] as const) {
      const res = await call('admin', 'get', `/api/dispatch/board?${query}`);
      expect([query, res.status, res.body.code]).toEqual([query, status, code]);
    }
    const courierStream = await stream(url1, 'ana');
    expect(courierStream.status).toBe(403);
    const anonymous = await SseClient.open(url2, '/api/dispatch/board/stream', 'not-a-token');
    expect(anonymous.status).toBe(401);
  });
});
