import type { InvitationView, SessionResponse } from '@federacycle/contracts';
import { insertCoop, insertUser, signIn, startHarness, type IdentityHarness } from './identity-harness';

/** Re-inviting an email: one pending invitation per email per coop, in the API and in the database. */
describe('re-inviting a person (real API, PostgreSQL and Redis)', () => {
  let h: IdentityHarness;
  let lyon: string;
  let berlin: string;
  let admin: SessionResponse;

  beforeAll(async () => {
    h = await startHarness();
    lyon = await insertCoop(h.su, 'lyon', 'Lyon');
    berlin = await insertCoop(h.su, 'berlin', 'Berlin');
    await insertUser(h, 'admin@lyon.test', 'Admin Lyon', [[lyon, ['coop_admin']]]);
    await insertUser(h, 'admin@berlin.test', 'Admin Berlin', [[berlin, ['coop_admin']]]);
  });
  afterAll(() => h?.close());
  beforeEach(async () => {
    await h.resetThrottle();
    admin = await signIn(h, 'admin@lyon.test');
  });

  const invite = (email: string, roles: string[], session: SessionResponse = admin) =>
    h
      .http()
      .post('/api/invitations')
      .set({ Authorization: `Bearer ${session.accessToken}` })
      .send({ email, roles });
  const pending = async (coopId: string, email: string) =>
    (
      await h.su.query<{ id: string; roles: string[] }>(
        `select id, roles from invitations
          where coop_id = $1 and email = $2 and accepted_at is null and revoked_at is null`,
        [coopId, email],
      )
    ).rows;

  it('keeps one pending invitation: the answer says it replaced the first, whose link then answers 404 LINK_INVALID', async () => {
    const first = await invite('Twice@Example.org', ['member']);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      email: 'twice@example.org',
      roles: ['member'],
      replaced: false,
      replacedIds: [],
    });
    const firstToken = await h.mailToken('twice@example.org');

    const second = await invite('twice@example.org', ['courier', 'member']);
    expect(second.status).toBe(201);
    const view = second.body as InvitationView;
    expect(view).toMatchObject({ roles: ['courier', 'member'], replaced: true, replacedIds: [first.body.id] });
    const secondToken = await h.mailToken('twice@example.org');
    expect(secondToken).not.toBe(firstToken);

    expect(await pending(lyon, 'twice@example.org')).toEqual([{ id: view.id, roles: ['courier', 'member'] }]);
    const list = await h
      .http()
      .get('/api/invitations')
      .set({ Authorization: `Bearer ${admin.accessToken}` });
    expect(list.body.items.filter((i: InvitationView) => i.email === 'twice@example.org')).toEqual([
      expect.objectContaining({ id: view.id }),
    ]);

    // the first link is refused with a stable code, before and at acceptance, and creates nothing
    const preview = await h.http().get(`/api/invitations/by-token/${firstToken}`);
    expect([preview.status, preview.body.code]).toEqual([404, 'LINK_INVALID']);
    expect(preview.body.message).toMatch(/replaced by a newer invitation/);
    const stale = await h
      .http()
      .post(`/api/invitations/by-token/${firstToken}/accept`)
      .send({ name: 'Twice', password: 'a-long-password' });
    expect([stale.status, stale.body.code]).toEqual([404, 'LINK_INVALID']);
    expect((await h.su.query("select 1 from users where email = 'twice@example.org'")).rowCount).toBe(0);

    // the second link works, with its own roles
    const accepted = await h
      .http()
      .post(`/api/invitations/by-token/${secondToken}/accept`)
      .send({ name: 'Twice', password: 'a-long-password' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.principal).toMatchObject({ coopId: lyon, roles: ['courier', 'member'] });
    const membership = await h.su.query(
      `select m.roles from memberships m join users u on u.id = m.user_id
        where m.coop_id = $1 and u.email = 'twice@example.org'`,
      [lyon],
    );
    expect(membership.rows).toEqual([{ roles: ['courier', 'member'] }]);
    expect(await pending(lyon, 'twice@example.org')).toEqual([]);
  });

  it('lets another coop invite the same email, and replaces nothing there', async () => {
    await invite('both@example.org', ['member']).expect(201);
    const other = await invite('both@example.org', ['courier'], await signIn(h, 'admin@berlin.test'));
    expect(other.status).toBe(201);
    expect(other.body).toMatchObject({ replaced: false, replacedIds: [] });
    expect(await pending(lyon, 'both@example.org')).toHaveLength(1);
    expect(await pending(berlin, 'both@example.org')).toHaveLength(1);
  });

  it('keeps one pending invitation when two invites of one email run at the same moment', async () => {
    const answers = await Promise.all([
      invite('race@example.org', ['member']),
      invite('race@example.org', ['courier']),
    ]);
    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    const rows = await pending(lyon, 'race@example.org');
    expect(rows).toHaveLength(1);
    // the invitation still pending is the one whose answer says it replaced the other
    const replacing = answers.filter((a) => a.body.replaced === true);
    expect(replacing.map((a) => a.body.id)).toEqual([rows[0]?.id]);
    expect(replacing[0]?.body.replacedIds).toEqual(answers.filter((a) => a !== replacing[0]).map((a) => a.body.id));
  });

  it('refuses a second pending invitation of an email in the database itself (partial unique index)', async () => {
    await invite('db@example.org', ['member']).expect(201);
    await expect(
      h.su.query(
        `insert into invitations (coop_id, email, roles, token_hash, expires_at)
         values ($1, 'db@example.org', '{courier}', $2, now() + interval '1 day')`,
        [lyon, 'f'.repeat(64)],
      ),
    ).rejects.toThrow(/invitations_pending_email/);
    // an accepted or revoked one does not count
    await h.su.query(
      "update invitations set revoked_at = now() where coop_id = $1 and email = 'db@example.org' and revoked_at is null",
      [lyon],
    );
    await h.su.query(
      `insert into invitations (coop_id, email, roles, token_hash, expires_at)
       values ($1, 'db@example.org', '{courier}', $2, now() + interval '1 day')`,
      [lyon, 'e'.repeat(64)],
    );
    expect(await pending(lyon, 'db@example.org')).toHaveLength(1);
  });
});
