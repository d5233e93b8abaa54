/**
 * MOCKED journeys of federation onboarding and licences: every /api call is fulfilled by
 * page.route(), so these check the console while the federation API is being built.
 *  - a coop applies from a phone, in French, through to its status page;
 *  - a federation admin reviews and approves an application (desktop, English);
 *  - a coop admin in grace sees the banner and the licence page;
 *  - a restricted coop admin tries to publish the storefront and is told why not.
 */
import type {
  ApplicationView,
  CoopDirectoryEntry,
  CoopLicenceResponse,
  LegalFormCatalogueResponse,
  SessionResponse,
  StandingView,
} from '@federacycle/contracts';
import type { Page, Route } from 'playwright-core';
import { launchBrowser, type E2eBrowser } from './support/browser';
import { urlOf } from './support/env';
import { horizontalOverflow, screenshot } from './support/screenshot';

const COOP = '00000000-0000-4000-8000-00000000000a';

type Handler = (route: Route, body: string | null) => Promise<void> | void;

/** Routes `METHOD /path` to handlers; anything else is a 404 ROUTE_NOT_FOUND. */
async function mockApi(p: Page, handlers: Record<string, Handler>): Promise<void> {
  await p.route('**/api/**', async (route: Route) => {
    const request = route.request();
    const key = `${request.method()} ${new URL(request.url()).pathname}`;
    const handler = handlers[key];
    if (handler) return handler(route, request.postData());
    return json(route, 404, { statusCode: 404, code: 'ROUTE_NOT_FOUND', message: key });
  });
}

