import { randomUUID } from 'node:crypto';
import type { DeliveryProofView, DeliveryView, TrackingView } from '@federacycle/contracts';
import { insertCoop, insertUser, signIn, startHarness, type IdentityHarness } from '../identity/identity-harness';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
/** a real 1×1 PNG */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

type Delivered = { delivery: DeliveryView; pickupPhoto: string; photo: string; signature: string };

describe('proofs of delivery: the recipient’s by the tracking token, the coop’s on the delivery (real PostgreSQL as fc_app)', () => {
  let h: IdentityHarness;
  let coopA: string;
  const token: Record<string, string> = {};
  const courier: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHarness();
    coopA = await insertCoop(h.su, 'proofs-a', 'Proofs A');
    const coopB = await insertCoop(h.su, 'proofs-b', 'Proofs B');
    const coopC = await insertCoop(h.su, 'proofs-c', 'Proofs C');
    // A and B ask a photo and a signature at dropoff; C the recipient's handover code
    for (const [coop, value] of [
      [coopA, 'photo_and_signature'],
      [coopB, 'photo_and_signature'],
      [coopC, 'code'],
    ] as const) {
      await h.su.query(
        `insert into coop_setting_versions (coop_id, key, version, value, source) values ($1, 'proof_of_delivery_dropoff', 1, $2, 'initial')`,
        [coop, JSON.stringify(value)],
      );
    }
    const people: Array<[string, string, string, string]> = [
      ['dispatcher', 'Dispatcher A', coopA, 'dispatcher'],
      ['admin', 'Admin A', coopA, 'coop_admin'],
      ['ana', 'Ana Rider', coopA, 'courier'],
      ['dispatcherb', 'Dispatcher B', coopB, 'dispatcher'],
      ['bea', 'Bea Rider', coopB, 'courier'],
      ['dispatcherc', 'Dispatcher C', coopC, 'dispatcher'],
      ['cy', 'Cy Rider', coopC, 'courier'],
    ];
    for (const [key, name, coop, role] of people) {
      const id = await insertUser(h, `${key}@proofs.test`, name, [[coop, [role]]]);
      token[key] = (await signIn(h, `${key}@proofs.test`)).accessToken;
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

  const call = (who: string, method: 'get' | 'post', url: string, body?: object) => {
    const req = h.http()[method](url).set('Authorization', `Bearer ${token[who]}`);
    return body === undefined ? req : req.send(body);
  };
  const upload = async (who: string, taskId: string, kind: string): Promise<string> => {
    const id = randomUUID();
    const res = await h
      .http()
      .put(`/api/dispatch/me/tasks/${taskId}/proofs/${id}?kind=${kind}`)
      .set('Authorization', `Bearer ${token[who]}`)
      .attach('file', PNG, `${kind}.png`);
    expect(res.status).toBe(200);
    return id;
  };
  const step = async (who: string, taskId: string, s: string, extra: object = {}) => {
    const res = await call(who, 'post', '/api/dispatch/me/actions', {
      clientActionId: randomUUID(),
      taskId,
      step: s,
      ...extra,
    });
    expect([s, res.status, res.body.code]).toEqual([s, 200, undefined]);
  };
  const track = (t: string) => h.http().get(`/api/track/${t}`);
  const image = (url: string, who?: string) => {
    // the image's bytes as they came (an error's JSON body read as JSON)
    const req = h
      .http()
      .get(url)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (chunk: Buffer) => chunks.push(chunk));
        r.on('end', () => {
          const bytes = Buffer.concat(chunks);
          const json = /json/.test(String(r.headers['content-type']));
          done(null, json ? JSON.parse(bytes.toString('utf8')) : bytes);
        });
      });
    return who ? req.set('Authorization', `Bearer ${token[who]}`) : req;
  };

  /** a delivery assigned to `rider`, picked up (with a photo on the pickup too) and under way */
  const underWay = async (rider: string, dispatcher: string) => {
    const res = await call(dispatcher, 'post', '/api/dispatch/deliveries', {
      reference: 'PROOF-1',
      tasks: [
        {
          kind: 'pickup',
          address: '3 rue Mercière, 69002 Lyon',
          lat: 45.7625,
          lng: 4.8339,
          before: iso(Date.now() + HOUR),
        },
        { kind: 'dropoff', address: '10 cours Vitton, 69006 Lyon', lat: 45.7699, lng: 4.8531 },
      ],
    });
    expect(res.status).toBe(201);
    const delivery = res.body as DeliveryView;
    const [pickup, dropoff] = delivery.tasks.map((t) => t.id) as [string, string];
    for (const id of [pickup, dropoff]) {
      expect(
        (await call(dispatcher, 'post', `/api/dispatch/tasks/${id}/assign`, { courierId: courier[rider] })).status,
      ).toBe(200);
    }
    await step(rider, pickup, 'start');
    const pickupPhoto = await upload(rider, pickup, 'photo');
    await step(rider, pickup, 'picked_up');
    await step(rider, dropoff, 'start');
    return { delivery, pickup, dropoff, pickupPhoto };
  };
  const delivered = async (rider: string, dispatcher: string): Promise<Delivered> => {
    const { delivery, dropoff, pickupPhoto } = await underWay(rider, dispatcher);
    const photo = await upload(rider, dropoff, 'photo');
    const signature = await upload(rider, dropoff, 'signature');
    await step(rider, dropoff, 'delivered');
    return { delivery, pickupPhoto, photo, signature };
  };

  it('shows the recipient the dropoff’s proofs through their token only once completed, and no other delivery’s', async () => {
    const { delivery, dropoff, pickupPhoto } = await underWay('ana', 'dispatcher');
    const t = delivery.trackingToken;
    const photo = await upload('ana', dropoff, 'photo');
    const signature = await upload('ana', dropoff, 'signature');
    // under way: the proofs exist, but the page shows none and serves none
    expect(((await track(t)).body as TrackingView).proofs).toEqual([]);
    const early = await image(`/api/track/${t}/proofs/${photo}`);
    expect([early.status, early.headers['content-type']]).toEqual([404, expect.stringMatching(/json/)]);
    await step('ana', dropoff, 'delivered');

    const view = (await track(t)).body as TrackingView;
    expect(view.state).toBe('completed');
    expect(view.proofs.map((p) => [p.id, p.kind, p.url])).toEqual([
      [photo, 'photo', `/api/track/${t}/proofs/${photo}`],
      [signature, 'signature', `/api/track/${t}/proofs/${signature}`],
    ]);
    for (const p of view.proofs) {
      const res = await image(p.url);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['cache-control']).toMatch(/^private/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.compare(res.body as Buffer, PNG)).toBe(0);
      const again = await image(p.url).set('If-None-Match', res.headers['etag'] as string);
      expect(again.status).toBe(304);
    }
    // the pickup's photo is the coop's, not the recipient's
    expect((await image(`/api/track/${t}/proofs/${pickupPhoto}`)).body.code).toBe('PROOF_NOT_FOUND');

    // another delivery of the same coop, and one of another coop: neither token reaches the other's proofs
    const other = await delivered('ana', 'dispatcher');
    const foreign = await delivered('bea', 'dispatcherb');
    for (const [tok, proof] of [
      [t, other.photo],
      [t, foreign.signature],
      [other.delivery.trackingToken, photo],
      [foreign.delivery.trackingToken, photo],
      [foreign.delivery.trackingToken, other.signature],
    ] as const) {
      const res = await image(`/api/track/${tok}/proofs/${proof}`);
      expect([res.status, res.body.code]).toEqual([404, 'PROOF_NOT_FOUND']);
    }
    expect((await image(`/api/track/${foreign.delivery.trackingToken}/proofs/${foreign.photo}`)).status).toBe(200);
    // not a proof id, not a token
    expect((await image(`/api/track/${t}/proofs/nope`)).body.code).toBe('PROOF_NOT_FOUND');
    expect((await image(`/api/track/${'A'.repeat(43)}/proofs/${photo}`)).body.code).toBe('TRACKING_NOT_FOUND');
  });

  it('shows the handover code while under way when the coop asks for it, and never after', async () => {
    const { delivery, dropoff } = await underWay('cy', 'dispatcherc');
    const row = await h.su.query<{ handover_code: string }>('select handover_code from deliveries where id = $1', [
      delivery.id,
    ]);
    const code = row.rows[0]?.handover_code as string;
    expect(code).toMatch(/^[0-9]{6}$/);
    expect(((await track(delivery.trackingToken)).body as TrackingView).handoverCode).toBe(code);
    await step('cy', dropoff, 'delivered', { code });
    const after = (await track(delivery.trackingToken)).body as TrackingView;
    expect([after.state, after.handoverCode]).toEqual(['completed', null]);
    expect(JSON.stringify(after)).not.toContain(code);
    // a coop that asks a photo and a signature: no code on its page
    const a = await underWay('ana', 'dispatcher');
    expect(((await track(a.delivery.trackingToken)).body as TrackingView).handoverCode).toBeNull();
  });

  it('lists a delivery’s proofs to its coop’s dispatchers and admins, and serves each by its delivery only', async () => {
    const d = await delivered('ana', 'dispatcher');
    const other = await delivered('ana', 'dispatcher');
    for (const who of ['dispatcher', 'admin']) {
      const res = await call(who, 'get', `/api/dispatch/deliveries/${d.delivery.id}/proofs`);
      expect(res.status).toBe(200);
      const items = res.body.items as DeliveryProofView[];
      expect(items.map((p) => [p.id, p.taskKind, p.kind, p.courierName, p.contentType])).toEqual([
        [d.pickupPhoto, 'pickup', 'photo', 'Ana Rider', 'image/png'],
        [d.photo, 'dropoff', 'photo', 'Ana Rider', 'image/png'],
        [d.signature, 'dropoff', 'signature', 'Ana Rider', 'image/png'],
      ]);
    }
    const img = await image(`/api/dispatch/deliveries/${d.delivery.id}/proofs/${d.pickupPhoto}`, 'admin');
    expect([img.status, img.headers['content-type'], img.headers['x-content-type-options']]).toEqual([
      200,
      'image/png',
      'nosniff',
    ]);
    expect(img.headers['cache-control']).toMatch(/^private/);
    expect(Buffer.compare(img.body as Buffer, PNG)).toBe(0);
    // a proof of another delivery, by this delivery: not found
    const wrong = await image(`/api/dispatch/deliveries/${d.delivery.id}/proofs/${other.photo}`, 'dispatcher');
    expect([wrong.status, wrong.body.code]).toEqual([404, 'PROOF_NOT_FOUND']);
    // another coop's dispatcher sees neither the list nor the image; a courier is no reader
    expect((await call('dispatcherb', 'get', `/api/dispatch/deliveries/${d.delivery.id}/proofs`)).status).toBe(404);
    expect((await image(`/api/dispatch/deliveries/${d.delivery.id}/proofs/${d.photo}`, 'dispatcherb')).status).toBe(
      404,
    );
    expect((await call('ana', 'get', `/api/dispatch/deliveries/${d.delivery.id}/proofs`)).status).toBe(403);
    expect((await image(`/api/dispatch/deliveries/${d.delivery.id}/proofs/nope`, 'dispatcher')).status).toBe(400);
    expect((await image(`/api/dispatch/deliveries/${d.delivery.id}/proofs/${d.photo}`)).status).toBe(401);
  });
});
