/**
 * REAL journey (no mocks): the seeded Lyon admin registers a partner client, sees its API key and
 * OAuth2 secret once (with the warning), the key works against the partner API from the test, the
 * admin revokes the client (after confirming) and the same key is refused at once. Desktop in
 * English; on a phone in French the page and the one-time dialog fit the screen.
 */
import type { Page } from 'playwright-core';
import { launchBrowser, type E2eBrowser } from './support/browser';
import { urlOf } from './support/env';
import { DEMO_PASSWORD, signIn } from './support/real-stack';
import { horizontalOverflow, screenshot } from './support/screenshot';

const ADMIN = 'admin@lyon.demo';

async function signInAs(page: Page, email: string): Promise<void> {
  await signIn(page, email, DEMO_PASSWORD);
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** GET /api/partner/v1/me with an API key, from the test (as a partner's server would). */
async function me(key: string): Promise<{ status: number; body: { name?: string; code?: string } }> {
  const res = await fetch(urlOf('/api/partner/v1/me'), { headers: { 'X-Api-Key': key } });
  return { status: res.status, body: (await res.json()) as { name?: string; code?: string } };
}

/** Fills and sends the registration form; answers the API key the one-time dialog shows. */
async function register(page: Page, name: string, createLabel: string): Promise<string> {
  await page.locator('[data-form=partner] [data-field=name]').fill(name);
  await page.locator('[data-form=partner] [data-field=store]').click();
  await page.getByRole('option', { name: 'Épicerie des Pentes' }).click();
  await page.locator('[data-scope=webhooks] input').check();
  await page.getByRole('button', { name: createLabel }).click();
  const key = page.locator('[data-secret="partners.apiKey"]');
  await key.waitFor();
  await page.locator('[data-secret="partners.oauthSecret"]').waitFor();
  return (await key.textContent())?.trim() ?? '';
}

describe('partner clients: register, key shown once, revoke (real API)', () => {
  let desktop: E2eBrowser;
  let phone: E2eBrowser;

  beforeAll(async () => {
    desktop = await launchBrowser({ viewport: 'desktop', locale: 'en-GB' });
    phone = await launchBrowser({ viewport: 'phone', locale: 'fr-FR' });
  });
  afterAll(async () => {
    await desktop?.close();
    await phone?.close();
  });

  it('an admin registers a client, copies its key once, the key works, then revocation refuses it (desktop, English)', async () => {
    const page = await desktop.newPage();
    await signInAs(page, ADMIN);
    await page.getByRole('link', { name: 'Partner clients' }).first().click();
    await page.getByRole('heading', { name: 'Partner clients', level: 1 }).waitFor();
    await page.locator('[data-url=native]').getByText('/api/partner/v1').waitFor();
    await page.locator('[data-url=coopcycle]').getByText('/coopcycle/lyon').waitFor();
    expect(await page.locator('[data-link=api-docs]').getAttribute('href')).toBe('/api/docs');
    // the seeded demo client is listed with its key prefix, never its key
    await page.locator('[data-list=partners]').getByText('Épicerie des Pentes (WooCommerce)').first().waitFor();
    await screenshot(page, 'real-partners-desktop-en');

    const name = `Journey shop ${Date.now()}`;
    const key = await register(page, name, 'Register and create credentials');
    expect(key).toMatch(/^fcp_live_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    await page.getByText('you won’t see the key or the secret again').waitFor();
    await page.getByRole('button', { name: 'Copy the API key' }).focus();
    await screenshot(page, 'real-partners-key-once-en', { fullPage: false });
    await page.getByRole('button', { name: 'I have saved them' }).click();

    const before = await me(key);
    expect([before.status, before.body.name]).toEqual([200, name]);
    // the list shows the prefix only
    const row = page.locator('[data-list=partners]').getByText(name).first();
    await row.waitFor();
    expect(await page.locator('[data-list=partners]').textContent()).not.toContain(key);

    await page.getByRole('button', { name: `Manage ${name}` }).click();
    await page.locator('[data-action=revoke]').click();
    await page.getByText(`Revoke ${name}?`).waitFor();
    await screenshot(page, 'real-partners-revoke-confirm-en', { fullPage: false });
    await page.locator('mat-dialog-container [data-action=confirm]').click();
    await page.getByText(`${name} is revoked`).waitFor();
    const after = await me(key);
    expect([after.status, after.body.code]).toEqual([401, 'PARTNER_CREDENTIALS_INVALID']);
  });

  it('on a phone in French: the page and the one-time dialog fit the screen', async () => {
    const page = await phone.newPage();
    await signInAs(page, ADMIN);
    await page.goto(urlOf('/partners'));
    await page.getByRole('heading', { name: 'Clients partenaires', level: 1 }).waitFor();
    await page.locator('[data-list=partners]').getByText('Épicerie des Pentes (WooCommerce)').first().waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'real-partners-phone-fr');
    const key = await register(page, `Boutique mobile ${Date.now()}`, 'Enregistrer et créer les identifiants');
    await page.getByText('vous ne reverrez ni la clé ni le secret').waitFor();
    await screenshot(page, 'real-partners-key-once-phone-fr', { fullPage: false });
    expect((await me(key)).status).toBe(200);
    await page.getByRole('button', { name: 'Je les ai enregistrés' }).click();
  });
});