/** Waits (up to 5 s) until `read` answers `expected`, then asserts it (the list reloads asynchronously). */
async function eventually<T>(read: () => Promise<T>, expected: T): Promise<void> {
  for (let i = 0; i < 50; i += 1) {
    if (JSON.stringify(await read()) === JSON.stringify(expected)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(await read()).toEqual(expected);
}

function json(route: Route, status: number, body: unknown): Promise<void> {
  return route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
}

function sessionFor(
  name: string,
  coopId: string | null,
  roles: SessionResponse['principal']['roles'],
  platformRoles: SessionResponse['principal']['platformRoles'] = [],
): SessionResponse {
  return {
    accessToken: `access-${name}`,
    refreshToken: `refresh-${name}`,
    expiresIn: 900,
    principal: {
      userId: `u-${name}`,
      email: `${name}@example.coop`,
      name,
      coopId,
      roles,
      platformRoles,
      sessionId: `s-${name}`,
      merchantIds: [],
      locale: null,
    },
    memberships: coopId ? [{ coopId, coopSlug: 'roue-libre', coopName: 'Roue Libre Nantes', roles }] : [],
  };
}

async function signIn(p: Page, path: string, email: string): Promise<void> {
  await p.goto(urlOf(path));
  await p.getByRole('heading', { name: 'Sign in' }).waitFor();
  await p.getByLabel('Email').fill(email);
  await p.getByLabel('Password').fill('correct horse battery');
  await p.getByRole('button', { name: 'Sign in' }).click();
}

const catalogue: LegalFormCatalogueResponse = {
  countries: [
    {
      code: 'FR',
      registrationHint: '9 chiffres (SIREN)',
      registrationExample: '732 829 320',
      legalForms: [
        {
          id: 'fr-scop',
          labels: { en: 'SCOP (worker cooperative)', fr: 'SCOP (société coopérative de production)' },
          socialEconomyDeclarationApplicable: false,
          requiresJustification: false,
        },
        {
          id: 'fr-scic',
          labels: { en: 'SCIC (multi-stakeholder cooperative)', fr: 'SCIC (société coopérative d’intérêt collectif)' },
          socialEconomyDeclarationApplicable: true,
          requiresJustification: false,
        },
        {
          id: 'other',
          labels: { en: 'Other', fr: 'Autre' },
          socialEconomyDeclarationApplicable: false,
          requiresJustification: true,
        },
      ],
    },
    {
      code: 'BE',
      registrationHint: '10 digits (BCE/KBO)',
      registrationExample: '0123.456.789',
      legalForms: [
        {
          id: 'be-sc',
          labels: { en: 'SC (cooperative company)', fr: 'SC (société coopérative)' },
          socialEconomyDeclarationApplicable: true,
          requiresJustification: false,
        },
      ],
    },
  ],
};

describe('mocked: applying to the federation from a phone, in French', () => {
  let browser: E2eBrowser;
  let p: Page;
  let multipart = '';

  beforeAll(async () => {
    browser = await launchBrowser({ viewport: 'phone', locale: 'fr-FR' });
    p = await browser.newPage();
    await mockApi(p, {
      'GET /api/public/legal-forms': (route) => json(route, 200, catalogue),
      'POST /api/public/applications': (route, body) => {
        multipart = body ?? '';
        return json(route, 201, { id: 'app-42', status: 'applied', statusToken: 'secret-token' });
      },
      'GET /api/public/applications/app-42': (route) =>
        new URL(route.request().url()).searchParams.get('token') === 'secret-token'
          ? json(route, 200, {
              id: 'app-42',
              name: 'Roue Libre Nantes',
              status: 'applied',
              submittedAt: '2026-11-21T10:00:00Z',
              decidedAt: null,
              reason: null,
            })
          : json(route, 404, { statusCode: 404, code: 'NOT_FOUND', message: 'no' }),
    });
  });

  afterAll(async () => {
    await browser.close();
  });

  it('shows French validation messages on the first step', async () => {
    await p.goto(urlOf('/apply'));
    await p.getByRole('heading', { name: 'Créer une coop', level: 1 }).waitFor();
    await p.locator('[data-next="coop"]').click();
    await p.locator('mat-error').getByText('Ce champ est obligatoire.').first().waitFor();
    expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
    await screenshot(p, 'apply-step1-errors-phone-fr');
  });

  it('goes through the four steps and lands on the status page', async () => {
    await p.getByLabel('Nom de la coopérative').fill('Roue Libre Nantes');
    await p.getByLabel('Ville').fill('Nantes');
    await p.getByRole('combobox', { name: 'Pays' }).click();
    await p.getByRole('option', { name: 'France' }).click();
    expect(await p.getByLabel('Fuseau horaire').inputValue()).toBe('Europe/Paris');
    await p.locator('[data-next="coop"]').click();

    await p.getByRole('combobox', { name: 'Forme juridique' }).click();
    await p.getByRole('option', { name: /SCIC/ }).click();
    await p.getByLabel('Numéro d’immatriculation').fill('12345');
    await p.locator('[data-next="legal"]').click();
    await p.getByText('Ce numéro ne ressemble pas à un numéro d’immatriculation. Exemple : 732 829 320.').waitFor();
    await p.getByText('Joignez vos statuts au format PDF.').waitFor();
    await p
      .locator('#statutes-input')
      .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('png') });
    await p.getByText('Les statuts doivent être un fichier PDF.').waitFor();
    await screenshot(p, 'apply-step2-errors-phone-fr');
    await p.getByLabel('Numéro d’immatriculation').fill('732 829 320');
    await p
      .locator('#statutes-input')
      .setInputFiles({ name: 'statuts.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7 statuts') });
    await p.locator('.file-name').getByText('statuts.pdf').waitFor();
    await p.locator('[data-next="legal"]').click();

    await p.locator('[data-next="declarations"]').click();
    await p.getByText('Cette déclaration est obligatoire pour candidater.').first().waitFor();
    await p.getByLabel('Je déclare que chaque coursier·ère est sociétaire ou salarié·e de la coopérative.').check();
    await p.getByLabel('Je déclare que la coopérative relève de l’économie sociale et solidaire.').check();
    await p.getByLabel('Nom complet').fill('Zoé Martin');
    await p.getByLabel('E-mail').fill('zoe@roue-libre.coop');
    await screenshot(p, 'apply-step3-phone-fr');
    await p.locator('[data-next="declarations"]').click();

    await p.getByText('Vérifiez ce que vous allez envoyer.').waitFor();
    await p.locator('fc-apply-review').getByText('SCIC (société coopérative d’intérêt collectif)').waitFor();
    expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
    await screenshot(p, 'apply-review-phone-fr');
    await p.getByRole('button', { name: 'Envoyer la candidature' }).click();

    await p.getByRole('heading', { name: 'Votre candidature' }).waitFor();
    await p.getByText('Reçue', { exact: true }).waitFor();
    expect(p.url()).toContain('/apply/status/app-42?token=secret-token');
    expect(multipart).toContain('name="application"');
    expect(multipart).toContain('"socialEconomyStatus":true');
    expect(multipart).toContain('name="statutes"; filename="statuts.pdf"');
    expect(multipart).toContain('%PDF-1.7 statuts');
    expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
    await screenshot(p, 'apply-status-phone-fr');
  });
});

