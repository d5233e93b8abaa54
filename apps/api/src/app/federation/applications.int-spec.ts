import type { ApplicationView } from '@federacycle/contracts';
import {
  applicationBody,
  startFederationHarness,
  submit,
  waitForMail,
  type FederationHarness,
  PDF,
} from './federation-harness';

describe('federation onboarding: applications through the real API', () => {
  let h: FederationHarness;
  let fed: string;
  const auth = () => ({ Authorization: `Bearer ${fed}` });
  const count = async () =>
    Number((await h.su.query<{ n: string }>('select count(*) as n from coop_applications')).rows[0]?.n);

  beforeAll(async () => {
    h = await startFederationHarness();
    await h.insertUser('fed@fc.test', [], ['federation_admin']);
    fed = await h.signIn('fed@fc.test');
  });
  // the application form is throttled per client IP and admin email: every test gets a fresh window
  beforeEach(() => h.resetThrottle());
  afterAll(() => h?.close());

  it('publishes the legal-form catalogue per country', async () => {
    const res = await h.http().get('/api/public/legal-forms');
    expect(res.status).toBe(200);
    const fr = res.body.countries.find((c: { code: string }) => c.code === 'FR');
    expect(fr.registrationExample).toBe('732 829 320');
    expect(fr.legalForms.map((f: { id: string }) => f.id)).toContain('fr_scop_sa');
    expect(fr.legalForms.find((f: { id: string }) => f.id === 'other').requiresJustification).toBe(true);
  });

  it('receives an application with its statutes, and shows its status only with the token', async () => {
    const res = await submit(
      h,
      applicationBody({
        registrationNumber: '552 100 554',
        name: 'Status Coop',
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'applied' });
    const { id, statusToken } = res.body as { id: string; statusToken: string };
    const page = await h.http().get(`/api/public/applications/${id}`).query({ token: statusToken });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      id,
      name: 'Status Coop',
      status: 'applied',
      decidedAt: null,
      reason: null,
    });
    const wrong = await h
      .http()
      .get(`/api/public/applications/${id}`)
      .query({ token: 'x'.repeat(43) });
    expect([wrong.status, wrong.body.code]).toEqual([404, 'NOT_FOUND']);
    expect((await h.http().get(`/api/public/applications/${id}`)).status).toBe(404);
    const row = await h.su.query(
      'select statutes_sha256, statutes_size, status_token_hash, registration_key from coop_applications where id = $1',
      [id],
    );
    expect(row.rows[0]).toMatchObject({
      statutes_size: PDF.length,
      registration_key: 'FR:552100554',
    });
    expect(row.rows[0].status_token_hash).not.toContain(statusToken);
    const view = await h.http().get(`/api/federation/applications/${id}`).set(auth());
    expect(view.body.statutes.sha256).toBe(row.rows[0].statutes_sha256);
    const pdf = await h
      .http()
      .get(`/api/federation/applications/${id}/statutes`)
      .set(auth())
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('attachment');
    expect(Buffer.compare(pdf.body as Buffer, PDF)).toBe(0);
    await waitForMail(
      h,
      (m) => m.includes('To: camille@coop.test') && m.includes(`/apply/status/${id}?token=${statusToken}`),
    );
  });

  describe('registration numbers per country', () => {
    const valid: Array<[string, string, string]> = [
      ['FR', 'fr_scop_sa', '356000000'],
      ['ES', 'es_cooperativa_trabajo_asociado', 'F08000002'],
      ['DE', 'de_eg', 'Amtsgericht München GnR 2345'],
      ['BE', 'be_sc_agreee', '0403.170.701'],
      ['GB', 'gb_fca_cooperative_society', 'IP12345R'],
      ['IT', 'it_societa_cooperativa', '00814300554'],
      ['US', 'us_worker_cooperative', '94-3061841'],
    ];
    const invalid: Array<[string, string, string, string]> = [
      ['FR', 'fr_scop_sa', '732829321', 'REGISTRATION_CHECKSUM'],
      ['FR', 'fr_scop_sa', '73282932', 'REGISTRATION_FORMAT'],
      ['ES', 'es_cooperativa_trabajo_asociado', 'B20000006', 'REGISTRATION_FORMAT'],
      ['ES', 'es_cooperativa_trabajo_asociado', 'F20000007', 'REGISTRATION_CHECKSUM'],
      ['DE', 'de_eg', 'HRB 1234', 'REGISTRATION_FORMAT'],
      ['BE', 'be_sc_agreee', '0403.170.702', 'REGISTRATION_CHECKSUM'],
      ['GB', 'gb_fca_cooperative_society', 'ABC', 'REGISTRATION_FORMAT'],
      ['IT', 'it_societa_cooperativa', '12345678901', 'REGISTRATION_CHECKSUM'],
      ['US', 'us_worker_cooperative', '07-1234567', 'REGISTRATION_CHECKSUM'],
    ];
    it.each(valid)('%s %s accepts %s', async (country, legalForm, registrationNumber) => {
      const res = await submit(
        h,
        applicationBody({
          country,
          legalForm,
          registrationNumber,
          timezone: 'Europe/Berlin',
          currency: 'EUR',
          name: `Coop ${country}`,
          // one admin per coop: an email holds at most 3 applications awaiting a decision
          admin: { name: 'Camille Admin', email: `camille.${country.toLowerCase()}@coop.test` },
        }),
      );
      expect([res.status, res.body.code]).toEqual([201, undefined]);
    });
    it.each(invalid)(
      '%s %s refuses %s with %s, writing nothing',
      async (country, legalForm, registrationNumber, code) => {
        const before = await count();
        const res = await submit(h, applicationBody({ country, legalForm, registrationNumber }));
        expect([res.status, res.body.code]).toEqual([400, code]);
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'registrationNumber', code })]);
        expect(await count()).toBe(before);
      },
    );
  });

  describe('bad input: 4xx with stable codes, nothing half-written', () => {
    const big = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      Buffer.alloc(10 * 1024 * 1024 + 10, 0x20),
      Buffer.from('\n%%EOF\n'),
    ]);
    const cases: Array<[string, () => ReturnType<typeof submit>, number, string]> = [
      [
        'a text file renamed .pdf',
        () =>
          submit(
            h,
            applicationBody({ registrationNumber: '542107651' }),
            Buffer.from('just some text, not a PDF\n'),
            'statutes.pdf',
          ),
        415,
        'STATUTES_NOT_PDF',
      ],
      [
        'an empty statutes file',
        () => submit(h, applicationBody({ registrationNumber: '542107651' }), Buffer.alloc(0)),
        400,
        'STATUTES_EMPTY',
      ],
      [
        'statutes above 10 MB',
        () => submit(h, applicationBody({ registrationNumber: '542107651' }), big),
        413,
        'STATUTES_TOO_LARGE',
      ],
      [
        'no statutes part',
        () => submit(h, applicationBody({ registrationNumber: '542107651' }), null),
        400,
        'STATUTES_EMPTY',
      ],
      ['no application part', () => submit(h, undefined), 400, 'VALIDATION_FAILED'],
      ['application not JSON', () => submit(h, '{"name": '), 400, 'MALFORMED_JSON'],
      ['an unknown country', () => submit(h, applicationBody({ country: 'XX' })), 400, 'UNKNOWN_COUNTRY'],
      ['an unknown legal form', () => submit(h, applicationBody({ legalForm: 'de_eg' })), 400, 'UNKNOWN_LEGAL_FORM'],
      [
        'a malformed email',
        () => submit(h, applicationBody({ admin: { name: 'A', email: 'not-an-email' } })),
        400,
        'VALIDATION_FAILED',
      ],
      ['an empty name', () => submit(h, applicationBody({ name: '  ' })), 400, 'VALIDATION_FAILED'],
      ['an oversized name', () => submit(h, applicationBody({ name: 'x'.repeat(500) })), 400, 'VALIDATION_FAILED'],
      ['an unknown field', () => submit(h, { ...applicationBody(), registration: '1' }), 400, 'VALIDATION_FAILED'],
      [
        'the declaration refused',
        () =>
          submit(
            h,
            applicationBody({
              declarations: {
                workersAreMembersOrEmployees: false,
                socialEconomyStatus: true,
              },
            }),
          ),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'a JSON body instead of multipart',
        () => h.http().post('/api/public/applications').send(applicationBody()) as ReturnType<typeof submit>,
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
    ];
    it.each(cases)('%s', async (_label, send, status, code) => {
      const before = await count();
      const res = await send();
      expect([res.status, res.body.code]).toEqual([status, code]);
      expect(await count()).toBe(before);
    });

    it('reports field codes (unknown country, invalid email)', async () => {
      const res = await submit(h, applicationBody({ country: 'XX', admin: { name: 'A', email: 'a@b' } }));
      expect(res.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)).toEqual(
        expect.arrayContaining(['country:UNKNOWN_COUNTRY', 'admin.email:INVALID_EMAIL']),
      );
    });

    it('refuses the same registration number twice (409 DUPLICATE_REGISTRATION), also against an existing coop', async () => {
      const first = await submit(h, applicationBody({ registrationNumber: '542 107 651', name: 'First' }));
      expect(first.status).toBe(201);
      const before = await count();
      const again = await submit(h, applicationBody({ registrationNumber: '542107651', name: 'Second' }));
      expect([again.status, again.body.code]).toEqual([409, 'DUPLICATE_REGISTRATION']);
      await h.su
        .query("update coops set registration_key = 'ES:F20000006' where slug = (select slug from coops limit 1)")
        .catch(() => undefined);
      const coopId = await h.insertCoop('holder', 'ES');
      await h.su.query(
        "update coops set registration_key = 'ES:F20000006', legal_form = 'es_cooperativa_trabajo_asociado', registration_number = 'F20000006' where id = $1",
        [coopId],
      );
      const taken = await submit(
        h,
        applicationBody({
          country: 'ES',
          legalForm: 'es_cooperativa_trabajo_asociado',
          registrationNumber: 'F-20000006',
          timezone: 'Europe/Madrid',
        }),
      );
      expect([taken.status, taken.body.code]).toEqual([409, 'DUPLICATE_REGISTRATION']);
      expect(await count()).toBe(before);
    });

    it('refuses anonymous and non-federation callers on the admin routes', async () => {
      expect((await h.http().get('/api/federation/applications')).status).toBe(401);
      const coopId = await h.insertCoop('someone');
      await h.insertUser('admin@someone.test', [[coopId, ['coop_admin']]]);
      const token = await h.signIn('admin@someone.test');
      const res = await h
        .http()
        .get('/api/federation/applications')
        .set({ Authorization: `Bearer ${token}` });
      expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN']);
    });
  });

  describe('application lifecycle', () => {
    const post = (id: string, action: string, body?: object) => {
      const req = h.http().post(`/api/federation/applications/${id}/${action}`).set(auth());
      return body ? req.send(body) : req;
    };
    const apply = async (registrationNumber: string, name: string) => {
      const res = await submit(
        h,
        applicationBody({
          registrationNumber,
          name,
          admin: {
            name: 'Founder',
            email: `founder.${registrationNumber.replace(/ /g, '')}@coop.test`,
          },
        }),
      );
      expect(res.status).toBe(201);
      return res.body as { id: string; statusToken: string };
    };

    it('applied → under_review → approved: coop created with its legal identity, licence issued, admin invited, mails sent', async () => {
      const { id, statusToken } = await apply('305 498 891', 'Vélo Coop Approved');
      const illegal = await post(id, 'approve');
      expect([illegal.status, illegal.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
      const review = await post(id, 'start-review');
      expect([review.status, review.body.status]).toEqual([200, 'under_review']);
      const twice = await post(id, 'start-review');
      expect([twice.status, twice.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
      const approved = await post(id, 'approve');
      expect(approved.status).toBe(200);
      const view = approved.body as ApplicationView;
      expect(view.status).toBe('approved');
      expect(view.coopId).toEqual(expect.any(String));
      expect(view.history.map((t) => `${t.from}>${t.to}`)).toEqual([
        'none>applied',
        'applied>under_review',
        'under_review>approved',
      ]);
      expect(view.history[2]?.actorEmail).toBe('fed@fc.test');
      const coop = await h.su.query(
        'select slug, status, legal_form, registration_number, registration_key, contact_email from coops where id = $1',
        [view.coopId],
      );
      expect(coop.rows[0]).toEqual({
        slug: 'velo-coop-approved',
        status: 'active',
        legal_form: 'fr_scop_sarl',
        registration_number: '305498891',
        registration_key: 'FR:305498891',
        contact_email: 'founder.305498891@coop.test',
      });
      const licences = await h.su.query('select id, kid, revoked_at from licences where licensed_coop_id = $1', [
        view.coopId,
      ]);
      expect(licences.rows).toHaveLength(1);
      const invitation = await h.su.query('select email, roles from invitations where coop_id = $1', [view.coopId]);
      expect(invitation.rows).toEqual([
        {
          email: 'founder.305498891@coop.test',
          roles: ['coop_admin', 'member'],
        },
      ]);
      await waitForMail(
        h,
        (m) => m.includes('To: founder.305498891@coop.test') && /invitations\/accept\?token=[A-Za-z0-9_-]{43}/.test(m),
      );
      await waitForMail(h, (m) => m.includes('To: founder.305498891@coop.test') && m.includes('approved'));
      const status = await h.http().get(`/api/public/applications/${id}`).query({ token: statusToken });
      expect(status.body).toMatchObject({
        status: 'approved',
        decidedAt: expect.any(String),
      });
      for (const action of ['approve', 'reject', 'start-review']) {
        const res = await post(id, action, { reason: 'again' });
        expect([action, res.status, res.body.code]).toEqual([action, 409, 'ILLEGAL_TRANSITION']);
      }
      // the registration is now the coop's: a new application with it is refused
      const dup = await submit(h, applicationBody({ registrationNumber: '305498891' }));
      expect([dup.status, dup.body.code]).toEqual([409, 'DUPLICATE_REGISTRATION']);
      // a second coop with the same name gets another slug
      const other = await apply('130 005 481', 'Vélo Coop Approved');
      await post(other.id, 'start-review');
      const second = await post(other.id, 'approve');
      const slug = await h.su.query('select slug from coops where id = $1', [second.body.coopId]);
      expect(slug.rows[0].slug).toBe('velo-coop-approved-2');
    });

    it('under_review → rejected needs a reason, shown to the applicant; the number can be used again', async () => {
      const { id, statusToken } = await apply('300 071 271', 'Rejected Coop');
      expect((await post(id, 'reject', { reason: 'too early' })).body.code).toBe('ILLEGAL_TRANSITION');
      await post(id, 'start-review');
      const noReason = await post(id, 'reject');
      expect([noReason.status, noReason.body.code]).toEqual([400, 'REASON_REQUIRED']);
      const blank = await post(id, 'reject', { reason: '   ' });
      expect([blank.status, blank.body.code]).toEqual([400, 'REASON_REQUIRED']);
      const badBody = await post(id, 'reject', { reason: 42 });
      expect([badBody.status, badBody.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      const rejected = await post(id, 'reject', {
        reason: 'The statutes do not make couriers members.',
      });
      expect([rejected.status, rejected.body.status]).toEqual([200, 'rejected']);
      const status = await h.http().get(`/api/public/applications/${id}`).query({ token: statusToken });
      expect(status.body).toMatchObject({
        status: 'rejected',
        reason: 'The statutes do not make couriers members.',
      });
      expect((await post(id, 'approve')).status).toBe(409);
      expect((await post(id, 'start-review')).status).toBe(409);
      await waitForMail(
        h,
        (m) =>
          m.includes('To: founder.300071271@coop.test') && m.includes('The statutes do not make couriers members.'),
      );
      const again = await submit(h, applicationBody({ registrationNumber: '300071271' }));
      expect(again.status).toBe(201);
    });

    it('lists applications by status and refuses unknown statuses and ids', async () => {
      const list = await h.http().get('/api/federation/applications').query({ status: 'rejected' }).set(auth());
      expect(list.status).toBe(200);
      expect(list.body.total).toBeGreaterThanOrEqual(1);
      expect(list.body.items.every((a: ApplicationView) => a.status === 'rejected')).toBe(true);
      expect((await h.http().get('/api/federation/applications').query({ status: 'nope' }).set(auth())).status).toBe(
        400,
      );
      expect((await h.http().get('/api/federation/applications/not-a-uuid').set(auth())).body.code).toBe('INVALID_ID');
      expect(
        (await h.http().get('/api/federation/applications/00000000-0000-4000-8000-000000000000').set(auth())).status,
      ).toBe(404);
    });
  });
});
