import type { ApplicationView } from '@federacycle/contracts';
import { applicationBody, siren, startFederationHarness, submit, type FederationHarness } from './federation-harness';

describe('the federation admin: application queue (search, sort, paging) and strict bodies', () => {
  let h: FederationHarness;
  let fed: string;
  const auth = () => ({ Authorization: `Bearer ${fed}` });
  const queue = (query: Record<string, string | number>) =>
    h.http().get('/api/federation/applications').query(query).set(auth());
  const names = (res: { body: { items: ApplicationView[] } }) => res.body.items.map((a) => a.name);
  const base = Date.parse('2026-03-01T09:00:00Z');
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await startFederationHarness();
    await h.insertUser('fed@fc.test', [], ['federation_admin']);
    fed = await h.signIn('fed@fc.test');
    // submitted one minute apart, in this order
    const coops: Array<[name: string, email: string, registration: string]> = [
      ['Roue Libre Lille', 'ines@rouelibre.test', siren('11122233')],
      ['Pédale Douce', 'marc@pedale.test', siren('22233344')],
      ['Atelier du Rayon', 'lea@rayon.test', siren('33344455')],
      ['La Roue Verte', 'sam@verte.test', siren('44455566')],
      ['Zéphyr Coursiers', 'noa@zephyr.test', siren('55566677')],
    ];
    for (const [i, [name, email, registrationNumber]] of coops.entries()) {
      h.setNow(new Date(base + i * 60_000));
      await h.resetThrottle();
      const res = await submit(h, applicationBody({ name, registrationNumber, admin: { name: 'Admin', email } }));
      expect([name, res.status]).toEqual([name, 201]);
      ids[name] = res.body.id as string;
    }
    h.setNow(null);
  });
  afterAll(() => h?.close());

  it('lists newest first by default and answers { items, total }', async () => {
    const res = await queue({});
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['items', 'total']);
    expect(res.body.total).toBe(5);
    expect(names(res)).toEqual([
      'Zéphyr Coursiers',
      'La Roue Verte',
      'Atelier du Rayon',
      'Pédale Douce',
      'Roue Libre Lille',
    ]);
  });

  it('sorts by submission date ascending, or by name', async () => {
    expect(names(await queue({ sort: 'submitted_at' }))).toEqual([
      'Roue Libre Lille',
      'Pédale Douce',
      'Atelier du Rayon',
      'La Roue Verte',
      'Zéphyr Coursiers',
    ]);
    expect(names(await queue({ sort: '-submitted_at' }))[0]).toBe('Zéphyr Coursiers');
    expect(names(await queue({ sort: 'name' }))).toEqual([
      'Atelier du Rayon',
      'La Roue Verte',
      'Pédale Douce',
      'Roue Libre Lille',
      'Zéphyr Coursiers',
    ]);
    const bad = await queue({ sort: 'admin_email' });
    expect([bad.status, bad.body.code, bad.body.errors?.[0]?.field]).toEqual([400, 'VALIDATION_FAILED', 'sort']);
  });

  it('searches the name, the admin email and the registration number, case-insensitively', async () => {
    const byName = await queue({ q: 'ROUE', sort: 'name' });
    expect([byName.body.total, names(byName)]).toEqual([2, ['La Roue Verte', 'Roue Libre Lille']]);
    const byEmail = await queue({ q: 'Marc@PEDALE' });
    expect(names(byEmail)).toEqual(['Pédale Douce']);
    // registration numbers are stored normalised: typed with spaces they still match
    const registration = siren('33344455');
    const byNumber = await queue({ q: `${registration.slice(0, 3)} ${registration.slice(3, 6)}` });
    expect(names(byNumber)).toEqual(['Atelier du Rayon']);
    // pattern characters are taken literally
    expect((await queue({ q: '%' })).body).toEqual({ items: [], total: 0 });
    expect((await queue({ q: 'nothing like this' })).body).toEqual({ items: [], total: 0 });
  });

  it('combines the search with the status filter', async () => {
    const review = await h.http().post(`/api/federation/applications/${ids['La Roue Verte']}/start-review`).set(auth());
    expect(review.status).toBe(200);
    const underReview = await queue({ q: 'roue', status: 'under_review' });
    expect([underReview.body.total, names(underReview)]).toEqual([1, ['La Roue Verte']]);
    const applied = await queue({ q: 'roue', status: 'applied' });
    expect(names(applied)).toEqual(['Roue Libre Lille']);
  });

  it('pages with limit and offset; the total counts every match', async () => {
    const first = await queue({ sort: 'name', limit: 2, offset: 0 });
    const second = await queue({ sort: 'name', limit: 2, offset: 2 });
    const last = await queue({ sort: 'name', limit: 2, offset: 4 });
    expect([first.body.total, second.body.total, last.body.total]).toEqual([5, 5, 5]);
    expect([...names(first), ...names(second), ...names(last)]).toEqual([
      'Atelier du Rayon',
      'La Roue Verte',
      'Pédale Douce',
      'Roue Libre Lille',
      'Zéphyr Coursiers',
    ]);
    expect((await queue({ limit: 2, offset: 10 })).body).toEqual({ items: [], total: 5 });
    const bad: Record<string, string | number>[] = [
      { limit: 0 },
      { limit: 201 },
      { offset: -1 },
      { limit: 'many' },
      { page: 2 },
    ];
    for (const query of bad) {
      const res = await queue(query);
      expect([JSON.stringify(query), res.status, res.body.code]).toEqual([
        JSON.stringify(query),
        400,
        'VALIDATION_FAILED',
      ]);
    }
  });

  describe('unknown body fields are refused on every route (400 VALIDATION_FAILED, nothing changed)', () => {
    const unknownField = (res: { status: number; body: { code?: string; errors?: unknown } }) => {
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'sneaky', code: 'unknownField' })]);
    };

    it('start review', async () => {
      const id = ids['Pédale Douce'] as string;
      unknownField(
        await h.http().post(`/api/federation/applications/${id}/start-review`).set(auth()).send({ sneaky: true }),
      );
      const still = await h.http().get(`/api/federation/applications/${id}`).set(auth());
      expect(still.body.status).toBe('applied');
    });

    it('issue a licence', async () => {
      const coopId = await h.insertCoop('strict');
      await h.su.query(
        "update coops set legal_form = 'fr_scop_sa', registration_number = '732829320', registration_key = 'FR:732829320' where id = $1",
        [coopId],
      );
      unknownField(await h.http().post(`/api/federation/coops/${coopId}/licence`).set(auth()).send({ sneaky: 'x' }));
      const licences = await h.su.query('select 1 from licences where licensed_coop_id = $1', [coopId]);
      expect(licences.rows).toHaveLength(0);
      // without the unknown fields the same call issues the licence
      expect((await h.http().post(`/api/federation/coops/${coopId}/licence`).set(auth()).send({})).status).toBe(201);
    });

    it('storefront unpublish', async () => {
      const coopId = await h.insertCoop('shop');
      await h.insertUser('admin@shop.test', [[coopId, ['coop_admin']]]);
      const admin = { Authorization: `Bearer ${await h.signIn('admin@shop.test')}` };
      unknownField(await h.http().post('/api/storefront/unpublish').set(admin).send({ sneaky: 1 }));
      const rows = await h.su.query('select 1 from coop_storefronts where coop_id = $1', [coopId]);
      expect(rows.rows).toHaveLength(0);
      expect((await h.http().post('/api/storefront/unpublish').set(admin)).body).toEqual({
        published: false,
        publishedAt: null,
      });
    });

    it('the decisions, the verification and the multipart parts', async () => {
      const id = ids['Atelier du Rayon'] as string;
      unknownField(
        await h.http().post(`/api/federation/applications/${id}/reject`).set(auth()).send({ reason: 'x', sneaky: 1 }),
      );
      unknownField(await h.http().post('/api/public/licences/verify').send({ licence: 'a.b.c', sneaky: 1 }));
      await h.resetThrottle();
      const multipart = await h
        .http()
        .post('/api/public/applications')
        .field('application', JSON.stringify(applicationBody({ registrationNumber: siren('66677788') })))
        .field('sneaky', 'x')
        .attach('statutes', Buffer.from('%PDF-1.7\n%%EOF\n'), { filename: 's.pdf', contentType: 'application/pdf' });
      unknownField(multipart);
    });
  });

  it('documents every federation body and response in the OpenAPI document', async () => {
    const doc = (await h.http().get('/api/openapi.json')).body as {
      paths: Record<
        string,
        Record<string, { requestBody?: unknown; responses: Record<string, { content?: unknown }> }>
      >;
      components: { schemas: Record<string, unknown> };
    };
    const approve = doc.paths['/api/federation/applications/{id}/approve']?.['post'];
    expect(JSON.stringify(approve?.requestBody)).toContain('DecisionDto');
    expect(JSON.stringify(approve?.responses['200'])).toContain('ApplicationViewDto');
    const list = doc.paths['/api/federation/applications']?.['get'] as unknown as {
      parameters: Array<{ name: string }>;
    };
    expect(list.parameters.map((p) => p.name).sort()).toEqual(['limit', 'offset', 'q', 'sort', 'status']);
    expect(JSON.stringify(doc.paths['/api/public/applications']?.['post']?.requestBody)).toContain(
      'multipart/form-data',
    );
    for (const schema of ['CoopApplicationDto', 'LicenceViewDto', 'VerifyLicenceDto', 'FederationSettingsDto']) {
      expect(doc.components.schemas).toHaveProperty(schema);
    }
  });
});