const history = [
  { from: 'none', to: 'applied', event: 'submit', reason: null, actorEmail: null, at: '2026-11-20T09:00:00Z' },
];
const application: ApplicationView = {
  id: 'app-42',
  status: 'applied',
  name: 'Roue Libre Nantes',
  city: 'Nantes',
  country: 'FR',
  timezone: 'Europe/Paris',
  currency: 'EUR',
  legalForm: 'fr-scic',
  legalFormJustification: null,
  registrationNumber: '732829320',
  declarations: { workersAreMembersOrEmployees: true, socialEconomyStatus: true },
  admin: { name: 'Zoé Martin', email: 'zoe@roue-libre.coop' },
  statutes: {
    sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    size: 48213,
    downloadUrl: '/api/federation/applications/app-42/statutes',
  },
  submittedAt: '2026-11-20T09:00:00Z',
  coopId: null,
  history,
};

/** Two more applications in the queue, to search and sort (the mock does what the server will). */
const others: ApplicationView[] = [
  {
    ...application,
    id: 'app-7',
    name: 'Cargo Coop Lille',
    city: 'Lille',
    registrationNumber: '552100554',
    admin: { name: 'Léa Petit', email: 'lea@cargo-lille.coop' },
    status: 'under_review',
    submittedAt: '2026-10-02T09:00:00Z',
  },
  {
    ...application,
    id: 'app-9',
    name: 'Vélo Solidaire Brest',
    city: 'Brest',
    registrationNumber: '444608442',
    admin: { name: 'Yann Le Gall', email: 'yann@velo-brest.coop' },
    submittedAt: '2026-11-05T09:00:00Z',
  },
];

/** GET /api/federation/applications as the server will answer it: status, q, sort, limit, offset. */
function queue(all: ApplicationView[], url: URL): { items: ApplicationView[]; total: number } {
  const status = url.searchParams.get('status');
  const q = (url.searchParams.get('q') ?? '').toLowerCase();
  const sort = url.searchParams.get('sort') ?? '-submitted_at';
  const matches = all.filter(
    (a) =>
      (!status || a.status === status) &&
      (!q || [a.name, a.admin.email, a.registrationNumber].some((f) => f.toLowerCase().includes(q))),
  );
  const sorted = [...matches].sort((a, b) =>
    sort === 'name'
      ? a.name.localeCompare(b.name)
      : (sort === 'submitted_at' ? 1 : -1) * a.submittedAt.localeCompare(b.submittedAt),
  );
  const limit = Number(url.searchParams.get('limit') ?? 50);
  const offset = Number(url.searchParams.get('offset') ?? 0);
  return { items: sorted.slice(offset, offset + limit), total: sorted.length };
}

