/**
 * REAL journey (no mocks): a recipient on a French phone opens the tracking link of a seeded
 * delivery under way (no sign-in): the timeline, the window or ETA and the courier's first name;
 * the link of a delivery completed says it was delivered. A link that names no delivery says so.
 */
import { launchBrowser, type E2eBrowser } from './support/browser';
import { urlOf } from './support/env';
import { horizontalOverflow, screenshot } from './support/screenshot';

const UNDER_WAY = process.env['E2E_TRACKING_UNDER_WAY'] ?? '';
const DELIVERED = process.env['E2E_TRACKING_DELIVERED'] ?? '';

describe('the recipient’s tracking page through the real API', () => {
  let phone: E2eBrowser;

  beforeAll(async () => {
    phone = await launchBrowser({ viewport: 'phone', locale: 'fr-FR' });
  });
  afterAll(async () => {
    await phone?.close();
  });

  it('shows a delivery under way in French: timeline, ETA and the courier’s first name, nothing to sign in to', async () => {
    expect(UNDER_WAY).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const page = await phone.newPage();
    await page.goto(urlOf(`/track/${UNDER_WAY}`));
    await page.getByRole('heading', { name: 'Votre livraison', level: 1 }).waitFor();
    await page.getByText('Une livraison de Coursiers Lyonnais', { exact: false }).waitFor();
    await page.locator('[data-tracking=state]').getByText('En cours').waitFor();
    const timeline = page.locator('[data-tracking=timeline] li');
    expect(await timeline.count()).toBe(5);
    await timeline.nth(2).getByText('Colis récupéré').waitFor();
    expect(await timeline.nth(2).getAttribute('class')).toContain('done');
    expect(await timeline.nth(4).getByText('Pas encore').count()).toBe(1);
    await page
      .locator('[data-tracking=eta]')
      .getByText(/Arrivée prévue/)
      .waitFor();
    const courier = await page.locator('[data-tracking=courier]').innerText();
    // a first name only: one word before "est en route"
    expect(courier).toMatch(/^\s*\S+ est en route/);
    expect(await page.getByRole('link', { name: /connexion|sign in/i }).count()).toBe(0);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'real-tracking-under-way-phone-fr');
  });

  it('shows a completed delivery as delivered, and an unknown link as not found', async () => {
    expect(DELIVERED).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const page = await phone.newPage();
    await page.goto(urlOf(`/track/${DELIVERED}`));
    await page.locator('[data-tracking=state]').getByText('Livrée').waitFor();
    const last = page.locator('[data-tracking=timeline] li').last();
    await last.getByText('Livré').waitFor();
    expect(await last.getAttribute('class')).toContain('done');
    expect(await page.locator('[data-tracking=courier]').count()).toBe(0);
    await screenshot(page, 'real-tracking-delivered-phone-fr');

    await page.goto(urlOf(`/track/${'x'.repeat(43)}`));
    await page.getByRole('alert').getByText('Aucune livraison n’a ce lien de suivi', { exact: false }).waitFor();
    await screenshot(page, 'real-tracking-unknown-phone-fr');
  });
});
