/**
 * MOCKED journey: a new person opens an invitation link on a phone, in French, chooses
 * a name and password and lands on the home page. /api is fulfilled by page.route().
 */
import type { AcceptInvitationRequest, InvitationPreview, SessionResponse } from '@federacycle/contracts';
import type { Page, Route } from 'playwright-core';
import { launchBrowser, type E2eBrowser } from './support/browser';
import { urlOf } from './support/env';
import { horizontalOverflow, screenshot } from './support/screenshot';

const preview: InvitationPreview = {
  coopName: 'Vélo Lyon',
  email: 'eve@example.org',
  roles: ['courier', 'member'],
  existingUser: false,
};

function sessionFor(name: string): SessionResponse {
  return {
    accessToken: 'eve-access',
    refreshToken: 'eve-refresh',
    expiresIn: 900,
    principal: {
      userId: 'u-eve',
      email: preview.email,
      name,
      coopId: 'c-1',
      roles: preview.roles,
      platformRoles: [],
      sessionId: 's-eve',
      merchantIds: [],
      locale: null,
    },
    memberships: [{ coopId: 'c-1', coopSlug: 'velo-lyon', coopName: preview.coopName, roles: preview.roles }],
  };
}

describe('mocked invitation acceptance on a phone, in French', () => {
  let browser: E2eBrowser;
  let p: Page;
  let accepted: AcceptInvitationRequest | null = null;

  beforeAll(async () => {
    browser = await launchBrowser({ viewport: 'phone', locale: 'fr-FR' });
    p = await browser.newPage();
    await p.route('**/api/**', async (route: Route) => {
      const request = route.request();
      const key = `${request.method()} ${new URL(request.url()).pathname}`;
      const json = (status: number, body: unknown): Promise<void> =>
        route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
      if (key === 'GET /api/invitations/by-token/tok-123') return json(200, preview);
      if (key === 'GET /api/invitations/by-token/tok-old') {
        return json(410, { statusCode: 410, code: 'LINK_EXPIRED', message: 'expired' });
      }
      if (key === 'POST /api/invitations/by-token/tok-123/accept') {
        accepted = request.postDataJSON() as AcceptInvitationRequest;
        return json(200, sessionFor(accepted.name ?? ''));
      }
      return json(404, { statusCode: 404, code: 'ROUTE_NOT_FOUND', message: key });
    });
  });

  afterAll(async () => {
    await browser.close();
  });

  it('explains an expired link', async () => {
    await p.goto(urlOf('/invitations/accept?token=tok-old'));
    await p.getByRole('alert').getByText('Ce lien a expiré. Demandez-en un nouveau.').waitFor();
  });

  it('shows the coop and roles, checks the password, and signs the new member in', async () => {
    await p.goto(urlOf('/invitations/accept?token=tok-123'));
    await p.getByText('Vélo Lyon invite eve@example.org à la rejoindre avec ces rôles :').waitFor();
    expect(await p.getByText('Coursier·ère').isVisible()).toBe(true);

    await p.getByLabel('Nom complet').fill('Eve Moreau');
    await p.getByLabel('Mot de passe', { exact: true }).fill('court');
    await p.getByLabel('Confirmer le mot de passe').fill('autre');
    await p.getByRole('button', { name: 'Accepter l’invitation' }).click();
    await p.getByText('Au moins 10 caractères.').first().waitFor();
    expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
    await screenshot(p, 'accept-invitation-phone-fr');

    await p.getByLabel('Mot de passe', { exact: true }).fill('une phrase assez longue');
    await p.getByLabel('Confirmer le mot de passe').fill('une phrase assez longue');
    await p.getByRole('button', { name: 'Accepter l’invitation' }).click();
    await p.getByRole('heading', { name: 'Bonjour, Eve Moreau' }).waitFor();
    expect(accepted).toEqual({ name: 'Eve Moreau', password: 'une phrase assez longue' });
  });
});
