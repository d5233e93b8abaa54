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

describe('mocked: a federation admin approves an application (desktop, English)', () => {
  let browser: E2eBrowser;
  let p: Page;
  let current: ApplicationView = application;

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
      'GET /api/federation/applications': (route) => json(route, 200, { items: [current], total: 1 }),
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

  it('lists the queue and opens the application', async () => {
    await p.getByRole('heading', { name: 'Applications', level: 1 }).waitFor();
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

  it('publishes the storefront, or explains why it cannot', async () => {
    await p.getByRole('button', { name: 'Publish' }).click();
    if (publish === 'ok') {
      await p.getByText('Published since 21 Nov 2026.').waitFor();
    } else {
      const message =
        publish === 'LICENCE_EXPIRED' ? 'The cooperative’s licence has expired.' : 'The cooperative is suspended.';
      await p.getByRole('alert').getByText(message).waitFor();
    }
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

describe.each(['desktop', 'phone'] as const)('mocked: the coop directory on %s', (viewport) => {
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
    await signIn(p, '/federation/directory', 'fatou@example.coop');
  });

  afterAll(async () => {
    await browser.close();
  });

  it('lists the coops with their standing, licence expiry and member share', async () => {
    await p.getByRole('heading', { name: 'Coop directory', level: 1 }).waitFor();
    await p.getByText('91%').waitFor();
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
