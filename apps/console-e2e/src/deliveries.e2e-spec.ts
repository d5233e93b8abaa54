/**
 * REAL journey (no mocks): the seeded Lyon dispatcher creates deliveries from the Deliveries page
 * (a window that closes before it opens is refused with a message, then fixed), and finds them in
 * the list; a 1→2 delivery with a recipient email; the seeded day is searched (state, address),
 * a delivery opened with its tasks and history, the filtered list downloaded as CSV; on a phone
 * in French the list reads as cards. A coop admin reads the list without the form.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchBrowser, type E2eBrowser } from './support/browser';
import { urlOf } from './support/env';
import { DEMO_PASSWORD, signIn } from './support/real-stack';
import { horizontalOverflow, screenshot } from './support/screenshot';

const DISPATCHER = 'dispatcher@lyon.demo';
const ADMIN = 'admin@lyon.demo';
const REF = `E2E-${Date.now().toString(36).toUpperCase()}`;
const MULTI_REF = `MULTI-${Date.now().toString(36).toUpperCase()}`;

/** `datetime-local` value, `hours` from now, in the browser's zone (the test runs in the same one). */
function localIn(hours: number): string {
  const d = new Date(Date.now() + hours * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

async function fillStop(
  page: Page,
  index: number,
  stop: { address: string; lat: string; lng: string; after?: string; before?: string; phone?: string },
) {
  const fieldset = page.locator('fc-delivery-form fieldset').nth(index);
  await fieldset.locator('input[formcontrolname=address]').fill(stop.address);
  await fieldset.locator('input[formcontrolname=lat]').fill(stop.lat);
  await fieldset.locator('input[formcontrolname=lng]').fill(stop.lng);
  if (stop.after) await fieldset.locator('input[formcontrolname=after]').fill(stop.after);
  if (stop.before) await fieldset.locator('input[formcontrolname=before]').fill(stop.before);
  if (stop.phone) await fieldset.locator('input[formcontrolname=contactPhone]').fill(stop.phone);
}

describe('deliveries through the real API', () => {
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

  it('a dispatcher creates a delivery; a window closing before it opens is refused with a message', async () => {
    const page = await desktop.newPage();
    await signIn(page, DISPATCHER, DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Deliveries' }).first().click();
    await page.getByRole('heading', { name: 'Deliveries', level: 1 }).waitFor();
    expect(await page.title()).toBe('Deliveries · Federacycle');
    await screenshot(page, 'real-deliveries-empty-desktop-en');

    await page.locator('fc-delivery-form input[formcontrolname=reference]').fill(REF);
    await fillStop(page, 0, {
      address: 'Boulangerie du Palais, 3 rue Mercière, 69002 Lyon',
      lat: '45.7625',
      lng: '4.8339',
      after: localIn(2),
      before: localIn(1),
      phone: '+33 6 12 34 56 78',
    });
    await fillStop(page, 1, {
      address: '10 cours Vitton, 69006 Lyon',
      lat: '45.7699',
      lng: '4.8531',
      before: localIn(3),
    });
    await page.getByRole('button', { name: 'Create delivery' }).click();
    await page.getByRole('alert').filter({ hasText: 'must close after it opens' }).waitFor();
    await screenshot(page, 'real-deliveries-window-refused-desktop-en');

    await page.locator('fc-delivery-form fieldset').nth(0).locator('input[formcontrolname=after]').fill(localIn(0.5));
    await page.getByRole('button', { name: 'Create delivery' }).click();
    await page.getByText(`Delivery ${REF} created.`).waitFor();
    const row = page.locator('[data-list=deliveries]').getByText(REF);
    await row.waitFor();
    await page.locator('[data-list=deliveries]').getByText('Open').first().waitFor();
    // a second one without a reference
    await fillStop(page, 0, { address: 'Halles Paul Bocuse, 102 cours Lafayette', lat: '45.7631', lng: '4.8506' });
    await fillStop(page, 1, { address: 'Place Bellecour, 69002 Lyon', lat: '45.7578', lng: '4.832' });
    await page.getByRole('button', { name: 'Create delivery' }).click();
    await page.getByText('Delivery created.').waitFor();
    await page.locator('[data-list=deliveries]').getByText('Place Bellecour', { exact: false }).first().waitFor();
    await page.getByRole('button', { name: 'Create delivery' }).focus();
    const overflow = await page.evaluate(() => {
      const content = document.querySelector('mat-sidenav-content') ?? document.documentElement;
      const wide = Array.from(content.querySelectorAll('*'))
        .filter((e) => e.getBoundingClientRect().right > content.getBoundingClientRect().right + 1)
        .slice(0, 5)
        .map(
          (e) =>
            `${e.tagName.toLowerCase()}.${(e as HTMLElement).className} ${Math.round(e.getBoundingClientRect().right)}`,
        );
      return { scroll: content.scrollWidth - content.clientWidth, left: content.scrollLeft, wide };
    });
    expect(overflow).toEqual({ scroll: 0, left: 0, wide: [] });
    await screenshot(page, 'real-deliveries-created-desktop-en');
  });

  it('a dispatcher creates a delivery to two dropoffs with a recipient email', async () => {
    // the dispatcher signed in above: this browser keeps the session
    const page = await desktop.newPage();
    await page.goto(urlOf('/deliveries'));
    await page.getByRole('heading', { name: 'Deliveries', level: 1 }).waitFor();
    await page.locator('fc-delivery-form input[formcontrolname=reference]').fill(`${MULTI_REF}`);
    await page.getByRole('button', { name: 'Add a dropoff' }).click();
    // several dropoffs: a second pickup is not offered
    expect(await page.getByRole('button', { name: 'Add a pickup' }).isDisabled()).toBe(true);
    await fillStop(page, 0, { address: 'Boulangerie, 3 rue Mercière, 69002 Lyon', lat: '45.7625', lng: '4.8339' });
    await fillStop(page, 1, { address: '10 cours Vitton, 69006 Lyon', lat: '45.7699', lng: '4.8531' });
    await fillStop(page, 2, { address: '5 place Sathonay, 69001 Lyon', lat: '45.7686', lng: '4.8307' });
    await page.locator('[data-stop=dropoff-0] input[formcontrolname=contactEmail]').fill('zoe@example.fr');
    await screenshot(page, 'real-deliveries-multi-stop-desktop-en');
    await page.getByRole('button', { name: 'Create delivery' }).click();
    await page.getByText(`Delivery ${MULTI_REF} created.`).waitFor();
    await page.locator('[data-list=deliveries]').getByText('1 pickup(s), 2 dropoff(s)').first().waitFor();
  });

  it('searches the seeded day, opens a delivery with its history and downloads the filtered list as CSV', async () => {
    // the dispatcher signed in above: this browser keeps the session
    const page = await desktop.newPage();
    await page.goto(urlOf('/deliveries'));
    await page.getByRole('heading', { name: 'Deliveries', level: 1 }).waitFor();
    // state: failed (the seed has 8)
    await page.getByRole('combobox', { name: 'State' }).click();
    await page.getByRole('option', { name: 'Failed' }).click();
    await page.locator('[data-list=deliveries]').getByText('LY-', { exact: false }).first().waitFor();
    const failedRows = await page.locator('[data-list=deliveries]').getByText('Failed', { exact: true }).count();
    expect(failedRows).toBe(8);
    // an address piece narrows it further
    await page.getByRole('searchbox', { name: 'Address contains' }).fill('Vitton');
    await page.getByRole('searchbox', { name: 'Address contains' }).press('Enter');
    await page.getByRole('searchbox', { name: 'Address contains' }).blur();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-list=deliveries] a[href^="/deliveries/"]').length < 8,
    );
    await screenshot(page, 'real-deliveries-search-desktop-en');

    const download = page.waitForEvent('download');
    await page.locator('[data-action=export]').click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8').replace(/^\ufeff/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'id,reference,state,created_at,merchant,courier,pickups,dropoffs,from,to,window_after,window_before',
    );
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line).toContain(',failed,');

    await page.locator('[data-list=deliveries] a[href^="/deliveries/"]').first().click();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    const history = page.locator('[data-list=history] li');
    // created ×2, assigned ×2, pickup started and done, dropoff started and failed
    expect(await history.count()).toBe(8);
    await history.getByText('Failed', { exact: true }).waitFor();
    await page.getByText('Courier app').first().waitFor();
    await screenshot(page, 'real-delivery-detail-desktop-en');
  });

  it('on a phone in French the dispatcher reads the list as cards and the form fits', async () => {
    const page = await phone.newPage();
    await signIn(page, DISPATCHER, DEMO_PASSWORD);
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    const menu = page.getByRole('button', { name: /menu/i });
    if (await menu.count()) await menu.first().click();
    await page.getByRole('link', { name: 'Livraisons' }).first().click();
    await page.getByRole('heading', { name: 'Livraisons', level: 1 }).waitFor();
    await page.locator('[data-list=deliveries]').getByText(REF).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'real-deliveries-phone-fr');
    await page.locator('[data-list=deliveries]').scrollIntoViewIfNeeded();
    await screenshot(page, 'real-deliveries-list-phone-fr', { fullPage: false });
  });

  it('a coop admin reads the deliveries without the form', async () => {
    // a browser of its own: the dispatcher's refresh cookie lives in the first one
    const adminBrowser = await launchBrowser({ viewport: 'desktop', locale: 'en-GB' });
    const page = await adminBrowser.newPage();
    await signIn(page, ADMIN, DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Deliveries' }).first().click();
    await page.locator('[data-list=deliveries]').getByText(REF).waitFor();
    expect(await page.locator('fc-delivery-form').count()).toBe(0);
    await adminBrowser.close();
  });
});
