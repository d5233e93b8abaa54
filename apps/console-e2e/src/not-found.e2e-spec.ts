import type { Page } from 'playwright-core';
import { launchBrowser, type E2eBrowser, type ViewportName } from './support/browser';
import { urlOf } from './support/env';
import { horizontalOverflow, screenshot } from './support/screenshot';

describe.each<ViewportName>(['desktop', 'phone'])('not-found page on %s', (viewport) => {
  let browser: E2eBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser({ viewport });
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('answers an unknown address with a translated not-found page', async () => {
    await page.goto(urlOf('/no/such/page'));
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await page.getByRole('link', { name: 'Go to the home page' }).isVisible()).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, `not-found-${viewport}-en`);

    await page.getByRole('radio', { name: 'Français' }).click();
    await page.getByRole('heading', { name: 'Page introuvable' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await screenshot(page, `not-found-${viewport}-fr`);
  });

  it('leads home, which asks a signed-out visitor to sign in', async () => {
    await page.getByRole('link', { name: 'Aller à l’accueil' }).click();
    await page.getByRole('heading', { name: 'Se connecter' }).waitFor();
    expect(page.url()).toContain('/sign-in');
  });
});
