/**
 * REAL journey (no mocks): the seeded stack's Lyon admin invites a dispatcher; the invitee
 * follows the emailed link (read from the development mail folder), sets a password, signs
 * in on a phone in French and sees only a dispatcher's navigation. Then the admin makes them a
 * coop admin: the dispatcher's open console takes the new roles at its next call, without
 * signing in again (the old token is refused as stale, refreshed, and the call replayed).
 */
import type { Page } from 'playwright-core';
import { launchBrowser, type E2eBrowser } from './support/browser';
import { urlOf } from './support/env';
import { DEMO_PASSWORD, INVITATION_LINK, mailLink, signIn } from './support/real-stack';
import { horizontalOverflow, screenshot } from './support/screenshot';

const ADMIN = 'admin@lyon.demo';
const INVITEE = `new.dispatcher.${Date.now()}@lyon.demo`;
const INVITEE_PASSWORD = 'a-long-dispatcher-password';

async function navPaths(page: Page): Promise<string[]> {
  const nav = page.locator('nav').first();
  await nav.locator('a').first().waitFor();
  return nav.locator('a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

describe('invite a dispatcher through the real API', () => {
  let admin: E2eBrowser;
  let invitee: E2eBrowser;
  /** the invitee's tab, signed in (its access token lives in this tab's session storage) */
  let inviteePage: Page;

  beforeAll(async () => {
    admin = await launchBrowser({ viewport: 'desktop', locale: 'en-GB' });
    invitee = await launchBrowser({ viewport: 'phone', locale: 'fr-FR' });
  });

  afterAll(async () => {
    await admin?.close();
    await invitee?.close();
  });

  it('the coop admin invites a dispatcher from the People page', async () => {
    const page = await admin.newPage();
    await signIn(page, ADMIN, DEMO_PASSWORD);
    await page.getByRole('link', { name: 'People' }).first().click();
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    await page.getByText('dispatcher@lyon.demo').first().waitFor();
    await page.locator('fc-invite-form input[formcontrolname=email]').fill(INVITEE);
    await page.locator('fc-invite-form mat-select').click();
    await page.getByRole('option', { name: 'Dispatcher' }).click();
    // the form preselects Member; a dispatcher-only invitation unticks it
    await page.getByRole('option', { name: 'Member' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await page.getByText(`Invitation sent to ${INVITEE}.`).waitFor();
    await screenshot(page, 'real-people-invited-desktop-en');
  });

  it('the invitee accepts in French on a phone, signs in, and sees only the dispatcher’s navigation', async () => {
    const page = await invitee.newPage();
    inviteePage = page;
    await page.goto(mailLink(INVITEE, INVITATION_LINK));
    await page.locator('input[formcontrolname=name]').fill('Nouvelle Dispatcheuse');
    await page.locator('input[formcontrolname=password]').fill(INVITEE_PASSWORD);
    await page.locator('input[formcontrolname=confirm]').fill(INVITEE_PASSWORD);
    await screenshot(page, 'real-accept-invitation-phone-fr');
    await page.locator('button[type=submit]').click();
    await page.getByRole('heading', { name: /Nouvelle Dispatcheuse/ }).waitFor();

    // sign out (on a phone the button sits in the navigation drawer), then sign in again
    const signOut = page.getByRole('button', { name: 'Se déconnecter' });
    if (!(await signOut.isVisible())) await page.getByRole('button', { name: /menu/i }).first().click();
    await signOut.click();
    await page.locator('input[formcontrolname=email]').waitFor();
    await signIn(page, INVITEE, INVITEE_PASSWORD);
    await page.getByRole('heading', { name: /Nouvelle Dispatcheuse/ }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');

    const menu = page.getByRole('button', { name: /menu/i });
    if (await menu.count()) await menu.first().click();
    const paths = await navPaths(page);
    // exactly what a dispatcher's ability allows: no People, Licence, Proposals or federation pages;
    // Pricing to read the rules and test quotes
    expect(paths).toEqual([
      '/',
      '/dispatch',
      '/deliveries',
      '/orders',
      '/merchants',
      '/zones',
      '/pricing',
      '/couriers',
    ]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'real-dispatcher-nav-phone-fr');

    // the API agrees with the navigation: the People list is refused to a dispatcher
    const status = await page.evaluate(async () => {
      const token = sessionStorage.getItem('fc.accessToken');
      const res = await fetch('/api/members', { headers: { authorization: `Bearer ${token ?? ''}` } });
      return res.status;
    });
    expect(status).toBe(403);
  });

  it('the admin makes the dispatcher a coop admin; the open console takes the new roles at its next call', async () => {
    // the admin's browser is still signed in from the first step (its refresh token is kept)
    const page = await admin.newPage();
    await page.goto(urlOf('/people'));
    await page.getByRole('button', { name: 'Change roles of Nouvelle Dispatcheuse' }).first().click();
    await page.getByRole('checkbox', { name: 'Coop admin' }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Roles of Nouvelle Dispatcheuse saved.').waitFor();

    const tokenOf = () => inviteePage.evaluate(() => sessionStorage.getItem('fc.accessToken'));
    const before = await tokenOf();
    await inviteePage.reload();
    await inviteePage.getByRole('heading', { name: /Nouvelle Dispatcheuse/ }).waitFor();
    const menu = inviteePage.getByRole('button', { name: /menu/i });
    if (await menu.count()) await menu.first().click();
    await inviteePage.getByRole('link', { name: 'Personnes' }).first().waitFor();
    expect(await navPaths(inviteePage)).toContain('/people');
    expect(await tokenOf()).not.toBe(before);
    await inviteePage.getByRole('link', { name: 'Personnes' }).first().click();
    await inviteePage.getByRole('heading', { name: 'Personnes', level: 1 }).waitFor();
    await inviteePage.getByText(ADMIN).first().waitFor();
    expect(await horizontalOverflow(inviteePage)).toBeLessThanOrEqual(0);
    await screenshot(inviteePage, 'real-promoted-people-phone-fr');
  });
});
