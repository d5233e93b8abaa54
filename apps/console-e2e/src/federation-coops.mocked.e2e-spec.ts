/**
 * MOCKED journey: a federation admin (no coop selected) signs in and creates a coop on the
 * Coops page (the directory and the creation form). Every /api call is fulfilled by page.route().
 */
import type {
  ApiErrorBody,
  CoopDirectoryEntry,
  CoopView,
  CreateCoopRequest,
  SessionResponse,
} from '@federacycle/contracts';
import type { Page, Route } from 'playwright-core';
import { launchBrowser, type E2eBrowser, type ViewportName } from './support/browser';
import { urlOf } from './support/env';
import { horizontalOverflow, screenshot } from './support/screenshot';

const session: SessionResponse = {
  accessToken: 'fed-access',
  refreshToken: 'fed-refresh',
  expiresIn: 900,
  principal: {
    userId: 'u-fed',
    email: 'admin@federacycle.coop',
    name: 'Fatou Diallo',
    coopId: null,
    roles: [],
    platformRoles: ['federation_admin'],
    sessionId: 's-fed',
    merchantIds: [],
    locale: null,
  },
  memberships: [],
};

const existing: CoopView = {
  id: 'c-1',
  slug: 'velo-lyon',
  name: 'Vélo Lyon',
  city: 'Lyon',
  country: 'FR',
  timezone: 'Europe/Paris',
  currency: 'EUR',
  status: 'active',
  createdAt: '2026-01-01T00:00:00Z',
};

const entry = (coop: CoopView): CoopDirectoryEntry => ({
  id: coop.id,
  slug: coop.slug,
  name: coop.name,
  city: coop.city,
  country: coop.country,
  status: coop.status,
  standing: 'sandbox',
  licenceExpiresAt: null,
  memberShare: null,
});

async function mockApi(p: Page): Promise<void> {
  let directory: CoopDirectoryEntry[] = [entry(existing)];
  await p.route('**/api/**', async (route: Route) => {
    const request = route.request();
    const key = `${request.method()} ${new URL(request.url()).pathname}`;
    const json = (status: number, body: unknown): Promise<void> =>
      route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
    if (key === 'POST /api/auth/sign-in') return json(200, session);
    if (key === 'GET /api/federation/directory') return json(200, { items: directory, total: directory.length });
    if (key === 'POST /api/federation/coops') {
      const body = request.postDataJSON() as CreateCoopRequest;
      if (body.slug === 'velo-lyon') {
        const conflict: ApiErrorBody = {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'slug taken',
          errors: [{ field: 'slug', code: 'isUnique', message: 'slug already used' }],
        };
        return json(400, conflict);
      }
      const created: CoopView = { ...existing, ...body, id: 'c-2', status: 'active' };
      directory = [...directory, entry(created)];
      return json(201, created);
    }
    return json(404, { statusCode: 404, code: 'ROUTE_NOT_FOUND', message: key });
  });
}

describe.each<ViewportName>(['desktop', 'phone'])('mocked federation admin on %s', (viewport) => {
  let browser: E2eBrowser;
  let p: Page;

  beforeAll(async () => {
    browser = await launchBrowser({ viewport });
    p = await browser.newPage();
    await mockApi(p);
    await p.goto(urlOf('/federation/coops'));
    // not signed in yet: sent to sign-in, then back to the page asked for
    await p.getByRole('heading', { name: 'Sign in' }).waitFor();
    await p.getByLabel('Email').fill('admin@federacycle.coop');
    await p.getByLabel('Password').fill('correct horse battery');
    await p.getByRole('button', { name: 'Sign in' }).click();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('returns to the coops page and lists the coops', async () => {
    await p.getByRole('heading', { name: 'Coops', level: 1 }).waitFor();
    await p.getByText('Vélo Lyon').first().waitFor();
    expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
  });

  it('shows the server’s field error next to the slug, then creates the coop', async () => {
    await p.getByLabel('Name').fill('Roue Libre');
    await p.getByLabel('Slug').fill('velo-lyon');
    await p.getByLabel('City').fill('Nantes');
    await p.getByLabel('Country (ISO code)').fill('fr');
    await p.getByRole('button', { name: 'Create', exact: true }).click();
    await p.getByRole('alert').getByText('Some fields are not valid').waitFor();
    await p.locator('mat-error').getByText('This value is already taken.').waitFor();
    await screenshot(p, `coops-error-${viewport}-en`);

    await p.getByLabel('Slug').fill('roue-libre');
    await p.getByRole('button', { name: 'Create', exact: true }).click();
    await p.getByText('Cooperative Roue Libre created.').waitFor();
    expect(await p.getByText('Nantes').first().isVisible()).toBe(true);
    expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
    await screenshot(p, `coops-${viewport}-en`);
  });
});
