import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';
import { CLOCK, SettingsReader, type Clock } from '@federacycle/federation-server';
import { EnactmentService, GovernanceMailer } from '@federacycle/governance-server';
import { MailService } from '@federacycle/identity-server';
import { Database, TenantContext } from '@federacycle/platform-database';
import { insertCoop, insertUser, signIn, startHarness, type IdentityHarness } from '../identity/identity-harness';

const HOUR = 3_600_000;
const T0 = new Date('2026-07-01T08:00:00.000Z');

describe('governance over HTTP: voting colleges (real PostgreSQL as fc_app)', () => {
  let h: IdentityHarness;
  let enactment: EnactmentService;
  let setNow: (d: Date) => void;
  let coopA: string;
  let coopB: string;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHarness();
    const clock = h.app.get<Clock>(CLOCK);
    let now = T0;
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(now.getTime()));
    setNow = (d) => {
      now = d;
    };
    enactment = new EnactmentService(
      h.app.get(Database),
      h.app.get(SettingsReader),
      new GovernanceMailer(h.app.get(MailService), h.app.get<AppConfig>(APP_CONFIG)),
      clock,
    );
    coopA = await insertCoop(h.su, 'col-a', 'Col A');
    coopB = await insertCoop(h.su, 'col-b', 'Col B');
    for (const [name, roles] of [
      ['admin', ['coop_admin']],
      ['w1', ['member']],
      ['w2', ['member']],
      ['u1', ['member']],
      ['u2', ['member']],
      ['rider', ['courier']],
    ] as const) {
      ids[name] = await insertUser(h, `${name}@col-a.test`, name, [[coopA, [...roles]]]);
      tokens[name] = (await signIn(h, `${name}@col-a.test`)).accessToken;
    }
    ids['other'] = await insertUser(h, 'other@col-b.test', 'other', [[coopB, ['member', 'coop_admin']]]);
    tokens['other'] = (await signIn(h, 'other@col-b.test')).accessToken;
  });
  afterAll(() => h?.close());

  const auth = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const api = {
    get: (who: string, url: string) => h.http().get(url).set(auth(who)),
    post: (who: string, url: string, body: object = {}) => h.http().post(url).set(auth(who)).send(body),
    patch: (who: string, url: string, body: object) => h.http().patch(url).set(auth(who)).send(body),
    put: (who: string, url: string, body: object) => h.http().put(url).set(auth(who)).send(body),
    del: (who: string, url: string) => h.http().delete(url).set(auth(who)),
  };
  const expectCode = (res: { status: number; body: { code?: string } }, status: number, code: string) =>
    expect([res.status, res.body.code]).toEqual([status, code]);
  const inJob = <T>(fn: () => Promise<T>) =>
    TenantContext.run({ coopId: coopA, actorId: null, requestId: 'int-test-job' }, fn);
  const URL = '/api/governance/colleges';
  let workers: string;
  let users: string;

  it('lets a coop admin define colleges, refusing bad weights and names with a stable code each', async () => {
    const empty = await api.get('w1', URL);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({
      colleges: [],
      totalWeight: 0,
      members: expect.arrayContaining([{ userId: ids['w1'], name: 'w1', collegeId: null }]),
    });
    // the admin is no voter (no member role), nor is the courier
    expect((empty.body.members as Array<{ userId: string }>).map((m) => m.userId).sort()).toEqual(
      [ids['w1'], ids['w2'], ids['u1'], ids['u2']].sort(),
    );

    expectCode(await api.post('w1', URL, { name: 'Workers', weight: 60 }), 403, 'FORBIDDEN');
    expectCode(await api.post('admin', URL, { name: 'Workers', weight: 0 }), 400, 'VALIDATION_FAILED');
    expectCode(await api.post('admin', URL, { name: 'Workers', weight: -5 }), 400, 'VALIDATION_FAILED');
    expectCode(await api.post('admin', URL, { name: 'Workers', weight: 100.5 }), 400, 'VALIDATION_FAILED');
    expectCode(await api.post('admin', URL, { name: 'Workers', weight: 'lots' }), 400, 'VALIDATION_FAILED');
    expectCode(await api.post('admin', URL, { name: '   ', weight: 10 }), 400, 'VALIDATION_FAILED');
    expectCode(await api.post('admin', URL, { name: 'Workers' }), 400, 'VALIDATION_FAILED');

    const created = await api.post('admin', URL, { name: 'Workers', weight: 60 });
    expect(created.status).toBe(201);
    workers = created.body.colleges[0].id;
    expectCode(await api.post('admin', URL, { name: ' workers ', weight: 10 }), 409, 'COLLEGE_NAME_TAKEN');
    expectCode(await api.post('admin', URL, { name: 'Users', weight: 40.001 }), 422, 'COLLEGE_WEIGHTS_OVER_100');
    const second = await api.post('admin', URL, { name: 'Users', weight: 40 });
    expect(second.status).toBe(201);
    expect(second.body.totalWeight).toBe(100);
    const usersCollege = (second.body.colleges as Array<{ id: string; name: string }>).find((c) => c.name === 'Users');
    expect(usersCollege).toBeDefined();
    users = usersCollege?.id ?? '';
    expectCode(await api.patch('admin', `${URL}/${users}`, { weight: 41 }), 422, 'COLLEGE_WEIGHTS_OVER_100');
    expectCode(await api.patch('admin', `${URL}/${users}`, { name: 'Workers' }), 409, 'COLLEGE_NAME_TAKEN');
    // another coop's admin sees none of it and reaches none of it
    const foreign = await api.get('other', URL);
    expect(foreign.body.colleges).toEqual([]);
    expectCode(await api.patch('other', `${URL}/${users}`, { weight: 10 }), 404, 'NOT_FOUND');
    expectCode(await api.del('other', `${URL}/${users}`), 404, 'NOT_FOUND');
    expectCode(await api.put('other', `${URL}/${users}/members`, { userIds: [ids['other']] }), 404, 'NOT_FOUND');
  });

  it('places each member in one college at most, and only the coop’s voting members', async () => {
    const placed = await api.put('admin', `${URL}/${workers}/members`, { userIds: [ids['w1'], ids['w2']] });
    expect(placed.status).toBe(200);
    expectCode(
      await api.put('admin', `${URL}/${users}/members`, { userIds: [ids['w1']] }),
      409,
      'COLLEGE_MEMBER_TAKEN',
    );
    expectCode(
      await api.put('admin', `${URL}/${users}/members`, { userIds: [ids['rider']] }),
      422,
      'COLLEGE_NOT_A_MEMBER',
    );
    expectCode(
      await api.put('admin', `${URL}/${users}/members`, { userIds: [ids['other']] }),
      422,
      'COLLEGE_NOT_A_MEMBER',
    );
    expectCode(await api.put('admin', `${URL}/${users}/members`, { userIds: ['nope'] }), 400, 'VALIDATION_FAILED');
    expectCode(await api.put('w1', `${URL}/${users}/members`, { userIds: [ids['u1']] }), 403, 'FORBIDDEN');
    const both = await api.put('admin', `${URL}/${users}/members`, { userIds: [ids['u1'], ids['u2']] });
    expect(both.status).toBe(200);
    expect(both.body.colleges).toEqual([
      {
        id: users,
        name: 'Users',
        weight: 40,
        members: [expect.objectContaining({ userId: ids['u1'] }), expect.objectContaining({ userId: ids['u2'] })],
      },
      {
        id: workers,
        name: 'Workers',
        weight: 60,
        members: [expect.objectContaining({ userId: ids['w1'] }), expect.objectContaining({ userId: ids['w2'] })],
      },
    ]);
    // members read the colleges (how their votes weigh)
    const read = await api.get('u1', URL);
    expect(read.body.members).toContainEqual({ userId: ids['u1'], name: 'u1', collegeId: users });
    const rows = await h.su.query('select count(*)::int as n from college_members where coop_id = $1', [coopA]);
    expect(rows.rows[0].n).toBe(4);
  });

  it('weighs an open proposal by the colleges of its snapshot; a later change counts from the next proposal', async () => {
    const created = await api.post('w1', '/api/governance/proposals', {
      title: 'Suggest mode',
      rationale: 'why',
      changes: [{ key: 'dispatch_mode', value: 'suggest' }],
      opensAt: new Date(T0.getTime() + HOUR).toISOString(),
      closesAt: new Date(T0.getTime() + 30 * HOUR).toISOString(),
      quorumPercent: 50,
      thresholdPercent: 50,
      hiddenResults: false,
    });
    expect(created.status).toBe(201);
    const pid = created.body.id as string;
    expect((await api.post('w1', `/api/governance/proposals/${pid}/publish`)).status).toBe(200);
    setNow(new Date(T0.getTime() + HOUR));
    expect(await inJob(() => enactment.open(coopA, pid))).toBe('done');
    // workers (60) vote yes, users (40) vote no: 60 % yes
    for (const [who, choice] of [
      ['w1', 'yes'],
      ['w2', 'yes'],
      ['u1', 'no'],
      ['u2', 'no'],
    ] as const) {
      setNow(new Date(T0.getTime() + 2 * HOUR + Object.keys(ids).indexOf(who) * 1000));
      expect((await api.post(who, `/api/governance/proposals/${pid}/ballots`, { choice })).status).toBe(201);
    }
    const before = await api.get('u1', `/api/governance/proposals/${pid}/tally`);
    expect(before.body.yesPercent).toBe(60);

    // the colleges change while the proposal is open: the snapshot does not
    expect((await api.patch('admin', `${URL}/${workers}`, { weight: 10 })).status).toBe(200);
    expect((await api.put('admin', `${URL}/${users}/members`, { userIds: [ids['u1']] })).status).toBe(200);
    expect((await api.del('admin', `${URL}/${users}`)).status).toBe(200);
    const after = await api.get('u1', `/api/governance/proposals/${pid}/tally`);
    expect(after.body.yesPercent).toBe(60);

    setNow(new Date(T0.getTime() + 30 * HOUR));
    expect(await inJob(() => enactment.close(coopA, pid))).toBe('done');
    const closed = await api.get('u2', `/api/governance/proposals/${pid}`);
    expect(closed.body.outcome).toBe('passed');
    expect(closed.body.tally.colleges).toEqual([
      expect.objectContaining({ name: 'Users', weight: 40, voters: 2, yes: 0, no: 2, yesPercent: 0 }),
      expect.objectContaining({ name: 'Workers', weight: 60, voters: 2, yes: 2, no: 0, yesPercent: 100 }),
    ]);
    // the removed college took its placements with it; the next snapshot will see the new weights
    const now = await api.get('admin', URL);
    expect(now.body.colleges).toEqual([expect.objectContaining({ id: workers, weight: 10 })]);
    expect(now.body.members).toContainEqual({ userId: ids['u1'], name: 'u1', collegeId: null });
  });
});