describe('mocked: a federation admin approves an application (desktop, English)', () => {
  let browser: E2eBrowser;
  let p: Page;
  let current: ApplicationView = application;
  const queueUrls: URL[] = [];

  beforeAll(async () => {
    browser = await launchBrowser({ viewport: 'desktop' });
    p = await browser.newPage();
    const admin = sessionFor('Fatou', null, [], ['federation_admin']);
    const transition = (to: ApplicationView['status'], event: string, reason: string | null): ApplicationView => {
      current = {
        ...current,
        status: to,
        history: [
          ...current.history,
          { from: current.status, to, event, reason, actorEmail: 'fatou@example.coop', at: '2026-11-21T10:00:00Z' },
        ],
      };
      return current;
    };
    await mockApi(p, {
      'POST /api/auth/sign-in': (route) => json(route, 200, admin),
      'GET /api/public/legal-forms': (route) => json(route, 200, catalogue),
      'GET /api/federation/applications': (route) => {
        const url = new URL(route.request().url());
        queueUrls.push(url);
        return json(route, 200, queue([current, ...others], url));
      },
      'GET /api/federation/applications/app-42': (route) => json(route, 200, current),
      'POST /api/federation/applications/app-42/start-review': (route) =>
        json(route, 200, transition('under_review', 'start_review', null)),
      'POST /api/federation/applications/app-42/approve': (route, body) =>
        json(route, 200, {
          ...transition('approved', 'approve', (JSON.parse(body ?? '{}') as { reason?: string }).reason ?? null),
          coopId: 'c-new',
        }),
    });
    await signIn(p, '/federation/applications', 'fatou@example.coop');
  });

  afterAll(async () => {
    await browser.close();
  });

  const rowNames = (): Promise<string[]> =>
    p.getByRole('table', { name: 'Applications' }).locator('tbody [data-col=name]').allInnerTexts();

  it('searches and sorts the queue with q and sort, sending neither by default', async () => {
    await p.getByRole('heading', { name: 'Applications', level: 1 }).waitFor();
    await p.getByRole('link', { name: 'Vélo Solidaire Brest' }).waitFor();
    expect(await rowNames()).toEqual(['Roue Libre Nantes', 'Vélo Solidaire Brest', 'Cargo Coop Lille']);
    expect([...queueUrls[0].searchParams.keys()]).toEqual(['limit', 'offset']);
    // names, not codes: the legal form from the catalogue, the country in the reader's language
    const first = p.getByRole('table', { name: 'Applications' }).getByRole('row').nth(1);
    await first.getByText('SCIC (multi-stakeholder cooperative)').waitFor();
    expect(await first.getByText('Nantes, France').isVisible()).toBe(true);

    await p.getByRole('searchbox', { name: 'Search' }).fill('yann@');
    await p.getByRole('link', { name: 'Roue Libre Nantes' }).waitFor({ state: 'detached' });
    expect(await rowNames()).toEqual(['Vélo Solidaire Brest']);
    expect(queueUrls.at(-1)?.searchParams.get('q')).toBe('yann@');
    await p.getByRole('searchbox', { name: 'Search' }).fill('no such coop');
    await p.getByText('No application matches.').waitFor();
    await p.getByRole('button', { name: 'Clear the search and filter' }).click();
    await p.getByRole('link', { name: 'Roue Libre Nantes' }).waitFor();

    await p.getByRole('combobox', { name: 'Sort by' }).click();
    await p.getByRole('option', { name: 'Name' }).click();
    await p.getByRole('listbox').waitFor({ state: 'detached' });
    await p.getByRole('link', { name: 'Cargo Coop Lille' }).waitFor();
    await eventually(rowNames, ['Cargo Coop Lille', 'Roue Libre Nantes', 'Vélo Solidaire Brest']);
    expect(queueUrls.at(-1)?.searchParams.get('sort')).toBe('name');

    await p.getByRole('combobox', { name: 'Filter by status' }).click();
    await p.getByRole('option', { name: 'Under review' }).click();
    await p.getByRole('listbox').waitFor({ state: 'detached' });
    await eventually(rowNames, ['Cargo Coop Lille']);
    expect(queueUrls.at(-1)?.searchParams.get('status')).toBe('under_review');
    await p.getByRole('combobox', { name: 'Filter by status' }).click();
    await p.getByRole('option', { name: 'All' }).click();
    await eventually(rowNames, ['Cargo Coop Lille', 'Roue Libre Nantes', 'Vélo Solidaire Brest']);
    // keyboard focus on the search field before the shot
    await p.getByRole('link', { name: 'Applications', exact: true }).first().focus();
    await p.getByRole('searchbox', { name: 'Search' }).focus();
    expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
    await screenshot(p, 'applications-queue-desktop-en');
  });

  it('lists the queue and opens the application', async () => {
    await p.getByRole('link', { name: 'Roue Libre Nantes' }).click();
    await p.getByRole('heading', { name: 'Roue Libre Nantes', level: 1 }).waitFor();
    await p.getByRole('button', { name: 'Download the statutes' }).waitFor();
    await p.getByText('SCIC (multi-stakeholder cooperative)').waitFor();
  });

  it('needs every checklist item before approving', async () => {
    await p.getByRole('button', { name: 'Start the review' }).click();
    await p.getByText('Review of Roue Libre Nantes started.').waitFor();
    const approve = p.getByRole('button', { name: 'Approve', exact: true });
    expect(await approve.isDisabled()).toBe(true);
    for (const label of [
      'The legal form is a cooperative one',
      'The registration number was checked in the public register',
      'The statutes were read and match the application',
    ]) {
      await p.getByLabel(label).check();
    }
    expect(await approve.isDisabled()).toBe(true);
    await p.getByLabel('The declarations are signed').check();
    // the button is enabled by the next change detection: wait for it rather than race it
    await approve.and(p.locator(':enabled')).waitFor();
    expect(await approve.isDisabled()).toBe(false);
    await screenshot(p, 'review-checklist-desktop-en');

    await approve.click();
    await p.getByRole('heading', { name: 'Approve Roue Libre Nantes?' }).waitFor();
    await p.getByLabel('Note (optional)').fill('Statutes and SIREN checked.');
    await p.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
    await p.getByText('Roue Libre Nantes is approved.').waitFor();
    await p.getByRole('status').getByText('Approved').waitFor();
    await p.getByText('Statutes and SIREN checked.').waitFor();
    expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
    await screenshot(p, 'review-approved-desktop-en');
  });
});

