import { insertCoop, insertUser, signIn, startHarness, type IdentityHarness } from '../identity/identity-harness';

describe('ordering: samples over HTTP (real PostgreSQL as fc_app)', () => {
  let h: IdentityHarness;
  let tokenA: string;
  let tokenB: string;

  beforeAll(async () => {
    h = await startHarness();
    const coopA = await insertCoop(h.su, 'ordering-a', 'Ordering A');
    const coopB = await insertCoop(h.su, 'ordering-b', 'Ordering B');
    await insertUser(h, 'admin.a@ordering.test', 'Admin A', [[coopA, ['coop_admin']]]);
    await insertUser(h, 'admin.b@ordering.test', 'Admin B', [[coopB, ['coop_admin']]]);
    tokenA = (await signIn(h, 'admin.a@ordering.test')).accessToken;
    tokenB = (await signIn(h, 'admin.b@ordering.test')).accessToken;
  });
  afterAll(() => h?.close());

  const as = (token: string) => ({
    list: () => h.http().get('/api/ordering/samples').set('Authorization', `Bearer ${token}`),
    create: (body: object) => h.http().post('/api/ordering/samples').set('Authorization', `Bearer ${token}`).send(body),
  });

  it('creates a sample and lists it for its coop only', async () => {
    const created = await as(tokenA).create({ label: 'Only in A' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ label: 'Only in A' });
    const mine = await as(tokenA).list();
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((s: { label: string }) => s.label)).toContain('Only in A');
    expect(mine.body.total).toBeGreaterThanOrEqual(1);
    const theirs = await as(tokenB).list();
    expect(theirs.body.items.map((s: { label: string }) => s.label)).not.toContain('Only in A');
  });

  it('refuses a bad body with 400 and writes nothing', async () => {
    const before = (await as(tokenA).list()).body.total as number;
    for (const body of [{}, { label: '' }, { label: 'x'.repeat(121) }, { label: 'ok', extra: true }]) {
      const res = await as(tokenA).create(body);
      expect([JSON.stringify(body), res.status, res.body.code]).toEqual([
        JSON.stringify(body),
        400,
        'VALIDATION_FAILED',
      ]);
    }
    expect((await as(tokenA).list()).body.total).toBe(before);
  });
});
