/**
 * REAL journey (no mocks): the seeded stack's Lyon coop admin creates a merchant with opening
 * hours (the editor's plain-language preview answers), assigns the demo merchant staff member to
 * it, and builds its menu: a category and a product with an option group. The staff member then
 * signs in on a phone, in French, and marks the product out of stock in two taps from the home
 * page. Screenshots: desktop EN and phone FR, and the other way round for the lists.
 */
import type { Page } from 'playwright-core';
import { launchBrowser, type E2eBrowser } from './support/browser';
import { urlOf } from './support/env';
import { DEMO_PASSWORD, signIn } from './support/real-stack';
import { horizontalOverflow, screenshot } from './support/screenshot';

const ADMIN = 'admin@lyon.demo';
const STAFF = 'merchant@lyon.demo';
const MERCHANT = `Chez Mado ${Date.now().toString(36)}`;
const PRODUCT = 'Quenelle de brochet';

async function openNav(page: Page): Promise<void> {
  const menu = page.getByRole('button', { name: /menu/i });
  if ((await menu.count()) > 0 && (await menu.first().isVisible())) await menu.first().click();
}

describe('merchants and menus through the real API', () => {
  let admin: E2eBrowser;
  let staff: E2eBrowser;
  let merchantUrl = '';

  beforeAll(async () => {
    admin = await launchBrowser({ viewport: 'desktop', locale: 'en-GB' });
    staff = await launchBrowser({ viewport: 'phone', locale: 'fr-FR' });
  });

  afterAll(async () => {
    await admin?.close();
    await staff?.close();
  });

  it('the coop admin sees the seeded merchants and creates one with its hours', async () => {
    const page = await admin.newPage();
    await signIn(page, ADMIN, DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Merchants' }).first().click();
    await page.getByRole('heading', { name: 'Merchants', level: 1 }).waitFor();
    await page.getByText('Le Bouchon des Cordeliers').first().waitFor();
    await screenshot(page, 'real-merchants-list-desktop-en');

    await page.getByRole('link', { name: 'Add a merchant' }).click();
    await page.getByRole('heading', { name: 'New merchant', level: 1 }).waitFor();
    await page.locator('[data-field=name]').fill(MERCHANT);
    await page.locator('[data-field=line1]').fill('12 rue de la République');
    await page.locator('[data-field=postalCode]').fill('69002');
    await page.locator('[data-field=city]').fill('Lyon');
    await page.locator('[data-field=lat]').fill('45.7622');
    await page.locator('[data-field=lng]').fill('4.8357');
    const hours = page.locator('textarea[data-field=openingHours]');
    await hours.fill('Mo-Fx 11:30-14:30');
    // the preview names where the text stops making sense
    await page.getByTestId('hours-preview').getByRole('alert').waitFor();
    await hours.fill('Mo-Su 11:00-23:00; PH off');
    await page.getByTestId('hours-preview').locator('dl.week').waitFor();
    await screenshot(page, 'real-merchant-new-desktop-en');
    await page.getByRole('button', { name: 'Create the merchant' }).click();
    await page.getByRole('heading', { name: MERCHANT, level: 1 }).waitFor();
    merchantUrl = new URL(page.url()).pathname;
    expect(merchantUrl).toMatch(/^\/merchants\/[0-9a-f-]{36}$/);
    await page.getByTestId('merchant-state').waitFor();

    // a busy period: Friday and Saturday evenings take longer; saved, it comes back on a fresh load
    await page.getByRole('button', { name: 'Add a busy period' }).click();
    const busy = page.locator('[data-busy-row]').first();
    await busy.getByLabel('When (e.g. Fr,Sa 19:00-21:30)').fill('Fr,Sa 19:00-21:30');
    await busy.getByLabel('Preparation time (minutes)').fill('35');
    const busySaved = page.waitForResponse(
      (r) => /\/api\/merchants\/[0-9a-f-]{36}$/.test(r.url()) && r.request().method() === 'PATCH',
    );
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect((await busySaved).status()).toBe(200);
    await page.reload();
    await page.getByRole('heading', { name: MERCHANT, level: 1 }).waitFor();
    const reloaded = page.locator('[data-busy-row]').first();
    expect(await reloaded.getByLabel('When (e.g. Fr,Sa 19:00-21:30)').inputValue()).toBe('Fr,Sa 19:00-21:30');
    expect(await reloaded.getByLabel('Preparation time (minutes)').inputValue()).toBe('35');

    // the demo merchant staff member works here too
    // listen before the click: the PUT may answer before a listener set up after it would start
    const saved = page.waitForResponse(
      (r) => r.url().includes('/api/merchant-staff/') && r.request().method() === 'PUT',
    );
    await page.getByRole('checkbox', { name: /Merchant Staff Lyon/ }).check();
    await saved;
    await screenshot(page, 'real-merchant-detail-desktop-en');
  });

  it('the admin builds the menu: a category, a product with an option group', async () => {
    const page = await admin.newPage();
    await page.goto(urlOf(`${merchantUrl}/menu?mode=edit`));
    await page.getByRole('heading', { name: `Menu of ${MERCHANT}`, level: 1 }).waitFor();
    await page.locator('[data-field=newCategory]').fill('Plats');
    await page.getByRole('button', { name: 'Add the category' }).click();
    await page.getByRole('heading', { name: 'Plats', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Add a product' }).click();
    await page.locator('[data-field=productName]').fill(PRODUCT);
    await page.locator('[data-field=price]').fill('16.5');
    await page.getByRole('button', { name: 'Add an option group' }).click();
    await page.locator('[data-field=groupName]').fill('Sauce');
    await page.locator('[data-field=optionName]').first().fill('Nantua');
    await page.getByRole('button', { name: 'Add an option', exact: true }).click();
    await page.locator('[data-field=optionName]').nth(1).fill('Beurre blanc');
    await page.locator('[data-field=priceDelta]').nth(1).fill('1');
    await screenshot(page, 'real-menu-product-form-desktop-en');
    await page.getByRole('button', { name: 'Save the product' }).click();
    await page.getByTestId('product-row').filter({ hasText: PRODUCT }).waitFor();
    await page.getByText('1 option group(s)').waitFor();
    await screenshot(page, 'real-menu-edit-desktop-en');
  });

  it('the merchant’s staff member marks the product out of stock from a phone, in two taps', async () => {
    const page = await staff.newPage();
    await signIn(page, STAFF, DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Vos commerces' }).waitFor();
    const stock = page.getByRole('link', { name: `Stock de ${MERCHANT}` });
    await stock.waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'real-merchant-staff-home-phone-fr');
    await stock.click(); // tap 1
    await page.getByRole('heading', { name: `Menu de ${MERCHANT}`, level: 1 }).waitFor();
    const toggle = page.getByRole('switch', { name: `${PRODUCT} disponible` });
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    await toggle.click(); // tap 2
    await page.getByText(`${PRODUCT} est en rupture.`).waitFor();
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'real-menu-stock-phone-fr', { fullPage: false });

    // the API agrees; and another merchant of the coop is not theirs
    const answers = await page.evaluate(async (url) => {
      const token = sessionStorage.getItem('fc.accessToken') ?? '';
      const headers = { authorization: `Bearer ${token}` };
      const menu = await (await fetch(`/api${url}/menu`, { headers })).json();
      const list = await (await fetch('/api/merchants?limit=200', { headers })).json();
      return { menu, names: (list.items as Array<{ name: string }>).map((m) => m.name) };
    }, merchantUrl);
    expect(answers.menu.categories[0].products[0]).toMatchObject({ name: PRODUCT, available: false });
    expect(answers.names).toContain(MERCHANT);
    expect(answers.names).not.toContain('Thaï Brotteaux');
  });

  it('the lists and pages hold on a phone in French and on a desktop in English', async () => {
    const phone = await launchBrowser({ viewport: 'phone', locale: 'fr-FR' });
    try {
      const page = await phone.newPage();
      await signIn(page, ADMIN, DEMO_PASSWORD);
      await page.getByRole('heading', { name: /Bonjour/ }).waitFor();
      await openNav(page);
      await page.getByRole('link', { name: 'Commerçants' }).first().click();
      await page.getByRole('heading', { name: 'Commerçants', level: 1 }).waitFor();
      await page.getByText('Le Bouchon des Cordeliers').first().waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'real-merchants-list-phone-fr', { fullPage: false });
      await page.goto(urlOf(merchantUrl));
      await page.getByRole('heading', { name: MERCHANT, level: 1 }).waitFor();
      await page.getByTestId('hours-preview').locator('dl.week').waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'real-merchant-detail-phone-fr');
    } finally {
      await phone.close();
    }
    const desktop = await launchBrowser({ viewport: 'desktop', locale: 'en-GB' });
    try {
      const page = await desktop.newPage();
      await signIn(page, STAFF, DEMO_PASSWORD);
      await page.getByRole('heading', { name: 'Your merchants' }).waitFor();
      await page.getByRole('link', { name: `Stock of ${MERCHANT}` }).click();
      await page.getByRole('switch', { name: `${PRODUCT} available` }).waitFor();
      await page.getByRole('switch', { name: `${PRODUCT} available` }).focus();
      await screenshot(page, 'real-menu-stock-desktop-en');
    } finally {
      await desktop.close();
    }
  });
});
