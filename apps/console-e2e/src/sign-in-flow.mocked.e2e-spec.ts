/**
 * MOCKED journey: every /api call is fulfilled by page.route() below, so this checks the
 * console's flow (sign-in → home → People) without a server: the members list has 120
 * people, served one page at a time from `limit` and `offset` like the API does.
 */
import type {
  ApiErrorBody,
  CoopLicenceResponse,
  CreateInvitationRequest,
  InvitationView,
  MemberView,
  Page as ApiPage,
  SessionResponse,
  UpdateMeRequest,
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
    merchantIds: [],
    locale: null,
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
  // pending: a week from now, whatever the day the journey runs
  expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  acceptedAt: null,
  createdAt: '2026-11-20T00:00:00Z',
};

/** 117 more riders after the three people above (sorted by name like the API: Ada, Bram, Chloé, Rider 004...). */
const everyone: MemberView[] = [
  ...members,
  ...Array.from({ length: 117 }, (_, i): MemberView => {
    const n = String(i + 4).padStart(3, '0');
    return {
      userId: `u-rider-${n}`,
      email: `rider.${n}@velo-lyon.coop`,
      name: `Rider ${n}`,
      roles: ['courier', 'member'],
      status: 'active',
      membershipStatus: 'active',
      joinedAt: '2026-04-01T09:00:00Z',
    };
  }),
];

/** One page of `items` from the request's limit and offset (the API's defaults: 50 and 0). */
function pageOf<T>(items: T[], url: URL): ApiPage<T> {
  const limit = Number(url.searchParams.get('limit') ?? 50);
  const offset = Number(url.searchParams.get('offset') ?? 0);
  return { items: items.slice(offset, offset + limit), total: items.length };
}

const licence: CoopLicenceResponse = {
  standing: { mode: 'licensed', code: null, message: 'ok', warnings: [], graceEndsAt: null },
  licence: {
    id: 'l-1',
    kid: 'fed-2026-01',
    token: 'eyJhbGciOiJFZERTQSJ9.e30.sig',
    issuedAt: '2026-01-01T00:00:00Z',
    expiresAt: '2027-01-01T00:00:00Z',
    status: 'active',
    revokedAt: null,
  },
  verifyUrl: '/verify-licence',
  workerOwnership: { share: 0.8, threshold: 0.5, activeCouriers: 10, memberCouriers: 8 },
};

