import { CLOCK, SettingsReader, type Clock } from '@federacycle/federation-server';
import { FederationProposalsService } from '@federacycle/governance-server';
import { insertCoop, insertUser, signIn, startHarness, type IdentityHarness } from '../identity/identity-harness';

const HOUR = 3_600_000;
const T0 = new Date('2026-07-01T08:00:00.000Z');

describe('federation proposals: coops vote through their delegates (real PostgreSQL as fc_app)', () => {
  let h: IdentityHarness;
  let service: FederationProposalsService;
  let setNow: (d: Date) => void;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHarness();
    let now = T0;
    jest.spyOn(h.app.get<Clock>(CLOCK), 'now').mockImplementation(() => new Date(now.getTime()));
    setNow = (d) => {
      now = d;
    };
    service = h.app.get(FederationProposalsService);
    const a = await insertCoop(h.su, 'fed-a', 'Fed A');
    const b = await insertCoop(h.su, 'fed-b', 'Fed B');
    const c = await insertCoop(h.su, 'fed-c', 'Fed C');
    await h.su.query(`update coops set status = 'suspended' where id = $1`, [c]);
    ids['a'] = a;
    for (const [name, coop, roles, platform] of [
      ['fed', null, [], ['federation_admin']],
      ['adminA', a, ['coop_admin', 'member'], []],
      ['delegateA', a, ['member'], []],
      ['memberA', a, ['member'], []],
      ['courierA', a, ['courier'], []],
      ['adminB', b, ['coop_admin', 'member'], []],
      ['delegateB', b, ['member'], []],
      ['delegateC', c, ['member'], []],
    ] as const) {
      ids[name] = await insertUser(h, `${name.toLowerCase()}@fed.test`, name, coop ? [[coop, [...roles]]] : [], [
        ...platform,
      ]);
      tokens[name] = (await signIn(h, `${name.toLowerCase()}@fed.test`)).accessToken;
    }
    await h.su.query('insert into coop_delegates (coop_id, user_id) values ($1, $2)', [c, ids['delegateC']]);
  });
  afterAll(() => h?.close());

  const auth = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const post = (who: string, url: string, body: object) => h.http().post(url).set(auth(who)).send(body);
  const get = (who: string, url: string) => h.http().get(url).set(auth(who));
  const put = (who: string, url: string, body: object) => h.http().put(url).set(auth(who)).send(body);
  const proposal = (over: object = {}) => ({
    title: 'Longer licence grace',
    rationale: 'Renewals take time.',
    changes: [{ key: 'licence_grace_days', value: 45 }],
    opensAt: new Date(T0.getTime() + HOUR).toISOString(),
    closesAt: new Date(T0.getTime() + 72 * HOUR).toISOString(),
    thresholdPercent: 66.67,
    ...over,
  });
  let pid: string;

  it('coop admins name their delegates among their members; nobody else does', async () => {
    expect((await put('adminA', '/api/governance/delegates', { userIds: [ids['delegateA']] })).status).toBe(200);
    expect((await put('adminB', '/api/governance/delegates', { userIds: [ids['delegateB']] })).status).toBe(200);
    expect((await put('memberA', '/api/governance/delegates', { userIds: [ids['memberA']] })).status).toBe(403);
    const foreign = await put('adminA', '/api/governance/delegates', { userIds: [ids['delegateB']] });
    expect([foreign.status, foreign.body.code]).toEqual([422, 'VALIDATION_FAILED']);
    expect((await get('memberA', '/api/governance/delegates')).body).toEqual([
      { userId: ids['delegateA'], name: 'delegateA' },
    ]);
  });

  it('a federation admin or a delegate drafts; a member does not; statutory needs two thirds', async () => {
    const url = '/api/governance/federation/proposals';
    expect((await post('memberA', url, proposal())).status).toBe(403);
    expect((await post('courierA', url, proposal())).status).toBe(403);
    const weak = await post('fed', url, proposal({ thresholdPercent: 50 }));
    expect([weak.status, weak.body.code]).toEqual([422, 'STATUTORY_THRESHOLD']);
    const coopKey = await post('fed', url, proposal({ changes: [{ key: 'dispatch_mode', value: 'auto' }] }));
    expect([coopKey.status, coopKey.body.code]).toEqual([422, 'UNKNOWN_SETTING']);
    const created = await post('fed', url, proposal());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'scheduled',
      statutory: true,
      changes: [{ key: 'licence_grace_days', from: 30, to: 45 }],
    });
    pid = created.body.id;
    const byDelegate = await post(
      'delegateA',
      url,
      proposal({ changes: [{ key: 'sandbox_test_orders_per_day', value: 30 }], thresholdPercent: 50 }),
    );
    expect(byDelegate.status).toBe(201);
    // members of every active coop read them
    expect((await get('memberA', url)).body.map((p: { id: string }) => p.id)).toContain(pid);
    expect((await get('adminB', `${url}/${pid}`)).status).toBe(200);
  });

  it('opens with one voter per active coop; delegates vote for their coop; the last vote counts', async () => {
    setNow(new Date(T0.getTime() + HOUR));
    expect(await service.open(pid)).toBe(true);
    expect(await service.open(pid)).toBe(false);
    const url = `/api/governance/federation/proposals/${pid}/ballots`;
    expect((await post('memberA', url, { choice: 'yes' })).status).toBe(403);
    const suspended = await post('delegateC', url, { choice: 'yes' });
    expect(suspended.status).toBe(403);
    expect((await post('delegateA', url, { choice: 'no' })).status).toBe(201);
    const again = await post('delegateA', url, { choice: 'yes' });
    expect([again.status, again.body.code]).toEqual([409, 'VOTE_SAME_INSTANT']);
    setNow(new Date(T0.getTime() + 2 * HOUR));
    expect((await post('delegateA', url, { choice: 'yes' })).status).toBe(201);
    expect((await post('delegateB', url, { choice: 'yes' })).status).toBe(201);
    const view = await get('memberA', `/api/governance/federation/proposals/${pid}`);
    expect(view.body).toMatchObject({
      voters: 2,
      voted: 2,
      me: { isDelegate: false, coopVoter: true, coopChoice: 'yes' },
    });
  });

  it('closes, enacts the federation setting naming the proposal, and the licence code reads it', async () => {
    setNow(new Date(T0.getTime() + 72 * HOUR));
    expect(await service.close(pid)).toBe(true);
    expect(await service.close(pid)).toBe(false);
    const view = await get('adminB', `/api/governance/federation/proposals/${pid}`);
    expect(view.body).toMatchObject({ status: 'enacted', outcome: 'passed', tally: { yes: 2, no: 0, voters: 2 } });
    expect((await h.app.get(SettingsReader).federation()).licence_grace_days).toBe(45);
    const settings = await get('memberA', '/api/governance/settings/federation');
    const grace = settings.body.find((s: { key: string }) => s.key === 'licence_grace_days');
    expect(grace).toMatchObject({ value: 45 });
    expect(grace.history[0]).toMatchObject({ value: 45, proposalId: pid, source: 'proposal' });
    const admin = await get('fed', '/api/federation/settings');
    expect(admin.body.licenceGraceDays).toBe(45);
    expect((await get('memberA', `/api/governance/federation/proposals/${pid}/verify`)).body).toMatchObject({
      ok: true,
      ballots: 3,
    });
    await h.su.query(`update federation_ballots set choice = 'no' where proposal_id = $1 and seq = 2`, [pid]);
    expect((await get('memberA', `/api/governance/federation/proposals/${pid}/verify`)).body).toMatchObject({
      ok: false,
      brokenAt: 2,
    });
  });
});