function licenceResponse(standing: StandingView): CoopLicenceResponse {
  return {
    standing,
    licence: {
      id: 'l-1',
      kid: 'fed-2026-01',
      token: 'eyJhbGciOiJFZERTQSJ9.e30.sig',
      issuedAt: '2025-11-01T00:00:00Z',
      expiresAt: '2026-11-01T00:00:00Z',
      status: 'expired',
      revokedAt: null,
    },
    verifyUrl: '/verify',
    workerOwnership: { share: 0.82, threshold: 0.5, activeCouriers: 11, memberCouriers: 9 },
  };
}

describe.each([
  {
    name: 'grace',
    standing: {
      mode: 'grace',
      code: 'LICENCE_EXPIRED',
      message: 'expired',
      warnings: [],
      graceEndsAt: '2026-12-01T00:00:00Z',
    } satisfies StandingView,
    publish: 'ok',
  },
  {
    name: 'restricted-expired',
    standing: {
      mode: 'restricted',
      code: 'LICENCE_EXPIRED',
      message: 'expired',
      warnings: [],
      graceEndsAt: null,
    } satisfies StandingView,
    publish: 'LICENCE_EXPIRED',
  },
  {
    name: 'restricted-suspended',
    standing: {
      mode: 'restricted',
      code: 'COOP_SUSPENDED',
      message: 'suspended',
      warnings: [],
      graceEndsAt: null,
    } satisfies StandingView,
    publish: 'COOP_SUSPENDED',
  },
])('mocked: coop admin licence page ($name)', ({ name, standing, publish }) => {
  let browser: E2eBrowser;
  let p: Page;

  beforeAll(async () => {
    browser = await launchBrowser({ viewport: name === 'grace' ? 'desktop' : 'phone' });
    p = await browser.newPage();
    await mockApi(p, {
      'POST /api/auth/sign-in': (route) => json(route, 200, sessionFor('Ada', COOP, ['coop_admin', 'member'])),
      'GET /api/compliance': (route) => json(route, 200, standing),
      'GET /api/licence': (route) => json(route, 200, licenceResponse(standing)),
      'GET /api/storefront': (route) => json(route, 200, { published: false, publishedAt: null }),
      'POST /api/storefront/publish': (route) =>
        publish === 'ok'
          ? json(route, 200, { published: true, publishedAt: '2026-11-21T10:00:00Z' })
          : json(route, 403, { statusCode: 403, code: publish, message: 'restricted' }),
    });
    await signIn(p, '/licence', 'ada@example.coop');
  });

  afterAll(async () => {
    await browser.close();
  });

  it('shows the compliance banner and the licence card', async () => {
    await p.getByRole('heading', { name: 'Licence', level: 1 }).waitFor();
    const banner = p.getByRole('status', { name: 'Compliance' });
    if (name === 'grace') {
      await banner.getByText('Grace period until 1 Dec 2026').waitFor();
    } else {
      await banner.getByText('Your cooperative is restricted').waitFor();
    }
    await p.getByText('fed-2026-01').waitFor();
    await p.getByText('82%').waitFor();
    expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
    await screenshot(p, `licence-${name}`);
  });

  it('publishes the storefront, or disables Publish and says why', async () => {
    const publishButton = p.getByRole('button', { name: 'Publish' });
    // the verify link goes to the console's public page, with the licence
    const verify = p.getByRole('link', { name: 'Public verify page' });
    expect(await verify.getAttribute('href')).toBe('/verify?licence=eyJhbGciOiJFZERTQSJ9.e30.sig');
    if (publish === 'ok') {
      await p.getByText('You can publish during the grace period').waitFor();
      await publishButton.click();
      await p.getByText('Published since 21 Nov 2026.').waitFor();
    } else {
      const reason =
        publish === 'LICENCE_EXPIRED'
          ? 'Publishing is paused: the licence has expired. Ask the federation to renew it.'
          : 'Publishing is paused: the federation has suspended the cooperative.';
      await p.getByText(reason).waitFor();
      expect(await publishButton.isDisabled()).toBe(true);
      expect(await p.getByText('Publishing requires').count()).toBe(0);
    }
    // keyboard: from Download, Tab reaches the verify link, with a visible ring
    await p.getByRole('button', { name: 'Download' }).focus();
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.matches(':focus-visible'))).toBe(true);
    await screenshot(p, `licence-${name}-publish`);
  });
});

