import { insertCoop, insertUser, signIn, startHarness, type IdentityHarness } from '../identity/identity-harness';

const HOUR = 3_600_000;

describe('Idempotency-Key on creating a delivery over HTTP (real PostgreSQL as fc_app)', () => {
  let h: IdentityHarness;
  const token: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHarness();
    // one listening server: supertest would otherwise listen anew for each of the racing requests
    await new Promise<void>((resolve) =>
      (h.app.getHttpServer() as import('node:http').Server).listen(0, '127.0.0.1', resolve),
    );
    const coop = await insertCoop(h.su, 'idem-a', 'Idem A');
    for (const key of ['ana', 'bo']) {
      await insertUser(h, `${key}@idem.test`, key, [[coop, ['dispatcher']]]);
      token[key] = (await signIn(h, `${key}@idem.test`)).accessToken;
    }
  });
  afterAll(() => h?.close());

  const body = (reference: string) => ({
    reference,
    tasks: [
      { kind: 'pickup', address: '3 rue Mercière, 69002 Lyon', lat: 45.7625, lng: 4.8339 },
      {
        kind: 'dropoff',
        address: '10 cours Vitton, 69006 Lyon',
        lat: 45.7699,
        lng: 4.8531,
        before: new Date(Date.now() + 3 * HOUR).toISOString(),
      },
    ],
  });
  const post = (who: string, payload: object, key?: string) => {
    const req = h.http().post('/api/dispatch/deliveries').set('Authorization', `Bearer ${token[who]}`);
    return (key === undefined ? req : req.set('Idempotency-Key', key)).send(payload);
  };
  const count = async (reference: string) =>
    (await h.su.query<{ n: number }>('select count(*)::int as n from deliveries where reference = $1', [reference]))
      .rows[0]?.n;

  it('fifty same requests at once create one delivery: the rest are told it is in progress or get its answer', async () => {
    const payload = body('IDEM-RACE');
    const answers = await Promise.all(Array.from({ length: 50 }, () => post('ana', payload, 'race-key-1')));
    const created = answers.filter((a) => a.status === 201);
    const busy = answers.filter((a) => a.status === 409);
    expect(created.length + busy.length).toBe(50);
    expect(busy.every((a) => a.body.code === 'IDEMPOTENCY_IN_PROGRESS')).toBe(true);
    expect(new Set(created.map((a) => a.body.id)).size).toBe(1);
    expect(created.filter((a) => a.headers['idempotent-replayed'] === undefined)).toHaveLength(1);
    expect(await count('IDEM-RACE')).toBe(1);
    const again = await post('ana', payload, 'race-key-1');
    expect([again.status, again.headers['idempotent-replayed'], again.body.id]).toEqual([
      201,
      'true',
      created[0]?.body.id,
    ]);
  });

  it('refuses another body under a used key, keeps keys per person, and checks the key', async () => {
    await post('ana', body('IDEM-A'), 'key-2');
    const other = await post('ana', body('IDEM-B'), 'key-2');
    expect([other.status, other.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await count('IDEM-B')).toBe(0);
    const bos = await post('bo', body('IDEM-A'), 'key-2');
    expect([bos.status, bos.headers['idempotent-replayed']]).toEqual([201, undefined]);
    expect(await count('IDEM-A')).toBe(2);
    const bad = await post('ana', body('IDEM-C'), 'x'.repeat(256));
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    // without a key, each request is a new delivery
    await post('ana', body('IDEM-D'));
    await post('ana', body('IDEM-D'));
    expect(await count('IDEM-D')).toBe(2);
  });

  it('a refused create leaves no key: the corrected request goes through under the same key', async () => {
    const wrong = await post('ana', { ...body('IDEM-E'), tasks: [body('x').tasks[1], body('x').tasks[1]] }, 'key-3');
    expect([wrong.status, wrong.body.code]).toEqual([400, 'DELIVERY_SHAPE_INVALID']);
    const right = await post('ana', body('IDEM-E'), 'key-3');
    expect([right.status, right.headers['idempotent-replayed']]).toEqual([201, undefined]);
    const { rows } = await h.su.query(`select count(*)::int as n from idempotency_keys where key = 'key-3'`);
    expect(rows[0].n).toBe(1);
  });

  it('expired keys are replaced on use and swept as new keys come', async () => {
    const first = await post('ana', body('IDEM-F'), 'key-4');
    await h.su.query(
      `update idempotency_keys set expires_at = now() - interval '1 second' where key in ('key-4', 'key-2')`,
    );
    const later = await post('ana', body('IDEM-F'), 'key-4');
    expect([later.status, later.headers['idempotent-replayed']]).toEqual([201, undefined]);
    expect(later.body.id).not.toBe(first.body.id);
    // key-2's two expired rows (ana's and bo's) were swept by that insert
    const { rows } = await h.su.query(`select count(*)::int as n from idempotency_keys where key = 'key-2'`);
    expect(rows[0].n).toBe(0);
  });
});
