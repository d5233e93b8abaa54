import {
  applicationBody,
  siren,
  startFederationHarness,
  submit,
  waitForMail,
  type FederationHarness,
} from './federation-harness';

describe('the application mails: status link with its token, the applicant’s language, role labels', () => {
  let h: FederationHarness;
  let fed: string;
  const auth = () => ({ Authorization: `Bearer ${fed}` });
  const post = (id: string, action: string, body: object = {}) =>
    h.http().post(`/api/federation/applications/${id}/${action}`).set(auth()).send(body);
  const to = (email: string) => (m: string) => m.includes(`To: ${email}`);

  beforeAll(async () => {
    h = await startFederationHarness();
    await h.insertUser('fed@fc.test', [], ['federation_admin']);
    fed = await h.signIn('fed@fc.test');
  });
  beforeEach(() => h.resetThrottle());
  afterAll(() => h?.close());

  it('writes to a French applicant in French, every mail with the status link and its token', async () => {
    const email = 'claire@velo-fr.test';
    const res = await submit(
      h,
      applicationBody({
        name: 'Vélo Français',
        registrationNumber: siren('77788899'),
        admin: { name: 'Claire', email },
        locale: 'fr',
      }),
    );
    expect(res.status).toBe(201);
    const { id, statusToken } = res.body as { id: string; statusToken: string };
    const link = `http://console.test/apply/status/${id}?token=${statusToken}`;
    const stored = await h.su.query('select locale from coop_applications where id = $1', [id]);
    expect(stored.rows[0]).toEqual({ locale: 'fr' });

    const receipt = await waitForMail(h, (m) => to(email)(m) && m.includes('Nous avons bien reçu'));
    expect(receipt).toContain('Bonjour,');
    expect(receipt).toContain(link);
    expect(receipt).toContain('La fédération Federacycle');
    expect(receipt).not.toContain('We received');

    expect((await post(id, 'start-review')).status).toBe(200);
    const review = await waitForMail(h, (m) => to(email)(m) && m.includes('a commencé l’examen'));
    expect(review).toContain(link);

    expect((await post(id, 'approve')).status).toBe(200);
    const approved = await waitForMail(h, (m) => to(email)(m) && m.includes('La fédération a accepté'));
    expect(approved).toContain(link);
    const invitation = await waitForMail(h, (m) => to(email)(m) && m.includes('invitations/accept?token='));
    expect(invitation).toContain('Administrateur·rice, Membre');
    expect(invitation).toContain('Ouvrez ce lien dans les 7 jours');
    expect(invitation).not.toMatch(/coop_admin|\bmember\b/);

    // the token of the mails opens the status page
    const page = await h.http().get(`/api/public/applications/${id}`).query({ token: statusToken });
    expect([page.status, page.body.status]).toEqual([200, 'approved']);
  });

  it('writes in English by default, with role labels and the token in the rejection link', async () => {
    const email = 'sam@velo-en.test';
    const res = await submit(
      h,
      applicationBody({ name: 'Bike English', registrationNumber: siren('88899900'), admin: { name: 'Sam', email } }),
    );
    const { id, statusToken } = res.body as { id: string; statusToken: string };
    const link = `http://console.test/apply/status/${id}?token=${statusToken}`;
    expect(await waitForMail(h, (m) => to(email)(m) && m.includes('We received the application'))).toContain(link);
    await post(id, 'start-review');
    await post(id, 'reject', { reason: 'The statutes are missing a page.' });
    const rejected = await waitForMail(h, (m) => to(email)(m) && m.includes('did not accept'));
    expect(rejected).toContain('Reason: The statutes are missing a page.');
    expect(rejected).toContain(link);
    expect(rejected).toContain('Hello,');
  });

  it('takes the language from Accept-Language when the form sends none; the form’s choice wins', async () => {
    const email = 'remi@velo-al.test';
    const res = await submit(
      h,
      applicationBody({ name: 'Vélo Entête', registrationNumber: siren('99900011'), admin: { name: 'Rémi', email } }),
    ).set('Accept-Language', 'fr-CA,fr;q=0.9,en;q=0.5');
    expect(res.status).toBe(201);
    await waitForMail(h, (m) => to(email)(m) && m.includes('Nous avons bien reçu'));
    const { id } = res.body as { id: string };
    expect((await post(id, 'start-review')).status).toBe(200);
    await post(id, 'approve');
    const invitation = await waitForMail(h, (m) => to(email)(m) && m.includes('invitations/accept?token='));
    expect(invitation).toContain('Administrateur·rice, Membre');

    const english = 'zoe@velo-al.test';
    const chosen = await submit(
      h,
      applicationBody({
        name: 'Chosen English',
        registrationNumber: siren('12312312'),
        admin: { name: 'Zoé', email: english },
        locale: 'en',
      }),
    ).set('Accept-Language', 'fr');
    expect(chosen.status).toBe(201);
    await waitForMail(h, (m) => to(english)(m) && m.includes('We received the application'));

    const bad = await submit(h, applicationBody({ registrationNumber: siren('32132132'), locale: 'de' as 'en' }));
    expect([bad.status, bad.body.code, bad.body.errors?.[0]?.field]).toEqual([400, 'VALIDATION_FAILED', 'locale']);
  });

  it('shows role labels in English: "Coop admin, Member"', async () => {
    const email = 'ana@velo-roles.test';
    const res = await submit(
      h,
      applicationBody({ name: 'Roles Coop', registrationNumber: siren('45645645'), admin: { name: 'Ana', email } }),
    );
    const { id } = res.body as { id: string };
    await post(id, 'start-review');
    expect((await post(id, 'approve')).status).toBe(200);
    const invitation = await waitForMail(h, (m) => to(email)(m) && m.includes('invitations/accept?token='));
    expect(invitation).toContain('Coop admin, Member');
    expect(invitation).not.toContain('coop_admin');
  });
});
