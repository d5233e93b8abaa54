import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';
import { CLOCK, SettingsReader, type Clock } from '@federacycle/federation-server';
import { EnactmentService, GovernanceMailer, VotingService } from '@federacycle/governance-server';
import { MailService, mailDirectory } from '@federacycle/identity-server';
import { Database, TenantContext } from '@federacycle/platform-database';
import type { ApiException } from '@federacycle/platform-http';
import { decodeQuotedPrintable } from '../../testing/api-test-app';
import { insertCoop, insertUser, signIn, startHarness, type IdentityHarness } from '../identity/identity-harness';

const HOUR = 3_600_000;
const T0 = new Date('2026-06-01T08:00:00.000Z');

describe('governance over HTTP: proposals, votes, proxies, the chain, enactment (real PostgreSQL as fc_app)', () => {
  let h: IdentityHarness;
  let enactment: EnactmentService;
  let voting: VotingService;
  let setNow: (d: Date) => void;
  let coopA: string;
  let coopB: string;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    // 500 votes at once wait for the pool's connections: on a loaded machine, longer than the default 5 s
    h = await startHarness({ DATABASE_CONNECT_TIMEOUT_MS: '300000' });
    const clock = h.app.get<Clock>(CLOCK);
    let now = T0;
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(now.getTime()));
    setNow = (d) => {
      now = d;
    };
    const config = h.app.get<AppConfig>(APP_CONFIG);
    const db = h.app.get(Database);
    enactment = new EnactmentService(
      db,
      h.app.get(SettingsReader),
      new GovernanceMailer(h.app.get(MailService), config),
      clock,
    );
    voting = h.app.get(VotingService);
    coopA = await insertCoop(h.su, 'gov-a', 'Gov A');
    coopB = await insertCoop(h.su, 'gov-b', 'Gov B');
    for (const [name, roles] of [
      ['author', ['coop_admin', 'member']],
      ['m1', ['member']],
      ['m2', ['member']],
      ['m3', ['member']],
      ['m4', ['member']],
      ['m5', ['member']],
      ['rider', ['courier']],
    ] as const) {
      ids[name] = await insertUser(h, `${name}@gov-a.test`, name, [[coopA, [...roles]]]);
      tokens[name] = (await signIn(h, `${name}@gov-a.test`)).accessToken;
    }
    ids['other'] = await insertUser(h, 'other@gov-b.test', 'other', [[coopB, ['member', 'coop_admin']]]);
    tokens['other'] = (await signIn(h, 'other@gov-b.test')).accessToken;
    // the coop is French (insertCoop); m5 chose English for themself
    const english = await h
      .http()
      .patch('/api/auth/me')
      .set({ Authorization: `Bearer ${tokens['m5']}` })
      .send({ locale: 'en' });
    expect(english.body.principal.locale).toBe('en');
  });
  afterAll(() => h?.close());

  const auth = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const api = {
    get: (who: string, url: string) => h.http().get(url).set(auth(who)),
    post: (who: string, url: string, body: object = {}) => h.http().post(url).set(auth(who)).send(body),
    del: (who: string, url: string) => h.http().delete(url).set(auth(who)),
  };
  const draft = (over: object = {}) => ({
    title: 'Switch dispatch to suggest',
    rationale: 'The **planner** is ready.\n\n<script>alert(1)</script>',
    changes: [{ key: 'dispatch_mode', value: 'suggest' }],
    opensAt: new Date(T0.getTime() + HOUR).toISOString(),
    closesAt: new Date(T0.getTime() + 49 * HOUR).toISOString(),
    hiddenResults: true,
    ...over,
  });
  /** the worker runs each step in its job's context */
  const inJob = <T>(fn: () => Promise<T>) =>
    TenantContext.run({ coopId: coopA, actorId: null, requestId: 'int-test-job' }, fn);
  const expectCode = (res: { status: number; body: { code?: string } }, status: number, code: string) =>
    expect([res.status, res.body.code]).toEqual([status, code]);

  it('refuses bad proposals with a stable code each', async () => {
    const url = '/api/governance/proposals';
    expectCode(await api.post('m1', url, draft({ changes: [{ key: 'teleport', value: 1 }] })), 422, 'UNKNOWN_SETTING');
    expectCode(
      await api.post('m1', url, draft({ changes: [{ key: 'licence_grace_days', value: 10 }] })),
      422,
      'UNKNOWN_SETTING',
    );
    expectCode(
      await api.post('m1', url, draft({ changes: [{ key: 'dispatch_mode', value: 'robots' }] })),
      422,
      'SETTING_VALUE_INVALID',
    );
    expectCode(
      await api.post('m1', url, draft({ changes: [{ key: 'order_auto_refuse_minutes', value: 0 }] })),
      422,
      'SETTING_VALUE_INVALID',
    );
    expectCode(
      await api.post('m1', url, draft({ closesAt: new Date(T0.getTime() + HOUR - 1).toISOString() })),
      422,
      'VOTING_WINDOW_INVALID',
    );
    expectCode(
      await api.post('m1', url, draft({ closesAt: new Date(T0.getTime() + 2 * HOUR - 1).toISOString() })),
      422,
      'VOTING_WINDOW_INVALID',
    );
    expectCode(await api.post('m1', url, draft({ quorumPercent: 101 })), 422, 'PERCENT_OUT_OF_RANGE');
    expectCode(await api.post('m1', url, draft({ thresholdPercent: -1 })), 422, 'PERCENT_OUT_OF_RANGE');
    expectCode(
      await api.post(
        'm1',
        url,
        draft({ changes: [{ key: 'max_proxies_per_holder', value: 3 }], thresholdPercent: 60 }),
      ),
      422,
      'STATUTORY_THRESHOLD',
    );
    expectCode(await api.post('m1', url, draft({ sneaky: true })), 400, 'VALIDATION_FAILED');
    expectCode(await api.post('rider', url, draft()), 403, 'FORBIDDEN');
  });

  let pid: string;

  it('drafts (visible to its author only), publishes, opens with a snapshot of the members and mails them', async () => {
    const created = await api.post('author', '/api/governance/proposals', draft());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      quorumPercent: 25,
      thresholdPercent: 50,
      changes: [{ key: 'dispatch_mode', from: 'manual', to: 'suggest' }],
    });
    pid = created.body.id;
    expect((await api.get('m1', `/api/governance/proposals/${pid}`)).status).toBe(404);
    expect((await api.get('other', `/api/governance/proposals/${pid}`)).status).toBe(404);
    expectCode(await api.post('m1', `/api/governance/proposals/${pid}/publish`), 403, 'FORBIDDEN');
    const published = await api.post('author', `/api/governance/proposals/${pid}/publish`);
    expect(published.body.status).toBe('scheduled');
    expectCode(
      await api.post('m1', `/api/governance/proposals/${pid}/ballots`, { choice: 'yes' }),
      409,
      'VOTING_NOT_OPEN',
    );
    expect(await inJob(() => enactment.open(coopA, pid))).toBe('early');
    // a member who joins before the opening is a voter; one who joins after is not
    ids['late'] = await insertUser(h, 'late@gov-a.test', 'late', []);
    setNow(new Date(T0.getTime() + HOUR));
    expect(await inJob(() => enactment.open(coopA, pid))).toBe('done');
    expect(await inJob(() => enactment.open(coopA, pid))).toBe('skipped');
    await h.su.query(`insert into memberships (coop_id, user_id, roles) values ($1, $2, '{member}')`, [
      coopA,
      ids['late'],
    ]);
    tokens['late'] = (await signIn(h, 'late@gov-a.test')).accessToken;
    const view = await api.get('m1', `/api/governance/proposals/${pid}`);
    expect(view.body).toMatchObject({ status: 'open', voters: 6, voted: 0, tally: null, me: { isVoter: true } });
    const mails = await mailsTo('m1@gov-a.test');
    expect(mails.some((m) => m.includes('Vote ouvert') && m.includes('Mode de répartition'))).toBe(true);
    expect(await mailsTo('rider@gov-a.test')).toEqual([]);
    const english = await mailsTo('m5@gov-a.test');
    expect([english.length, english[0]]).toEqual([1, expect.stringContaining('Voting is open')]);
    expect(english[0]).toContain('Dispatch mode');
    expect(english[0]).not.toContain('Vote ouvert');
  });

  it('counts one vote per member (the last), refuses outsiders, the same instant and votes after close', async () => {
    const url = `/api/governance/proposals/${pid}/ballots`;
    const first = await api.post('m1', url, { choice: 'no' });
    expect(first.status).toBe(201);
    expect(first.body.hash).toMatch(/^[0-9a-f]{64}$/);
    expectCode(await api.post('m1', url, { choice: 'yes' }), 409, 'VOTE_SAME_INSTANT');
    setNow(new Date(T0.getTime() + 2 * HOUR));
    expect((await api.post('m1', url, { choice: 'yes' })).status).toBe(201);
    expectCode(await api.post('rider', url, { choice: 'yes' }), 403, 'FORBIDDEN');
    expectCode(await api.post('late', url, { choice: 'yes' }), 403, 'NOT_A_VOTER');
    expectCode(await api.post('other', url, { choice: 'yes' }), 404, 'NOT_FOUND');
    expectCode(await api.post('m1', url, { choice: 'maybe' }), 400, 'VALIDATION_FAILED');
    expectCode(await api.get('author', `/api/governance/proposals/${pid}/tally`), 403, 'RESULTS_HIDDEN');
    expect((await api.get('author', `/api/governance/proposals/${pid}`)).body).toMatchObject({ tally: null, voted: 1 });
    expectCode(await api.post('author', `/api/governance/proposals/${pid}/withdraw`), 409, 'PROPOSAL_HAS_BALLOTS');
  });

  it('proxies: to another voter only, no chains, at most N per holder, revocable; the holder votes for the giver', async () => {
    const proxy = `/api/governance/proposals/${pid}/proxy`;
    const ballots = `/api/governance/proposals/${pid}/ballots`;
    expectCode(await api.post('m2', proxy, { holderId: ids['m2'] }), 422, 'PROXY_TO_SELF');
    expectCode(await api.post('m2', proxy, { holderId: ids['late'] }), 422, 'NOT_A_VOTER');
    expect((await api.post('m2', proxy, { holderId: ids['m3'] })).status).toBe(201);
    expectCode(await api.post('m3', proxy, { holderId: ids['m4'] }), 422, 'PROXY_CHAIN');
    expectCode(await api.post('m1', proxy, { holderId: ids['m2'] }), 422, 'PROXY_CHAIN');
    expect((await api.post('m4', proxy, { holderId: ids['m3'] })).status).toBe(201);
    expectCode(await api.post('m5', proxy, { holderId: ids['m3'] }), 422, 'TOO_MANY_PROXIES');
    expectCode(await api.post('m2', ballots, { choice: 'no' }), 409, 'VOTE_GIVEN_BY_PROXY');
    expect((await api.post('m3', ballots, { choice: 'yes', onBehalfOf: ids['m2'] })).status).toBe(201);
    expectCode(await api.post('m1', ballots, { choice: 'yes', onBehalfOf: ids['m2'] }), 403, 'FORBIDDEN');
    expect((await api.del('m4', proxy)).status).toBe(200);
    expectCode(await api.del('m4', proxy), 409, 'CONFLICT');
    expect((await api.post('m4', ballots, { choice: 'abstain' })).status).toBe(201);
    const m3 = await api.get('m3', `/api/governance/proposals/${pid}`);
    expect(m3.body.me.holds).toEqual([{ userId: ids['m2'], name: 'm2', choice: 'yes' }]);
    const m2 = await api.get('m2', `/api/governance/proposals/${pid}`);
    expect(m2.body.me).toMatchObject({ proxyTo: ids['m3'], choice: 'yes' });
  });

  it('reminds, as its own step, once, 24 hours before the close, only the voters whose vote does not count yet', async () => {
    // m5 chose English: their reminder is the English one
    const reminded = async (who: string) =>
      (await mailsTo(`${who}@gov-a.test`)).filter((m) =>
        m.includes(who === 'm5' ? '24 hours left to vote' : 'Plus que 24 heures pour voter'),
      ).length;
    setNow(new Date(T0.getTime() + 25 * HOUR - 1));
    expect(await inJob(() => enactment.remind(coopA, pid))).toBe('early');
    expect(await reminded('m5')).toBe(0);
    setNow(new Date(T0.getTime() + 25 * HOUR));
    expect(await inJob(() => enactment.remind(coopA, pid))).toBe('done');
    expect(await inJob(() => enactment.remind(coopA, pid))).toBe('skipped');
    // m3 holds m2's proxy and voted for m2, not for themself; m1 and m4 voted; m2's vote counts
    for (const who of ['author', 'm3', 'm5']) expect([who, await reminded(who)]).toEqual([who, 1]);
    for (const who of ['m1', 'm2', 'm4', 'rider', 'late']) expect([who, await reminded(who)]).toEqual([who, 0]);
  });

  it('closes at its time, tallies, enacts the change with the proposal named, and mails the outcome', async () => {
    expect(await inJob(() => enactment.close(coopA, pid))).toBe('early');
    setNow(new Date(T0.getTime() + 49 * HOUR));
    expectCode(
      await api.post('m5', `/api/governance/proposals/${pid}/ballots`, { choice: 'no' }),
      409,
      'VOTING_NOT_OPEN',
    );
    expect(await inJob(() => enactment.close(coopA, pid))).toBe('done');
    expect(await inJob(() => enactment.close(coopA, pid))).toBe('skipped');
    const tally = await api.get('m1', `/api/governance/proposals/${pid}/tally`);
    expect(tally.body).toMatchObject({ voters: 6, voted: 3, yes: 2, no: 0, abstain: 1, outcome: 'passed' });
    const view = await api.get('m1', `/api/governance/proposals/${pid}`);
    expect(view.body).toMatchObject({
      status: 'enacted',
      outcome: 'passed',
      changes: [{ from: 'manual', to: 'suggest' }],
    });
    expect(view.body.chainHead).toBe(tally.body.chainHead);
    const settings = await api.get('m1', '/api/governance/settings');
    const dispatch = settings.body.find((s: { key: string }) => s.key === 'dispatch_mode');
    expect(dispatch).toMatchObject({ value: 'suggest', version: 1 });
    expect(dispatch.history[0]).toMatchObject({
      value: 'suggest',
      proposalId: pid,
      proposalTitle: 'Switch dispatch to suggest',
    });
    expect((await h.app.get(SettingsReader).coop(coopA)).dispatch_mode).toBe('suggest');
    expect((await h.app.get(SettingsReader).coop(coopB)).dispatch_mode).toBe('manual');
    const verify = await api.get('m1', `/api/governance/proposals/${pid}/verify`);
    expect(verify.body).toMatchObject({ ok: true, brokenAt: null, head: view.body.chainHead });
    expect((await mailsTo('m1@gov-a.test')).some((m) => m.includes('Résultat') && m.includes('adoptée'))).toBe(true);
    const m5 = await mailsTo('m5@gov-a.test');
    expect(m5.some((m) => m.includes('Outcome:') && m.includes('passed and took effect'))).toBe(true);
    expect(m5.some((m) => m.includes('Résultat') || m.includes('Plus que') || m.includes('Vote ouvert'))).toBe(false);
    // other coops see none of it
    expect((await api.get('other', '/api/governance/proposals')).body.total).toBe(0);
    expect((await api.get('other', `/api/governance/proposals/${pid}/verify`)).status).toBe(404);
  });

  it('reports any single changed, deleted or reordered ballot as the first broken link (superuser tampering)', async () => {
    const verify = async () => (await api.get('m1', `/api/governance/proposals/${pid}/verify`)).body;
    type Row = Record<string, unknown> & { seq: number; kind: string; choice: string | null; cast_at: Date };
    const original = (await h.su.query<Row>('select * from ballots where proposal_id = $1 order by seq', [pid])).rows;
    expect(original.length).toBeGreaterThanOrEqual(6);
    const put = async (row: Row) => {
      await h.su.query('delete from ballots where proposal_id = $1 and seq = $2', [pid, row.seq]);
      await reinsert(row);
    };
    for (const row of original) {
      const changed: Row =
        row.kind === 'vote'
          ? { ...row, choice: row.choice === 'yes' ? 'no' : 'yes' }
          : { ...row, cast_at: new Date(row.cast_at.getTime() + 1000) };
      await put(changed);
      expect([row.seq, 'changed', await verify()]).toMatchObject([
        row.seq,
        'changed',
        { ok: false, brokenAt: row.seq },
      ]);
      await put(row);
      await h.su.query('delete from ballots where proposal_id = $1 and seq = $2', [pid, row.seq]);
      expect([row.seq, 'deleted', await verify()]).toMatchObject([
        row.seq,
        'deleted',
        { ok: false, brokenAt: row.seq },
      ]);
      await reinsert(row);
    }
    for (const row of original.slice(0, -1)) {
      await swap(row.seq, row.seq + 1);
      expect([row.seq, 'reordered', await verify()]).toMatchObject([
        row.seq,
        'reordered',
        { ok: false, brokenAt: row.seq },
      ]);
      await swap(row.seq, row.seq + 1);
    }
    expect(await verify()).toMatchObject({ ok: true, brokenAt: null });
  });

  it('keeps ballots append-only for the application role', async () => {
    const db = h.app.get(Database);
    await expect(
      db.forCoop(coopA, (tx) => tx.execute('update ballots set choice = $2 where proposal_id = $1', [pid, 'no'])),
    ).rejects.toThrow(/permission denied/);
    await expect(
      db.forCoop(coopA, (tx) => tx.execute('delete from ballots where proposal_id = $1', [pid])),
    ).rejects.toThrow(/permission denied/);
  });

  it('500 members voting in the same instant: no ballot lost, none counted twice, the chain verifies', async () => {
    const many = 500;
    const users = await h.su.query<{ id: string }>(
      `insert into users (email, name, password_hash)
         select 'crowd' || i || '@gov-a.test', 'crowd ' || i, 'x' from generate_series(1, $1) i returning id`,
      [many],
    );
    await h.su.query(`insert into memberships (coop_id, user_id, roles) select $1, unnest($2::uuid[]), '{member}'`, [
      coopA,
      users.rows.map((r) => r.id),
    ]);
    setNow(new Date(T0.getTime() + 100 * HOUR));
    const created = await api.post(
      'author',
      '/api/governance/proposals',
      draft({
        title: 'Switch to auto',
        changes: [{ key: 'dispatch_mode', value: 'auto' }],
        opensAt: new Date(T0.getTime() + 100 * HOUR).toISOString(),
        closesAt: new Date(T0.getTime() + 200 * HOUR).toISOString(),
      }),
    );
    const id = created.body.id as string;
    await api.post('author', `/api/governance/proposals/${id}/publish`);
    expect(await inJob(() => enactment.open(coopA, id))).toBe('done');
    const vote = (userId: string, choice: 'yes' | 'no') =>
      TenantContext.run({ coopId: coopA, actorId: userId, requestId: `vote-${userId}` }, () =>
        voting.vote(coopA, id, userId, choice),
      );
    const results = await Promise.allSettled(users.rows.map((u, i) => vote(u.id, i % 3 === 0 ? 'no' : 'yes')));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    // the same member twice at the same instant: one counts, the other is refused
    const twice = await Promise.allSettled([vote(ids['m1'] as string, 'yes'), vote(ids['m1'] as string, 'yes')]);
    expect(twice.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = twice.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as ApiException).code).toBe('VOTE_SAME_INSTANT');
    const seqs = await h.su.query<{ n: string; distinct_seq: string; max: number; voters: string }>(
      'select count(*) n, count(distinct seq) distinct_seq, max(seq) max, count(distinct voter_id) voters from ballots where proposal_id = $1',
      [id],
    );
    expect(seqs.rows[0]).toEqual({
      n: String(many + 1),
      distinct_seq: String(many + 1),
      max: many + 1,
      voters: String(many + 1),
    });
    expect((await api.get('m1', `/api/governance/proposals/${id}/verify`)).body).toMatchObject({
      ok: true,
      ballots: many + 1,
    });
    setNow(new Date(T0.getTime() + 200 * HOUR));
    expect(await inJob(() => enactment.close(coopA, id))).toBe('done');
    const tally = (await api.get('m1', `/api/governance/proposals/${id}/tally`)).body;
    expect(tally).toMatchObject({ voted: many + 1, yes: 333 + 1, no: 167 });
  });

  async function mailsTo(to: string): Promise<string[]> {
    const dir = mailDirectory(h.dataDir);
    const files = await readdir(dir).catch(() => [] as string[]);
    const texts = await Promise.all(
      files.map(async (f) => decodeQuotedPrintable(await readFile(join(dir, f), 'utf8'))),
    );
    return texts.filter((t) => t.includes(`To: ${to}`));
  }

  async function reinsert(row: Record<string, unknown>): Promise<void> {
    const cols = Object.keys(row);
    await h.su.query(
      `insert into ballots (${cols.join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
      cols.map((c) => row[c]),
    );
  }
  async function swap(a: number, b: number): Promise<void> {
    await h.su.query('begin');
    await h.su.query('update ballots set seq = 1000000 where proposal_id = $1 and seq = $2', [pid, a]);
    await h.su.query('update ballots set seq = $3 where proposal_id = $1 and seq = $2', [pid, b, a]);
    await h.su.query('update ballots set seq = $2 where proposal_id = $1 and seq = 1000000', [pid, b]);
    await h.su.query('commit');
  }
});
