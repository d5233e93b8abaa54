import { HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { CoopApplicationRequest } from '@federacycle/contracts';
import { toProblemText } from '../../../core/api/problem-text';
import { APPLY_OVERRIDES } from '../../apply/apply-errors';
import { CoopLicenceApi } from '../../licence/data/licence-api';
import { FederationAdminApi, PublicFederationApi } from './federation-api';

const request: CoopApplicationRequest = {
  name: 'Roue Libre',
  city: 'Nantes',
  country: 'FR',
  timezone: 'Europe/Paris',
  currency: 'EUR',
  legalForm: 'fr-scop',
  registrationNumber: '732829320',
  declarations: { workersAreMembersOrEmployees: true },
  admin: { name: 'Zoé', email: 'zoe@roue-libre.coop' },
};

describe('federation API clients', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('sends the application as multipart with the JSON and the PDF parts', () => {
    const statutes = new File(['%PDF-1.7'], 'statuts.pdf', { type: 'application/pdf' });
    let receipt: unknown;
    TestBed.inject(PublicFederationApi)
      .submitApplication(request, statutes)
      .subscribe((r) => (receipt = r));
    const req = http.expectOne('/api/public/applications');
    expect(req.request.method).toBe('POST');
    const body = req.request.body as FormData;
    expect(body).toBeInstanceOf(FormData);
    expect(JSON.parse(body.get('application') as string)).toEqual(request);
    const part = body.get('statutes') as File;
    expect(part.name).toBe('statuts.pdf');
    expect(part.type).toBe('application/pdf');
    expect(part.size).toBe(statutes.size);
    // no explicit Content-Type: the browser adds the multipart boundary
    expect(req.request.headers.has('Content-Type')).toBe(false);
    req.flush({ id: 'a-1', status: 'applied', statusToken: 'tok' });
    expect(receipt).toEqual({ id: 'a-1', status: 'applied', statusToken: 'tok' });
  });

  it('reads an application status with its token', () => {
    TestBed.inject(PublicFederationApi).applicationStatus('a 1', 't&k').subscribe();
    const req = http.expectOne((r) => r.url === '/api/public/applications/a%201');
    expect(req.request.params.get('token')).toBe('t&k');
    req.flush({});
  });

  it('verifies a licence', () => {
    TestBed.inject(PublicFederationApi).verifyLicence('a.b.c').subscribe();
    const req = http.expectOne('/api/public/licences/verify');
    expect(req.request.body).toEqual({ licence: 'a.b.c' });
    req.flush({ status: 'valid', message: 'ok' });
  });

  it('filters the queue by status and posts decisions with reasons', () => {
    const api = TestBed.inject(FederationAdminApi);
    api.listApplications({ status: 'under_review' }).subscribe();
    expect(http.expectOne('/api/federation/applications?status=under_review').request.method).toBe('GET');
    api.listApplications({ status: null }).subscribe();
    http.expectOne('/api/federation/applications').flush({ items: [], total: 0 });
    api.approve('a-1').subscribe();
    expect(http.expectOne('/api/federation/applications/a-1/approve').request.body).toEqual({});
    api.reject('a-1', 'Not a cooperative').subscribe();
    expect(http.expectOne('/api/federation/applications/a-1/reject').request.body).toEqual({
      reason: 'Not a cooperative',
    });
    api.coopAction('c-1', 'suspend', 'Unpaid dues').subscribe();
    expect(http.expectOne('/api/federation/coops/c-1/suspend').request.body).toEqual({ reason: 'Unpaid dues' });
    api.issueLicence('c-1').subscribe();
    expect(http.expectOne('/api/federation/coops/c-1/licence').request.method).toBe('POST');
    http.match(() => true).forEach((r) => r.flush({}));
  });

  it('pages the queue and sends q and sort only when set', () => {
    const api = TestBed.inject(FederationAdminApi);
    api.listApplications({ status: 'applied', q: '  ', sort: null }, { limit: 50, offset: 100 }).subscribe();
    // today's server accepts status, limit and offset: nothing else is sent by default
    http.expectOne('/api/federation/applications?status=applied&limit=50&offset=100').flush({ items: [], total: 0 });
    api.listApplications({ q: ' Roue libre ', sort: 'name' }, { limit: 25, offset: 0 }).subscribe();
    const req = http.expectOne((r) => r.url === '/api/federation/applications');
    expect(req.request.params.keys()).toEqual(['q', 'sort', 'limit', 'offset']);
    expect(req.request.params.get('q')).toBe('Roue libre');
    expect(req.request.params.get('sort')).toBe('name');
    req.flush({ items: [], total: 0 });
  });

  it('pages the coop directory and creates a coop', () => {
    const api = TestBed.inject(FederationAdminApi);
    api.directory({ limit: 50, offset: 50 }).subscribe();
    http.expectOne('/api/federation/directory?limit=50&offset=50').flush({ items: [], total: 0 });
    api
      .createCoop({ slug: 'a', name: 'A', city: 'B', country: 'FR', timezone: 'Europe/Paris', currency: 'EUR' })
      .subscribe();
    expect(http.expectOne('/api/federation/coops').request.method).toBe('POST');
    http.match(() => true).forEach((r) => r.flush({}));
  });

  it('downloads the statutes as a blob', () => {
    let blob: Blob | undefined;
    TestBed.inject(FederationAdminApi)
      .downloadStatutes('/api/federation/applications/a-1/statutes')
      .subscribe((b) => (blob = b));
    const req = http.expectOne('/api/federation/applications/a-1/statutes');
    expect(req.request.responseType).toBe('blob');
    req.flush(new Blob(['%PDF']));
    expect(blob).toBeInstanceOf(Blob);
  });

  it('publishes and unpublishes the storefront, downloads the licence as text', () => {
    const api = TestBed.inject(CoopLicenceApi);
    api.setPublished(true).subscribe();
    http.expectOne('/api/storefront/publish').flush({ published: true, publishedAt: null });
    api.setPublished(false).subscribe();
    http.expectOne('/api/storefront/unpublish').flush({ published: false, publishedAt: null });
    api.downloadLicence().subscribe();
    expect(http.expectOne('/api/licence/download').request.responseType).toBe('text');
  });
});

describe('messages of federation calls', () => {
  const t = (key: string): string => key;
  const problem = (code: string, status = 400): HttpErrorResponse =>
    new HttpErrorResponse({ status, error: { statusCode: status, code, message: 'x' } });

  it('explains onboarding codes, the statutes upload on the form, then the generic mapping', () => {
    expect(toProblemText(t, problem('DUPLICATE_REGISTRATION', 409))).toBe('error.DUPLICATE_REGISTRATION');
    expect(toProblemText(t, problem('PAYLOAD_TOO_LARGE', 413), APPLY_OVERRIDES)).toBe('error.STATUTES_TOO_LARGE');
    expect(toProblemText(t, problem('PAYLOAD_TOO_LARGE', 413))).toBe('error.PAYLOAD_TOO_LARGE');
    expect(toProblemText(t, problem('LICENCE_EXPIRED', 403))).toBe('error.LICENCE_EXPIRED');
    expect(toProblemText(t, problem('INTERNAL', 500))).toBe('error.generic');
  });
});
