/**
 * MOCKED journey: every /api call is fulfilled by page.route() below, so this checks the
 * console's flow (sign-in → home → People) without a server. The real-API journey will
 * live in its own spec once the global setup starts the API.
 */
import type {
  ApiErrorBody,
  CreateInvitationRequest,
  InvitationView,
  MemberView,
  Page as ApiPage,
  SessionResponse,
} from '@federacycle/contracts';
import type { Page, Route } from 'playwright-core';
import { launchBrowser, type E2eBrowser } from './support/browser';
import { urlOf } from './support/env';
import { horizontalOverflow, screenshot } from './support/screenshot';

const COOP_A = '00000000-0000-4000-8000-00000000000a';
const COOP_B = '00000000-0000-4000-8000-00000000000b';

const session: SessionResponse = {
  accessToken: 'access-1',
  refreshToken: 'refresh-1',
  expiresIn: 900,
  principal: {
    userId: 'u-ada',
    email: 'ada@velo-lyon.coop',
    name: 'Ada Lovelace',
    coopId: COOP_A,
    roles: ['coop_admin', 'member'],
    platformRoles: [],
    sessionId: 's-1',
  },
  memberships: [
    { coopId: COOP_A, coopSlug: 'velo-lyon', coopName: 'Vélo Lyon', roles: ['coop_admin', 'member'] },
    { coopId: COOP_B, coopSlug: 'roue-libre', coopName: 'Roue Libre Nantes', roles: ['courier'] },
  ],
};

const members: MemberView[] = [
  {
    userId: 'u-ada',
    email: 'ada@velo-lyon.coop',
    name: 'Ada Lovelace',
    roles: ['coop_admin', 'member'],
    status: 'active',
    membershipStatus: 'active',
    joinedAt: '2026-01-10T09:00:00Z',
  },
  {
    userId: 'u-bram',
    email: 'bram.de.vries-with-a-very-long-address@velo-lyon.coop',
    name: 'Bram de Vries',
    roles: ['dispatcher', 'courier', 'member'],
    status: 'active',
    membershipStatus: 'active',
    joinedAt: '2026-02-01T09:00:00Z',
  },
  {
    userId: 'u-chloe',
    email: 'chloe@velo-lyon.coop',
    name: 'Chloé Martin',
    roles: ['courier'],
    status: 'active',
    membershipStatus: 'disabled',
    joinedAt: '2026-03-15T09:00:00Z',
  },
];

const pending: InvitationView = {
  id: 'inv-1',
  email: 'dani@example.org',
  roles: ['merchant_staff'],
  expiresAt: '2026-12-01T00:00:00Z',
  acceptedAt: null,
  createdAt: '2026-11-20T00:00:00Z',
};

const page = <T>(items: T[]): ApiPage<T> => ({ items, total: items.length });

/** Fulfils the API calls the flow makes; records what the console sent. */
async function mockApi(browserPage: Page, calls: string[]): Promise<void> {
  await browserPage.route('**/api/**', async (route: Route) => {
    const request = route.request();
    const path = new URL(request.url()).pathname;
    const key = `${request.method()} ${path}`;
    calls.push(key);
    const json = (status: number, body: unknown, headers: Record<string, string> = {}): Promise<void> =>
      route.fulfill({ status, contentType: 'application/json', headers, body: JSON.stringify(body) });

    switch (key) {
      case 'POST /api/auth/sign-in': {
        const { password } = request.postDataJSON() as { password: string };
        if (password === 'too-many') {
          const body: ApiErrorBody = { statusCode: 429, code: 'RATE_LIMITED', message: 'Too many requests' };
          return json(429, body, { 'Retry-After': '42' });
        }
        if (password !== 'correct horse battery') {
          const body: ApiErrorBody = { statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'Invalid credentials' };
          return json(401, body);
        }
        return json(200, session);
      }
      case 'GET /api/members':
        expectBearer(request.headers()['authorization']);
        return json(200, page(members));
      case 'GET /api/invitations':
        expectBearer(request.headers()['authorization']);
        return json(200, page([pending]));
      case 'POST /api/invitations': {
        const body = request.postDataJSON() as CreateInvitationRequest;
        const created: InvitationView = { ...pending, id: 'inv-2', email: body.email, roles: body.roles };
        return json(201, created);
      }
      case 'POST /api/auth/sign-out':
        return route.fulfill({ status: 204 });
      default:
        return json(404, { statusCode: 404, code: 'ROUTE_NOT_FOUND', message: key });
    }
  });
}

function expectBearer(header: string | undefined): void {
  if (header !== 'Bearer access-1') throw new Error(`expected the bearer, got ${header}`);
}

async function signIn(p: Page, password = 'correct horse battery'): Promise<void> {
  await p.getByLabel('Email').fill('ada@velo-lyon.coop');
  await p.getByLabel('Password').fill(password);
  await p.getByRole('button', { name: 'Sign in' }).click();
}