/** Fulfils the API calls the flow makes; records what the console sent (`calls`: method and path, `urls`: with the query). */
async function mockApi(browserPage: Page, calls: string[], urls: string[] = []): Promise<void> {
  let invitations: InvitationView[] = [pending];
  await browserPage.route('**/api/**', async (route: Route) => {
    const request = route.request();
    const url = new URL(request.url());
    const path = url.pathname;
    const key = `${request.method()} ${path}`;
    calls.push(key);
    urls.push(`${request.method()} ${path}${url.search}`);
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
        return json(200, pageOf(everyone, url));
      case 'GET /api/invitations':
        expectBearer(request.headers()['authorization']);
        return json(200, pageOf(invitations, url));
      case 'POST /api/invitations': {
        const body = request.postDataJSON() as CreateInvitationRequest;
        // as the server does: one pending invitation per email, a re-invite replaces it
        const earlier = invitations.filter((i) => i.email === body.email).map((i) => i.id);
        const created: InvitationView = {
          ...pending,
          id: `inv-${invitations.length + 2}`,
          email: body.email,
          roles: body.roles,
          ...(earlier.length ? { replaced: true, replacedIds: earlier } : {}),
        };
        invitations = [created, ...invitations.filter((i) => i.email !== body.email)];
        return json(201, created);
      }
      case 'POST /api/members/u-ada/disable': {
        // the server's refusal: a generic code, the reason in its message
        const body: ApiErrorBody = {
          statusCode: 409,
          code: 'CONFLICT',
          message: 'You cannot disable your own membership',
        };
        return json(409, body);
      }
      case 'GET /api/fleet/couriers':
        // the couriers home card reads the totals only (all, and on duty now)
        expectBearer(request.headers()['authorization']);
        return json(200, { items: [], total: url.searchParams.get('onDuty') === 'true' ? 4 : 25 });
      case 'GET /api/governance/proposals':
        // the member's home card reads the totals only (open now, opening later)
        expectBearer(request.headers()['authorization']);
        return json(200, { items: [], total: url.searchParams.get('filter') === 'open' ? 2 : 1 });
      case 'GET /api/licence':
        return json(200, licence);
      case 'GET /api/compliance':
        return json(200, licence.standing);
      case 'PATCH /api/auth/me': {
        // switching language while signed in saves it to the account
        expectBearer(request.headers()['authorization']);
        const { locale } = request.postDataJSON() as UpdateMeRequest;
        return json(200, { principal: { ...session.principal, locale }, memberships: session.memberships });
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

/** The accessible text of the focused element when it shows a keyboard focus ring (:focus-visible), else null. */
async function focusVisible(p: Page): Promise<string | null> {
  return p.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || !el.matches(':focus-visible')) return null;
    const style = getComputedStyle(el);
    const ring = parseFloat(style.outlineWidth) >= 2 && style.outlineStyle !== 'none';
    return ring ? (el.innerText || el.getAttribute('aria-label') || '').trim() : null;
  });
}

describe('mocked sign-in → home → People on desktop', () => {
  let browser: E2eBrowser;
  let p: Page;
  const calls: string[] = [];
  const urls: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser({ viewport: 'desktop' });
    p = await browser.newPage();
    await mockApi(p, calls, urls);
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
    // the coop admin's cards: standing and licence, people counts from the API's totals
    const standing = p.getByRole('article', { name: 'Standing and licence' });
    await standing.getByText('Licensed').waitFor();
    await standing.getByText('until 1 Jan 2027').waitFor();
    const people = p.getByRole('article', { name: 'People' });
    await people.getByText('120').waitFor();
    expect(await people.locator('dd').allInnerTexts()).toEqual(['120', '1']);
    // a member's card: the proposals open to a vote now and those opening later, from the API's totals
    const proposals = p.getByRole('article', { name: 'Proposals to vote on' });
    await proposals.getByText('2', { exact: true }).waitFor();
    expect(await proposals.locator('dd').allInnerTexts()).toEqual(['2', '1']);
    expect(await p.title()).toBe('Home · Federacycle');
    // keyboard focus is visible: tab to the first card's link
    await p.getByRole('link', { name: 'See the licence' }).focus();
    await p.keyboard.press('Shift+Tab');
    await p.keyboard.press('Tab');
    expect(await focusVisible(p)).toBe('See the licence');
    await screenshot(p, 'home-desktop-en');
  });

  it('lists members and pending invitations on the People page', async () => {
    await p.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'People' }).click();
    await p.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    await p.getByRole('cell', { name: 'Bram de Vries', exact: true }).waitFor();
    const members = p.getByRole('table', { name: 'Members' });
    // the header and the first page of 50
    expect(await members.getByRole('row').count()).toBe(51);
    expect(await p.getByText('dani@example.org').isVisible()).toBe(true);
    expect(await p.title()).toBe('People · Federacycle');
    expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
    await screenshot(p, 'people-desktop-en');
  });

  it('pages through the 120 members with the API’s limit and offset', async () => {
    const pages = p.getByRole('navigation', { name: 'Pages of Members' });
    await pages.getByText('1–50 of 120').waitFor();
    expect(await pages.getByRole('button', { name: 'Previous' }).isDisabled()).toBe(true);
    await pages.getByRole('button', { name: 'Next' }).click();
    await pages.getByText('51–100 of 120').waitFor();
    await p.getByRole('cell', { name: 'Rider 051', exact: true }).waitFor();
    expect(urls).toContain('GET /api/members?limit=50&offset=50');
    await pages.getByRole('button', { name: 'Next' }).click();
    await pages.getByText('101–120 of 120').waitFor();
    const members = p.getByRole('table', { name: 'Members' });
    expect(await members.getByRole('row').count()).toBe(21);
    expect(await pages.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);

    // a bigger page keeps the first item of the page in view (item 101 → page 2 of 100)
    await pages.getByLabel('Rows per page').selectOption('100');
    await pages.getByText('101–120 of 120').waitFor();
    expect(urls).toContain('GET /api/members?limit=100&offset=100');
    await pages.getByRole('button', { name: 'Previous' }).click();
    await pages.getByText('1–100 of 120').waitFor();
    expect(await members.getByRole('row').count()).toBe(101);

    // keyboard: from the page size, Tab skips the disabled Previous and lands on Next, with a visible ring
    await pages.getByLabel('Rows per page').focus();
    await p.keyboard.press('Tab');
    expect(await focusVisible(p)).toBe('Next ›');
    await pages.getByLabel('Rows per page').selectOption('50');
    await pages.getByText('1–50 of 120').waitFor();

    // the last page, its paginator in view with the keyboard on Previous
    await pages.getByRole('button', { name: 'Next' }).click();
    await pages.getByText('51–100 of 120').waitFor();
    await pages.getByRole('button', { name: 'Next' }).click();
    await pages.getByText('101–120 of 120').waitFor();
    await pages.getByLabel('Rows per page').focus();
    await p.keyboard.press('Tab');
    expect(await focusVisible(p)).toBe('‹ Previous');
    await screenshot(p, 'people-paged-desktop-en', { fullPage: false });
    await pages.getByRole('button', { name: 'Previous' }).click();
    await pages.getByText('51–100 of 120').waitFor();
    await pages.getByRole('button', { name: 'Previous' }).click();
    await pages.getByText('1–50 of 120').waitFor();
  });

  it('explains why one cannot disable oneself, in the server’s terms', async () => {
    await p.getByRole('row').filter({ hasText: 'ada@velo-lyon.coop' }).getByRole('button', { name: 'Disable' }).click();
    await p.getByText('You cannot disable your own membership: ask another coop admin.').waitFor();
    expect(await p.getByText('This already exists or was changed meanwhile.').count()).toBe(0);
  });

  it('invites someone and shows the new pending invitation', async () => {
    await p.getByLabel('Email').fill('eve@example.org');
    await p.getByRole('button', { name: 'Send the invitation' }).click();
    await p.getByText('Invitation sent to eve@example.org.').waitFor();
    const invitations = p.getByRole('table', { name: 'Invitations' });
    await invitations.getByRole('row').filter({ hasText: 'eve@example.org' }).waitFor();
    expect(await invitations.getByRole('row').filter({ hasText: 'eve@example.org' }).count()).toBe(1);
    expect(calls).toContain('POST /api/invitations');
    // the form is ready for the next invitation: empty email, default role, no error shown
    expect(await p.getByLabel('Email').inputValue()).toBe('');
    expect(await p.locator('fc-invite-form mat-select').innerText()).toContain('Member');
    expect(await p.locator('fc-invite-form mat-error').count()).toBe(0);
    await screenshot(p, 'people-invited-desktop-en');
  });

  it('says so when a re-invite replaces the pending invitation, and keeps one row', async () => {
    await p.getByLabel('Email').fill('eve@example.org');
    await p.getByRole('button', { name: 'Send the invitation' }).click();
    await p
      .getByText('New invitation sent to eve@example.org; it replaces the earlier one, whose link no longer works.')
      .waitFor();
    const invitations = p.getByRole('table', { name: 'Invitations' });
    expect(await invitations.getByRole('row').filter({ hasText: 'eve@example.org' }).count()).toBe(1);
  });

  it('opens the change-roles dialog in French', async () => {
    await p.getByRole('radio', { name: 'Français' }).click();
    await p.getByRole('button', { name: 'Modifier les rôles de Bram de Vries' }).click();
    expect(calls).toContain('PATCH /api/auth/me');
    await p.getByRole('dialog').getByText('Dispatcheur·euse').waitFor();
    expect(await p.locator('fc-invite-form mat-select').innerText()).toContain('Sociétaire');
    await screenshot(p, 'people-dialog-desktop-fr');
    await p.getByRole('button', { name: 'Annuler' }).click();
    await p.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('routes pages not built yet to a translated placeholder', async () => {
    // Orders (the storefront issue) is the one page still to come
    await p.getByRole('navigation').getByRole('link', { name: 'Commandes' }).click();
    await p.getByRole('heading', { name: 'Commandes : bientôt disponible' }).waitFor();
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
    await p.getByRole('article', { name: 'Situation et licence' }).getByText('Sous licence').waitFor();
    await p.getByRole('article', { name: 'Personnes' }).getByText('120').waitFor();
    expect(await p.title()).toBe('Accueil · Federacycle');
    expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
    await p.getByRole('link', { name: 'Gérer les personnes' }).focus();
    await p.keyboard.press('Shift+Tab');
    await p.keyboard.press('Tab');
    expect(await focusVisible(p)).toBe('Gérer les personnes');
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
    // phones get cards, not a table, and the same paginator
    expect(await p.locator('table').count()).toBe(0);
    await p.getByRole('heading', { name: 'Membres', level: 2 }).scrollIntoViewIfNeeded();
    await screenshot(p, 'people-cards-phone-fr', { fullPage: false });
    const pages = p.getByRole('navigation', { name: 'Pages : Membres' });
    await pages.getByText('1–50 sur 120').waitFor();
    await pages.getByRole('button', { name: 'Suivant' }).click();
    await pages.getByText('51–100 sur 120').waitFor();
    await p.getByRole('heading', { name: 'Rider 051', level: 3 }).waitFor();
    expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
    await screenshot(p, 'people-phone-fr');
    await pages.getByLabel('Lignes par page').focus();
    await p.keyboard.press('Tab');
    expect(await focusVisible(p)).toBe('‹ Précédent');
    await screenshot(p, 'people-paginator-phone-fr', { fullPage: false });
  });
});
