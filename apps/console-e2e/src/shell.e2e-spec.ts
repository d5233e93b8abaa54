import type { Page } from 'playwright-core';
import { launchBrowser, type E2eBrowser, type ViewportName } from './support/browser';
import { urlOf } from './support/env';
import { horizontalOverflow, screenshot } from './support/screenshot';

async function htmlLang(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

describe.each<ViewportName>(['desktop', 'phone'])('signed-out shell on %s', (viewport) => {
  let browser: E2eBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser({ viewport, locale: 'en-GB' });
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('sends a signed-out visitor from / to the English sign-in page', async () => {
    await page.goto(urlOf('/'));
    await page.waitForURL(/\/sign-in(\?|$)/);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    expect(await htmlLang(page)).toBe('en');
    // each page sets its own title
    expect(await page.title()).toBe('Sign in · Federacycle');
    expect(await page.getByRole('link', { name: 'Federacycle' }).isVisible()).toBe(true);
    expect(await page.getByLabel('Email').isVisible()).toBe(true);
    expect(await page.getByLabel('Password').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Forgot your password?' }).isVisible()).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, `sign-in-${viewport}-en`);
  });

  it('shows translated field errors when submitting an empty form', async () => {
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('This field is required.').first().waitFor();
    expect(await page.getByText('This field is required.').count()).toBe(2);
  });

  it('switches to French at run time from the header, and remembers it', async () => {
    await page.getByRole('radio', { name: 'Français' }).click();
    await page.getByRole('heading', { name: 'Se connecter' }).waitFor();

    expect(await htmlLang(page)).toBe('fr');
    expect(await page.getByLabel('E-mail').isVisible()).toBe(true);
    expect(await page.getByLabel('Mot de passe').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Mot de passe oublié ?' }).isVisible()).toBe(true);
    // the errors already shown are re-rendered in French too
    expect(await page.getByText('Ce champ est obligatoire.').count()).toBe(2);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, `sign-in-${viewport}-fr`);

    await page.reload();
    await page.getByRole('heading', { name: 'Se connecter' }).waitFor();
    expect(await htmlLang(page)).toBe('fr');
  });

  it('shows the forgot-password page in French, then English again', async () => {
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await page.getByRole('heading', { name: 'Mot de passe oublié' }).waitFor();
    await screenshot(page, `forgot-password-${viewport}-fr`);

    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Forgot password' }).waitFor();
    expect(await htmlLang(page)).toBe('en');
  });
});