describe('mocked sign-in → home → People on desktop', () => {
  let browser: E2eBrowser;
  let p: Page;
  const calls: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser({ viewport: 'desktop' });
    p = await browser.newPage();
    await mockApi(p, calls);
    await p.goto(urlOf('/sign-in'));
    await p.getByRole('heading', { name: 'Sign in' }).waitFor();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('explains wrong credentials and rate limiting in plain words', async () => {
    await signIn(p, 'wrong password!');
    await p.getByRole('alert').getByText('Wrong email or password.').waitFor();
    await signIn(p, 'too-many');
    await p.getByRole('alert').getByText('Too many attempts. Try again in 42 seconds.').waitFor();
  });

  it('greets the person on the home page with their coop and roles', async () => {
    await signIn(p);
    await p.getByRole('heading', { name: 'Hello, Ada Lovelace' }).waitFor();
    expect(await p.getByText('Your cooperative: Vélo Lyon').isVisible()).toBe(true);
    expect(await p.getByText('Coop admin').first().isVisible()).toBe(true);
    // two memberships: the coop switcher is shown
    expect(await p.getByRole('combobox', { name: 'Cooperative' }).isVisible()).toBe(true);
    const nav = p.getByRole('navigation', { name: 'Main navigation' });
    expect(await nav.getByRole('link', { name: 'People' }).isVisible()).toBe(true);
    expect(await nav.getByRole('link', { name: 'Coops', exact: true }).count()).toBe(0);
    await screenshot(p, 'home-desktop-en');
  });

  it('lists members and pending invitations on the People page', async () => {
    await p.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'People' }).click();
    await p.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    await p.getByRole('cell', { name: 'Bram de Vries', exact: true }).waitFor();
    expect(await p.getByRole('row').count()).toBe(4);
    expect(await p.getByText('dani@example.org').isVisible()).toBe(true);
    expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
    await screenshot(p, 'people-desktop-en');
  });

  it('invites someone and shows the new pending invitation', async () => {
    await p.getByLabel('Email').fill('eve@example.org');
    await p.getByRole('button', { name: 'Send the invitation' }).click();
    await p.getByText('Invitation sent to eve@example.org.').waitFor();
    expect(await p.getByRole('listitem').filter({ hasText: 'eve@example.org' }).count()).toBe(1);
    expect(calls).toContain('POST /api/invitations');
    // the form is ready for the next invitation: empty email, default role, no error shown
    expect(await p.getByLabel('Email').inputValue()).toBe('');
    expect(await p.locator('fc-invite-form mat-select').innerText()).toContain('Member');
    expect(await p.locator('fc-invite-form mat-error').count()).toBe(0);
    await screenshot(p, 'people-invited-desktop-en');
  });

  it('opens the change-roles dialog in French', async () => {
    await p.getByRole('radio', { name: 'Français' }).click();
    await p.getByRole('button', { name: 'Modifier les rôles de Bram de Vries' }).click();
    await p.getByRole('dialog').getByText('Dispatcheur·euse').waitFor();
    expect(await p.locator('fc-invite-form mat-select').innerText()).toContain('Sociétaire');
    await screenshot(p, 'people-dialog-desktop-fr');
    await p.getByRole('button', { name: 'Annuler' }).click();
    await p.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('routes pages not built yet to a translated placeholder', async () => {
    await p.getByRole('navigation').getByRole('link', { name: 'Tableau de dispatch' }).click();
    await p.getByRole('heading', { name: 'Tableau de dispatch : bientôt disponible' }).waitFor();
    await screenshot(p, 'coming-soon-desktop-fr');
  });
});

describe('mocked sign-in → People on a phone, in French', () => {
  let browser: E2eBrowser;
  let p: Page;

  beforeAll(async () => {
    browser = await launchBrowser({ viewport: 'phone', locale: 'fr-FR' });
    p = await browser.newPage();
    await mockApi(p, []);
  });

  afterAll(async () => {
    await browser.close();
  });

  it('starts in French from the browser language and signs in', async () => {
    await p.goto(urlOf('/sign-in'));
    await p.getByRole('heading', { name: 'Se connecter' }).waitFor();
    expect(await p.locator('html').getAttribute('lang')).toBe('fr');
    await p.getByLabel('E-mail').fill('ada@velo-lyon.coop');
    await p.getByLabel('Mot de passe').fill('correct horse battery');
    await p.getByRole('button', { name: 'Se connecter' }).click();
    await p.getByRole('heading', { name: 'Bonjour, Ada Lovelace' }).waitFor();
    expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
    await screenshot(p, 'home-phone-fr');
  });

  it('opens the navigation drawer from the menu button and goes to People', async () => {
    await p.getByRole('button', { name: 'Ouvrir le menu de navigation' }).click();
    const nav = p.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Personnes' }).waitFor();
    await screenshot(p, 'nav-drawer-phone-fr');
    await nav.getByRole('link', { name: 'Personnes' }).click();
    await p.getByRole('heading', { name: 'Personnes', level: 1 }).waitFor();
    await p.getByText('Bram de Vries').waitFor();
    // phones get cards, not a table
    expect(await p.locator('table').count()).toBe(0);
    expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
    await screenshot(p, 'people-phone-fr');
  });
});