const directory: CoopDirectoryEntry[] = [
  {
    id: 'c-1',
    slug: 'velo-lyon',
    name: 'Vélo Lyon',
    city: 'Lyon',
    country: 'FR',
    status: 'active',
    standing: 'licensed',
    licenceExpiresAt: '2027-06-30T00:00:00Z',
    memberShare: 0.91,
  },
  {
    id: 'c-2',
    slug: 'roue-libre',
    name: 'Roue Libre Nantes',
    city: 'Nantes',
    country: 'FR',
    status: 'active',
    standing: 'grace',
    licenceExpiresAt: '2026-11-01T00:00:00Z',
    memberShare: 0.64,
  },
  {
    id: 'c-3',
    slug: 'fietskoeriers-gent',
    name: 'Fietskoeriers Gent coöperatie met een heel lange naam',
    city: 'Gent',
    country: 'BE',
    status: 'suspended',
    standing: 'restricted',
    licenceExpiresAt: null,
    memberShare: null,
  },
];

describe('mocked: a licensed coop admin on a phone, in French', () => {
  let browser: E2eBrowser;
  let p: Page;
  const licensed: StandingView = { mode: 'licensed', code: null, message: 'ok', warnings: [], graceEndsAt: null };

  beforeAll(async () => {
    browser = await launchBrowser({ viewport: 'phone', locale: 'fr-FR' });
    p = await browser.newPage();
    const response = licenceResponse(licensed);
    await mockApi(p, {
      'POST /api/auth/sign-in': (route) => json(route, 200, sessionFor('Ada', COOP, ['coop_admin', 'member'])),
      'GET /api/compliance': (route) => json(route, 200, licensed),
      'GET /api/licence': (route) =>
        json(route, 200, { ...response, licence: response.licence && { ...response.licence, status: 'active' } }),
      'GET /api/storefront': (route) => json(route, 200, { published: false, publishedAt: null }),
    });
    await p.goto(urlOf('/licence'));
    await p.getByRole('heading', { name: 'Se connecter' }).waitFor();
    await p.getByLabel('E-mail').fill('ada@example.coop');
    await p.getByLabel('Mot de passe').fill('correct horse battery');
    await p.getByRole('button', { name: 'Se connecter' }).click();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('says the licence allows publishing and leaves Publish enabled', async () => {
    await p.getByRole('heading', { name: 'Licence', level: 1 }).waitFor();
    await p.getByText('Votre licence est valide : vous pouvez publier la vitrine.').waitFor();
    expect(await p.getByRole('button', { name: 'Publier' }).isEnabled()).toBe(true);
    expect(await p.getByText('Sous licence').first().isVisible()).toBe(true);
    expect(await p.title()).toBe('Licence · Federacycle');
    expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
    await p.getByRole('button', { name: 'Télécharger' }).focus();
    await p.keyboard.press('Tab');
    await screenshot(p, 'licence-licensed-phone-fr');
  });
});

describe('mocked: the applications queue on a phone, in French', () => {
  let browser: E2eBrowser;
  let p: Page;

  beforeAll(async () => {
    browser = await launchBrowser({ viewport: 'phone', locale: 'fr-FR' });
    p = await browser.newPage();
    await mockApi(p, {
      'POST /api/auth/sign-in': (route) => json(route, 200, sessionFor('Fatou', null, [], ['federation_admin'])),
      'GET /api/public/legal-forms': (route) => json(route, 200, catalogue),
      'GET /api/federation/applications': (route) =>
        json(route, 200, queue([application, ...others], new URL(route.request().url()))),
    });
    await p.goto(urlOf('/federation/applications'));
    await p.getByRole('heading', { name: 'Se connecter' }).waitFor();
    await p.getByLabel('E-mail').fill('fatou@example.coop');
    await p.getByLabel('Mot de passe').fill('correct horse battery');
    await p.getByRole('button', { name: 'Se connecter' }).click();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('shows cards, and a status filter and sort that fit 360 px', async () => {
    await p.getByRole('heading', { name: 'Candidatures', level: 1 }).waitFor();
    await p.getByRole('link', { name: 'Cargo Coop Lille' }).waitFor();
    expect(await p.locator('table').count()).toBe(0);
    await p.getByText('SCIC (société coopérative d’intérêt collectif)').first().waitFor();
    await p.getByRole('combobox', { name: 'Filtrer par statut' }).click();
    await p.getByRole('option', { name: 'En cours d’examen' }).click();
    await p.getByRole('link', { name: 'Roue Libre Nantes' }).waitFor({ state: 'detached' });
    expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
    await p.getByRole('searchbox', { name: 'Rechercher' }).focus();
    await p.keyboard.press('Tab');
    await screenshot(p, 'applications-queue-phone-fr');
  });
});

describe.each(['desktop', 'phone'] as const)('mocked: the coops (with the former directory) on %s', (viewport) => {
  let browser: E2eBrowser;
  let p: Page;
  let reason = '';

  beforeAll(async () => {
    browser = await launchBrowser({ viewport });
    p = await browser.newPage();
    let rows = directory;
    await mockApi(p, {
      'POST /api/auth/sign-in': (route) => json(route, 200, sessionFor('Fatou', null, [], ['federation_admin'])),
      'GET /api/federation/directory': (route) => json(route, 200, { items: rows, total: rows.length }),
      'POST /api/federation/coops/c-2/suspend': (route, body) => {
        reason = (JSON.parse(body ?? '{}') as { reason: string }).reason;
        rows = rows.map((c) => (c.id === 'c-2' ? { ...c, status: 'suspended', standing: 'restricted' } : c));
        return json(route, 200, rows[1]);
      },
    });
    // the old address of the directory still works: it leads to the Coops page
    await signIn(p, '/federation/directory', 'fatou@example.coop');
  });

  afterAll(async () => {
    await browser.close();
  });

  it('lists the coops with their standing, licence expiry and member share', async () => {
    await p.getByRole('heading', { name: 'Coops', level: 1 }).waitFor();
    expect(new URL(p.url()).pathname).toBe('/federation/coops');
    await p.getByText('91%').waitFor();
    await p.getByText('Gent, Belgium').waitFor();
    expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
    await screenshot(p, `directory-${viewport}-en`);
  });

  it('suspends a coop with a reason and reloads the list', async () => {
    await p.getByRole('button', { name: 'Actions for Roue Libre Nantes' }).click();
    await p.getByRole('menuitem', { name: 'Suspend' }).click();
    await p.getByRole('heading', { name: 'Suspend Roue Libre Nantes?' }).waitFor();
    await p.getByRole('dialog').getByRole('button', { name: 'Suspend' }).click();
    await p.getByText('This field is required.').waitFor();
    await p.getByLabel('Reason').fill('Membership dues unpaid for 6 months');
    await p.getByRole('dialog').getByRole('button', { name: 'Suspend' }).click();
    await p.getByText('Roue Libre Nantes is suspended.').waitFor();
    expect(reason).toBe('Membership dues unpaid for 6 months');
    await p.getByRole('button', { name: 'Actions for Roue Libre Nantes' }).click();
    await p.getByRole('menuitem', { name: 'Reinstate' }).waitFor();
    await p.keyboard.press('Escape');
  });
});
