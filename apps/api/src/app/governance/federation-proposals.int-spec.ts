import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CLOCK, SettingsReader, type Clock } from '@federacycle/federation-server';
import { FederationProposalsService, GovernanceMailer } from '@federacycle/governance-server';
import { MailService, mailDirectory } from '@federacycle/identity-server';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';
import { Database } from '@federacycle/platform-database';
import { decodeQuotedPrintable } from '../../testing/api-test-app';
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
    // the worker's service: the API's has no mailer (it never opens, reminds or closes)
    service = new FederationProposalsService(
      h.app.get(Database),
      h.app.get(SettingsReader),
      h.app.get<Clock>(CLOCK),
      new GovernanceMailer(h.app.get(MailService), h.app.get<AppConfig>(APP_CONFIG)),
    );
    const a = await insertCoop(h.su, 'fed-a', 'Fed A');
    const b = await insertCoop(h.su, 'fed-b', 'Fed B');
    const c = await insertCoop(h.su, 'fed-c', 'Fed C');
    const d = await insertCoop(h.su, 'fed-d', 'Fed D');
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
      ['delegateD', d, ['member'], []],
    ] as const) {
      ids[name] = await insertUser(h, `${name.toLowerCase()}@fed.test`, name, coop ? [[coop, [...roles]]] : [], [
        ...platform,
      ]);
      tokens[name] = (await signIn(h, `${name.toLowerCase()}@fed.test`)).accessToken;
    }
    await h.su.query('insert into coop_delegates (coop_id, user_id) values ($1, $2), ($3, $4)', [
      c,
      ids['delegateC'],
      d,
      ids['delegateD'],
    ]);
    // the test coops are French (insertCoop); D's delegate chose English for themself
    const english = await h
      .http()
      .patch('/api/auth/me')
      .set({ Authorization: `Bearer ${tokens['delegateD']}` })
      .send({ locale: 'en' });
    expect(english.body.principal.locale).toBe('en');
  });
  afterAll(() => h?.close());

  const auth = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const post = (who: string, url: string, body: object) => h.http().post(url).set(auth(who)).send(body);
  const get = (who: string, url: string) => h.http().get(url).set(auth(who));
  const put = (who: string, url: string, body: object) => h.http().put(url).set(auth(who)).send(body);
  const mailsTo = async (to: string): Promise<string[]> => {
    const dir = mailDirectory(h.dataDir);
    const files = await readdir(dir).catch(() => [] as string[]);
    const texts = await Promise.all(
      files.map(async (f) => decodeQuotedPrintable(await readFile(join(dir, f), 'utf8'))),
    );
    return texts.filter((t) => t.includes(`To: ${to}`));
  };
  const expectCode = (res: { status: number; body: { code?: string } }, status: number, code: string) =>
    expect([res.status, res.body.code]).toEqual([status, code]);
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
      status: 'draft',
      statutory: true,
      changes: [{ key: 'licence_grace_days', from: 30, to: 45 }],
    });
    pid = created.body.id;
    // a draft is its author's own: nobody else sees it, votes on it or reads its chain
    expect((await get('memberA', url)).body.map((p: { id: string }) => p.id)).not.toContain(pid);
    expectCode(await get('adminB', `${url}/${pid}`), 404, 'NOT_FOUND');
    expectCode(await get('adminB', `${url}/${pid}/verify`), 404, 'NOT_FOUND');
    expectCode(await get('adminB', `${url}/${pid}/comments`), 404, 'NOT_FOUND');
    // its author edits it (checked again), then publishes it; nobody else does either
    expectCode(await put('fed', `${url}/${pid}`, proposal({ thresholdPercent: 60 })), 422, 'STATUTORY_THRESHOLD');
    expectCode(await put('delegateA', `${url}/${pid}`, proposal()), 404, 'NOT_FOUND');
    const edited = await put('fed', `${url}/${pid}`, proposal({ title: 'Longer licence grace, 45 days' }));
    expect([edited.status, edited.body.title, edited.body.me.isAuthor]).toEqual([
      200,
      'Longer licence grace, 45 days',
      true,
    ]);
    expectCode(await post('delegateA', `${url}/${pid}/publish`, {}), 404, 'NOT_FOUND');
    const published = await post('fed', `${url}/${pid}/publish`, {});
    expect([published.status, published.body.status]).toEqual([200, 'scheduled']);
    expectCode(await post('fed', `${url}/${pid}/publish`, {}), 409, 'ILLEGAL_TRANSITION');
    expectCode(await put('fed', `${url}/${pid}`, proposal()), 409, 'ILLEGAL_TRANSITION');
    expectCode(await post('delegateA', `${url}/${pid}/withdraw`, {}), 403, 'FORBIDDEN');
    const byDelegate = await post(
      'delegateA',
      url,
      proposal({ changes: [{ key: 'sandbox_test_orders_per_day', value: 30 }], thresholdPercent: 50 }),
    );
    expect(byDelegate.status).toBe(201);
    // withdrawn by its author before any ballot: from draft, or once published
    const other = byDelegate.body.id as string;
    expect((await post('delegateA', `${url}/${other}/publish`, {})).status).toBe(200);
    const withdrawn = await post('delegateA', `${url}/${other}/withdraw`, {});
    expect([withdrawn.status, withdrawn.body.status]).toEqual([200, 'withdrawn']);
    expectCode(await post('delegateA', `${url}/${other}/withdraw`, {}), 409, 'ILLEGAL_TRANSITION');
    expectCode(await post('memberA', `${url}/${other}/comments`, { body: 'late' }), 409, 'ILLEGAL_TRANSITION');
    // members of every active coop read them
    expect((await get('memberA', url)).body.map((p: { id: string }) => p.id)).toContain(pid);
    expect((await get('adminB', `${url}/${pid}`)).status).toBe(200);
  });

  it('members of the coops and the federation discuss a proposal', async () => {
    const url = `/api/governance/federation/proposals/${pid}/comments`;
    expect((await post('memberA', url, { body: 'Renewals **do** take time.' })).status).toBe(201);
    expect((await post('fed', url, { body: 'Agreed.' })).status).toBe(201);
    expectCode(await post('courierA', url, { body: 'me too' }), 403, 'FORBIDDEN');
    expectCode(await post('memberA', url, { body: '' }), 400, 'VALIDATION_FAILED');
    const thread = await get('adminB', url);
    expect(thread.body.map((c: { authorName: string; body: string }) => [c.authorName, c.body])).toEqual([
      ['memberA', 'Renewals **do** take time.'],
      ['fed', 'Agreed.'],
    ]);
  });

  it('opens with one voter per active coop and mails their delegates; delegates vote for their coop; the last vote counts', async () => {
    setNow(new Date(T0.getTime() + HOUR));
    expect(await service.open(pid)).toBe(true);
    expect(await service.open(pid)).toBe(false);
    expect((await mailsTo('delegatea@fed.test')).filter((m) => m.includes('Vote ouvert'))).toHaveLength(1);
    expect(await mailsTo('delegatec@fed.test')).toEqual([]);
    const openedD = await mailsTo('delegated@fed.test');
    expect([openedD.length, openedD[0]]).toEqual([1, expect.stringContaining('Voting is open')]);
    expect(openedD[0]).not.toContain('Vote ouvert');

    const url = `/api/governance/federation/proposals/${pid}/ballots`;
    expect((await post('memberA', url, { choice: 'yes' })).status).toBe(403);
    const suspended = await post('delegateC', url, { choice: 'yes' });
    expect(suspended.status).toBe(403);
    expect((await post('delegateA', url, { choice: 'no' })).status).toBe(201);
    // the first ballot ends withdrawal
    expectCode(
      await post('fed', `/api/governance/federation/proposals/${pid}/withdraw`, {}),
      409,
      'PROPOSAL_HAS_BALLOTS',
    );
    const again = await post('delegateA', url, { choice: 'yes' });
    expect([again.status, again.body.code]).toEqual([409, 'VOTE_SAME_INSTANT']);
    setNow(new Date(T0.getTime() + 2 * HOUR));
    expect((await post('delegateA', url, { choice: 'yes' })).status).toBe(201);
    expect((await post('delegateB', url, { choice: 'yes' })).status).toBe(201);
    const view = await get('memberA', `/api/governance/federation/proposals/${pid}`);
    expect(view.body).toMatchObject({
      voters: 3,
      voted: 2,
      me: { isDelegate: false, coopVoter: true, coopChoice: 'yes' },
    });
  });

  // the test coops are French (insertCoop): the mails are in French, but to D's delegate in English
  it('reminds the delegates of the coops that have not voted, once, 24 hours before the close', async () => {
    setNow(new Date(T0.getTime() + 48 * HOUR - 1));
    expect(await service.remind(pid)).toBe('early');
    expect(await mailsTo('delegated@fed.test')).toHaveLength(1); // the opening mail only
    setNow(new Date(T0.getTime() + 48 * HOUR));
    expect(await service.remind(pid)).toBe(true);
    expect(await service.remind(pid)).toBe(false);
    const reminders = (await mailsTo('delegated@fed.test')).filter((m) => m.includes('24 hours left to vote'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toContain('/proposals/federation#' + pid);
    for (const voted of ['delegatea@fed.test', 'delegateb@fed.test']) {
      expect((await mailsTo(voted)).filter((m) => m.includes('Plus que 24 heures'))).toEqual([]);
    }
  });

  it('closes, enacts the federation setting naming the proposal, and the licence code reads it', async () => {
    setNow(new Date(T0.getTime() + 72 * HOUR));
    expect(await service.close(pid)).toBe(true);
    expect(await service.close(pid)).toBe(false);
    const view = await get('adminB', `/api/governance/federation/proposals/${pid}`);
    expect(view.body).toMatchObject({ status: 'enacted', outcome: 'passed', tally: { yes: 2, no: 0, voters: 3 } });
    for (const delegate of ['delegatea@fed.test', 'delegateb@fed.test']) {
      expect((await mailsTo(delegate)).filter((m) => m.includes('Résultat') && m.includes('adoptée'))).toHaveLength(1);
    }
    const outcomeD = (await mailsTo('delegated@fed.test')).filter((m) => m.includes('Outcome:'));
    expect([outcomeD.length, outcomeD[0]]).toEqual([1, expect.stringContaining('passed and took effect')]);
    expect((await mailsTo('delegated@fed.test')).filter((m) => m.includes('Résultat'))).toEqual([]);
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
