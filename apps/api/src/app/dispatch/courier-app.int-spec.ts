import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CoopExportRegistry, Database } from '@federacycle/platform-database';
import { fileDirectory } from '@federacycle/platform-storage';
import { insertCoop, insertUser, signIn, startHarness, type IdentityHarness } from '../identity/identity-harness';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
/** a real 1×1 PNG */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

type Task = { id: string; kind: string; state: string };

describe('the courier app over HTTP: idempotent steps, conflicts, proofs, location batches (real PostgreSQL as fc_app)', () => {
  let h: IdentityHarness;
  let coopA: string;
  let coopC: string;
  const token: Record<string, string> = {};
  const courier: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHarness();
    coopA = await insertCoop(h.su, 'courier-a', 'Courier A');
    const coopB = await insertCoop(h.su, 'courier-b', 'Courier B');
    coopC = await insertCoop(h.su, 'courier-c', 'Courier C');
    // coop A asks a photo and a signature at dropoff; coop C the recipient's handover code
    for (const [coop, value] of [
      [coopA, 'photo_and_signature'],
      [coopC, 'code'],
    ] as const) {
      await h.su.query(
        `insert into coop_setting_versions (coop_id, key, version, value, source) values ($1, 'proof_of_delivery_dropoff', 1, $2, 'initial')`,
        [coop, JSON.stringify(value)],
      );
    }
    const people: Array<[string, string, string, string]> = [
      ['dispatcher', 'Dispatcher A', coopA, 'dispatcher'],
      ['ana', 'Ana Rider', coopA, 'courier'],
      ['bo', 'Bo Rider', coopA, 'courier'],
      ['dee', 'Dee Rider B', coopB, 'courier'],
      ['dispatcherc', 'Dispatcher C', coopC, 'dispatcher'],
      ['cy', 'Cy Rider C', coopC, 'courier'],
    ];
    for (const [key, name, coop, role] of people) {
      const id = await insertUser(h, `${key}@courier.test`, name, [[coop, [role]]]);
      token[key] = (await signIn(h, `${key}@courier.test`)).accessToken;
      if (role === 'courier') {
        const row = await h.su.query<{ id: string }>(
          `insert into couriers (coop_id, user_id, display_name, vehicle) values ($1, $2, $3, 'bike') returning id`,
          [coop, id, name],
        );
        courier[key] = row.rows[0]?.id as string;
      }
    }
  });
  afterAll(() => h?.close());

  const call = (who: string, method: 'get' | 'post' | 'put', url: string, body?: object) => {
    const req = h.http()[method](url).set('Authorization', `Bearer ${token[who]}`);
    return body === undefined ? req : req.send(body);
  };
  const upload = (who: string, taskId: string, proofId: string, kind: string, bytes: Buffer, filename: string) =>
    h
      .http()
      .put(`/api/dispatch/me/tasks/${taskId}/proofs/${proofId}?kind=${kind}`)
      .set('Authorization', `Bearer ${token[who]}`)
      .attach('file', bytes, filename);

  /** a pickup and a dropoff, both assigned to `rider` by the coop's dispatcher */
  const assigned = async (rider: string, dispatcher = 'dispatcher'): Promise<{ pickup: Task; dropoff: Task }> => {
    const res = await call(dispatcher, 'post', '/api/dispatch/deliveries', {
      reference: 'APP-1',
      tasks: [
        {
          kind: 'pickup',
          address: 'Boulangerie, 3 rue Mercière, 69002 Lyon',
          lat: 45.7625,
          lng: 4.8339,
          before: iso(Date.now() + 2 * HOUR),
        },
        { kind: 'dropoff', address: '10 cours Vitton, 69006 Lyon', lat: 45.7699, lng: 4.8531 },
      ],
    });
    expect(res.status).toBe(201);
    const tasks = res.body.tasks as Task[];
    for (const t of tasks) {
      const a = await call(dispatcher, 'post', `/api/dispatch/tasks/${t.id}/assign`, { courierId: courier[rider] });
      expect(a.status).toBe(200);
    }
    return { pickup: tasks[0] as Task, dropoff: tasks[1] as Task };
  };
  const step = (who: string, taskId: string, s: string, extra: object = {}, clientActionId = randomUUID()) =>
    call(who, 'post', '/api/dispatch/me/actions', { clientActionId, taskId, step: s, ...extra });

  it('applies the same action synced three times once, and answers the same each time', async () => {
    const { pickup } = await assigned('ana');
    const body = {
      clientActionId: randomUUID(),
      taskId: pickup.id,
      step: 'start',
      position: { lat: 45.76, lng: 4.83, accuracyM: 8 },
      actedAt: iso(Date.now() - 60_000),
    };
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push(await call('ana', 'post', '/api/dispatch/me/actions', body));
    for (const a of answers) expect(a.status).toBe(200);
    expect(answers[0]?.body.task.state).toBe('started');
    expect(answers[1]?.body).toEqual(answers[0]?.body);
    expect(answers[2]?.body).toEqual(answers[0]?.body);
    // three syncing at once: still one change
    const again = await Promise.all([1, 2, 3].map(() => call('ana', 'post', '/api/dispatch/me/actions', body)));
    expect(again.map((a) => a.status)).toEqual([200, 200, 200]);
    const events = await h.su.query<{ type: string; source: string; data: Record<string, unknown>; actor_id: string }>(
      `select type, source, data, actor_id from task_events where coop_id = $1 and task_id = $2 and type = 'started'`,
      [coopA, pickup.id],
    );
    expect(events.rows).toHaveLength(1);
    expect(events.rows[0]).toMatchObject({
      source: 'courier_app',
      data: { clientActionId: body.clientActionId, lat: 45.76, lng: 4.83, accuracyM: 8, actedAt: body.actedAt },
    });
    const stored = await h.su.query('select count(*)::int as n from courier_actions where client_action_id = $1', [
      body.clientActionId,
    ]);
    expect(stored.rows[0].n).toBe(1);

    // the same id with another body is refused, and changes nothing
    const reused = await call('ana', 'post', '/api/dispatch/me/actions', { ...body, step: 'picked_up' });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('CLIENT_ID_REUSED');
    // the same id from another courier of the coop is refused too
    const other = await call('bo', 'post', '/api/dispatch/me/actions', body);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('CLIENT_ID_REUSED');
  });

  it('shows a conflict when the task was reassigned or cancelled meanwhile, with its state now', async () => {
    const { pickup, dropoff } = await assigned('ana');
    const moved = await call('dispatcher', 'post', `/api/dispatch/tasks/${pickup.id}/reassign`, {
      fromCourierId: courier['ana'],
      toCourierId: courier['bo'],
    });
    expect(moved.status).toBe(200);
    const late = await step('ana', pickup.id, 'start');
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({
      code: 'COURIER_TASK_CONFLICT',
      details: { taskId: pickup.id, state: 'assigned', reason: 'reassigned' },
    });
    const cancelled = await call('dispatcher', 'post', `/api/dispatch/tasks/${dropoff.id}/actions`, {
      action: 'cancel',
    });
    expect(cancelled.status).toBe(200);
    const gone = await step('ana', dropoff.id, 'delivered');
    expect(gone.status).toBe(409);
    expect(gone.body).toMatchObject({
      code: 'COURIER_TASK_CONFLICT',
      details: { state: 'cancelled', reason: 'cancelled' },
    });
    // Bo now holds the pickup and may start it
    expect((await step('bo', pickup.id, 'start')).status).toBe(200);
  });

  it('never lets a courier reach another courier’s task, in their coop or another (404)', async () => {
    const { pickup, dropoff } = await assigned('bo');
    for (const who of ['ana', 'dee']) {
      const res = await step(who, pickup.id, 'start');
      expect(res.status).toBe(404);
      expect((await upload(who, dropoff.id, randomUUID(), 'photo', PNG, 'p.png')).status).toBe(404);
    }
    const task = await h.su.query('select state from delivery_tasks where id = $1', [pickup.id]);
    expect(task.rows[0].state).toBe('assigned');
  });

  it('asks the proof the coop’s policy requires: a missing photo is refused; photo + signature pass', async () => {
    const policy = await call('ana', 'get', '/api/dispatch/me/proof-policy');
    expect(policy.status).toBe(200);
    expect(policy.body).toEqual({ pickup: [], dropoff: ['photo', 'signature'] });

    const { pickup, dropoff } = await assigned('ana');
    expect((await step('ana', pickup.id, 'start')).status).toBe(200);
    expect((await step('ana', pickup.id, 'delivered')).body.code).toBe('STEP_NOT_FOR_TASK');
    expect((await step('ana', pickup.id, 'picked_up')).status).toBe(200);
    expect((await step('ana', dropoff.id, 'start')).status).toBe(200);

    const bare = await step('ana', dropoff.id, 'delivered');
    expect(bare.status).toBe(422);
    expect(bare.body).toMatchObject({ code: 'PROOF_MISSING', details: { missing: ['photo', 'signature'] } });

    // a text file with an image's name is no image
    const fake = await upload('ana', dropoff.id, randomUUID(), 'photo', Buffer.from('hello, not a photo'), 'photo.jpg');
    expect(fake.status).toBe(400);
    expect(fake.body.code).toBe('IMAGE_NOT_SUPPORTED');

    const photoId = randomUUID();
    const photo = await upload('ana', dropoff.id, photoId, 'photo', PNG, 'photo.png');
    expect(photo.status).toBe(200);
    expect(photo.body).toMatchObject({ id: photoId, kind: 'photo', contentType: 'image/png', size: PNG.length });
    // the same upload again is the same proof; the same id for something else is refused
    expect((await upload('ana', dropoff.id, photoId, 'photo', PNG, 'photo.png')).body).toEqual(photo.body);
    expect((await upload('ana', dropoff.id, photoId, 'signature', PNG, 's.png')).body.code).toBe('CLIENT_ID_REUSED');

    const onlyPhoto = await step('ana', dropoff.id, 'delivered');
    expect(onlyPhoto.body).toMatchObject({ code: 'PROOF_MISSING', details: { missing: ['signature'] } });
    expect((await upload('ana', dropoff.id, randomUUID(), 'signature', PNG, 'signature.png')).status).toBe(200);
    const done = await step('ana', dropoff.id, 'delivered');
    expect(done.status).toBe(200);
    expect(done.body.task.state).toBe('done');
    const delivery = await h.su.query(
      'select state from deliveries where id = (select delivery_id from delivery_tasks where id = $1)',
      [dropoff.id],
    );
    expect(delivery.rows[0].state).toBe('completed');
    // the files are on disk under DATA_DIR, one directory per coop
    const files = await readdir(join(fileDirectory(h.dataDir), coopA));
    const proofs = await h.su.query<{ file_id: string }>('select file_id from task_proofs where task_id = $1', [
      dropoff.id,
    ]);
    for (const p of proofs.rows) expect(files).toContain(p.file_id);
    // a done task takes no more proof
    expect((await upload('ana', dropoff.id, randomUUID(), 'photo', PNG, 'p.png')).body.code).toBe('TASK_CLOSED');
  });

  it('asks the recipient’s handover code when the policy says so, and refuses a wrong one', async () => {
    const { pickup, dropoff } = await assigned('cy', 'dispatcherc');
    for (const [task, s] of [
      [pickup.id, 'start'],
      [pickup.id, 'picked_up'],
      [dropoff.id, 'start'],
    ] as const)
      expect((await step('cy', task, s)).status).toBe(200);
    expect((await step('cy', dropoff.id, 'delivered')).body).toMatchObject({
      code: 'PROOF_MISSING',
      details: { missing: ['code'] },
    });
    const row = await h.su.query<{ handover_code: string }>(
      'select d.handover_code from deliveries d join delivery_tasks t on t.delivery_id = d.id where t.id = $1',
      [dropoff.id],
    );
    const code = row.rows[0]?.handover_code as string;
    expect(code).toMatch(/^[0-9]{6}$/);
    const wrong = code === '000000' ? '000001' : '000000';
    expect((await step('cy', dropoff.id, 'delivered', { code: wrong })).body.code).toBe('HANDOVER_CODE_WRONG');
    expect((await step('cy', dropoff.id, 'delivered', { code })).status).toBe(200);
  });

  it('fails a task only with a reason, and records the note', async () => {
    const { pickup } = await assigned('ana');
    expect((await step('ana', pickup.id, 'failed')).body.code).toBe('FAILURE_REASON_REQUIRED');
    expect((await step('ana', pickup.id, 'failed', { reason: 'teleported' })).status).toBe(400);
    const failed = await step('ana', pickup.id, 'failed', { reason: 'closed', note: 'Shutters down' });
    expect(failed.status).toBe(200);
    expect(failed.body.task).toMatchObject({ state: 'failed', failureReason: 'closed' });
  });

  it('takes batched location fixes, keeps the newest, refuses absurd ones with codes', async () => {
    const now = Date.now();
    const fix = (ago: number, extra: object = {}) => ({
      lat: 45.75 + ago / 1e9,
      lng: 4.85,
      accuracyM: 10,
      recordedAt: iso(now - ago),
      ...extra,
    });
    const ok = await call('ana', 'post', '/api/fleet/me/locations', { fixes: [fix(30_000), fix(5_000), fix(60_000)] });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ received: 3, newest: iso(now - 5_000) });
    const stored = await h.su.query('select recorded_at from courier_locations where courier_id = $1', [
      courier['ana'],
    ]);
    expect((stored.rows[0].recorded_at as Date).toISOString()).toBe(iso(now - 5_000));
    // an older batch arriving late leaves the newer position in place
    expect((await call('ana', 'post', '/api/fleet/me/locations', { fixes: [fix(90_000)] })).status).toBe(200);
    const after = await h.su.query('select recorded_at from courier_locations where courier_id = $1', [courier['ana']]);
    expect((after.rows[0].recorded_at as Date).toISOString()).toBe(iso(now - 5_000));

    const refused: Array<[object, number, string]> = [
      [{ fixes: [fix(1_000, { accuracyM: 6_000 })] }, 422, 'LOCATION_ACCURACY_ABSURD'],
      [{ fixes: [fix(1_000, { accuracyM: 0 })] }, 422, 'LOCATION_ACCURACY_ABSURD'],
      [{ fixes: [fix(-HOUR)] }, 422, 'LOCATION_IN_FUTURE'],
      [{ fixes: [fix(13 * HOUR)] }, 422, 'LOCATION_TOO_OLD'],
      [{ fixes: [fix(1_000, { lat: 91 })] }, 400, 'COORDINATES_OUT_OF_RANGE'],
      [{ fixes: [] }, 400, 'VALIDATION_FAILED'],
      [{ fixes: Array.from({ length: 101 }, () => fix(1_000)) }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of refused) {
      const res = await call('ana', 'post', '/api/fleet/me/locations', body);
      expect([res.status, res.body.code]).toEqual([status, code]);
    }
  });

  it('joins the coop’s data export with its proofs and synced actions, each read for the coop only', async () => {
    const registry = h.app.get(CoopExportRegistry);
    const tables = registry.all().filter((t) => ['task_proofs', 'courier_actions'].includes(t.name));
    expect(tables.map((t) => t.name)).toEqual(['task_proofs', 'courier_actions']);
    expect(registry.all().find((t) => t.name === 'deliveries')?.columns).toContain('handover_code');
    const db = h.app.get(Database);
    const coopB = (await h.su.query<{ id: string }>(`select id from coops where slug = 'courier-b'`)).rows[0]
      ?.id as string;
    for (const t of tables) {
      const rows = await db.forCoop(coopA, ({ manager }) => t.read(manager, coopA));
      expect([t.name, rows.length > 0]).toEqual([t.name, true]);
      for (const row of rows) expect(Object.keys(row)).toEqual([...t.columns]);
      expect(await db.forCoop(coopB, ({ manager }) => t.read(manager, coopB))).toEqual([]);
    }
  });
});
