/**
 * REAL journey (no mocks): the seeded Lyon admin opens Pricing, sees the city's default rule set
 * and a quote priced by it (total with VAT, each rule matched or not and why); edits a rule and sees
 * the quote follow; types a condition the engine refuses and reads why under the field; moves the
 * dropoff out of the city and sees PRICE_NO_RULE with each rule's reason. Desktop in English, a
 * phone in French; a dispatcher tests quotes read-only.
 */
import type { Page } from 'playwright-core';
import { launchBrowser, type E2eBrowser } from './support/browser';
import { urlOf } from './support/env';
import { DEMO_PASSWORD, signIn } from './support/real-stack';
import { horizontalOverflow, screenshot } from './support/screenshot';

const ADMIN = 'admin@lyon.demo';
const DISPATCHER = 'dispatcher@lyon.demo';
// Vienne, ~27 km south of Lyon: beyond every per-km range of the demo rule set
const VIENNE = { lat: '45.525', lng: '4.874' };

async function signInAs(page: Page, email: string): Promise<void> {
  await signIn(page, email, DEMO_PASSWORD);
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

async function openPricing(page: Page, heading: string): Promise<void> {
  await page.goto(urlOf('/pricing'));
  await page
    .getByRole('heading', { name: heading, level: 1 })
    .waitFor({ timeout: 10000 })
    .catch(async (error: unknown) => {
      await screenshot(page, 'debug-pricing-open');
      throw error;
    });
  await page.locator('[data-list=rule-sets] [data-rule-set="Lyon city"]').waitFor();
  await page.locator('[data-form=rule-set] [data-rule="Base price"]').waitFor();
}

/** An amount as shown ("€7.61 incl. VAT", "7,61 € TTC") in cents. */
const cents = (shown: string) => Number(shown.replace(/[^\d]/g, ''));

/** The quote's total as shown (e.g. "€7.61 incl. VAT"). */
async function total(page: Page): Promise<string> {
  const text = page.locator('[data-quote=total] strong');
  await text.waitFor();
  return (await text.textContent())?.trim() ?? '';
}

/** A Tuesday late morning (11:00 in the browser's zone: 10:00 to 13:00 in Lyon on any machine): no evening or Sunday surcharge. */
async function setPickupTime(page: Page): Promise<void> {
  await page.locator('fc-quote-tester [data-field=when]').fill('2030-01-08T11:00');
}

async function setDropoff(page: Page, lat: string, lng: string): Promise<void> {
  const coordinates = page.locator('fc-quote-tester details.coordinates');
  if (!(await coordinates.evaluate((el) => (el as HTMLDetailsElement).open))) {
    await coordinates.locator('summary').click();
  }
  await page.locator('[data-coordinate=dropoff-lat]').fill(lat);
  await page.locator('[data-coordinate=dropoff-lat]').press('Tab');
  await page.locator('[data-coordinate=dropoff-lng]').fill(lng);
  await page.locator('[data-coordinate=dropoff-lng]').press('Tab');
}

describe('pricing: rule sets, the live quote tester, PRICE_NO_RULE (real API)', () => {
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

  it('a coop admin sees the city priced, edits a rule and the quote follows (desktop, English)', async () => {
    const page = await desktop.newPage();
    await signInAs(page, ADMIN);
    await page.getByRole('link', { name: 'Pricing' }).first().click();
    await openPricing(page, 'Pricing');
    await page.locator('[data-rule-set="Lyon city"]').getByText('Default').waitFor();
    await setPickupTime(page);
    await page.locator('[data-list=evaluated] [data-matched=false]').getByText('Evening or Sunday').waitFor();
    // the default quote: Bellecour (Presqu'île) to the Croix-Rousse, priced by the demo rules
    const before = await total(page);
    expect(before).toMatch(/^€\d+\.\d{2} incl\. VAT$/);
    const lines = page.locator('[data-list=lines] li');
    expect(await lines.allTextContents()).toEqual([
      expect.stringContaining('Base price'),
      expect.stringContaining('Distance'),
      expect.stringContaining('Presqu’île centre'),
    ]);
    await page.locator('[data-list=evaluated] [data-matched=false]').getByText('Cargo bike').waitFor();
    expect(await page.locator('[data-quote=total]').textContent()).toMatch(/VAT 20 %: €\d+\.\d{2}/);
    await screenshot(page, 'real-pricing-desktop-en');

    // edit a rule: the base price from €4.50 to €6.00, saved; the quote follows (+€1.50)
    const base = page.locator('[data-rule="Base price"]');
    await base.locator('[data-field=amount]').fill('6');
    await page.getByRole('button', { name: 'Save the rule set' }).click();
    await page.getByText('“Lyon city” saved.').waitFor();
    await page.waitForFunction(
      (expected) => {
        const text = document.querySelector('[data-quote=total] strong')?.textContent ?? '';
        return text.replace(/[^\d]/g, '') === String(expected);
      },
      cents(before) + 150,
    );
    // the cargo bike rule matches once the tester says so
    // from the keyboard: focus the select, open it with Enter
    await page.locator('fc-quote-tester').getByRole('combobox', { name: 'Vehicle' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: 'cargo_bike' }).click();
    await page.locator('[data-list=evaluated] [data-matched=true]').getByText('Cargo bike').waitFor();
    expect(cents(await total(page))).toBe(cents(before) + 150 + 300);
    await screenshot(page, 'real-pricing-edited-desktop-en');
  });

  it('a condition the engine cannot read is refused under its field, nothing saved (desktop, English)', async () => {
    const page = await desktop.newPage();
    await openPricing(page, 'Pricing');
    const condition = page.locator('[data-rule="Cargo bike"] [data-field=condition]');
    await condition.fill('distnce_km <= 15 && vehicle == "cargo_bike"');
    await page.getByRole('button', { name: 'Save the rule set' }).click();
    const error = page.locator('[data-rule="Cargo bike"] [data-error=condition]');
    await error
      .getByText('at character 1: unknown variable "distnce_km"')
      .waitFor()
      .catch(async (e: unknown) => {
        await screenshot(page, 'debug-pricing-refused');
        throw e;
      });
    await page
      .locator('[data-problem=rule-set]')
      .getByText('A condition or formula cannot be read: the message under it says where and why.')
      .waitFor();
    await condition.focus();
    await screenshot(page, 'real-pricing-refused-desktop-en');
    // what is stored did not change
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.locator('[data-rule="Cargo bike"] [data-field=condition]').inputValue()).toBe(
      'distance_km <= 15 && vehicle == "cargo_bike"',
    );
  });

  it('reorders the rules by dragging a handle, and with the arrows from the keyboard; saved at once', async () => {
    const page = await desktop.newPage();
    await openPricing(page, 'Pricing');
    const labels = () =>
      page.locator('[data-form=rule-set] li.rule').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-rule')));
    const stored = () =>
      page.evaluate(async () => {
        const token = sessionStorage.getItem('fc.accessToken');
        const auth = { headers: { authorization: `Bearer ${token ?? ''}` } };
        const list = (await (await fetch('/api/pricing/rule-sets', auth)).json()) as { items: Array<{ id: string }> };
        const set = (await (await fetch(`/api/pricing/rule-sets/${list.items[0]?.id ?? ''}`, auth)).json()) as {
          rules: Array<{ label: string }>;
        };
        return set.rules.map((r) => r.label);
      });
    const before = await labels();
    expect(before.slice(5)).toEqual(['Heavy load', 'Evening or Sunday']);

    // the keyboard path: the arrow button of the last rule moves it up one
    await page.getByRole('button', { name: 'Move Evening or Sunday up' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('New order saved.').waitFor();
    expect((await stored()).slice(5)).toEqual(['Evening or Sunday', 'Heavy load']);
    // dismissed, so that the next "saved" is the drag's
    await page.locator('mat-snack-bar-container').getByRole('button', { name: 'Close' }).click();
    await page.getByText('New order saved.').waitFor({ state: 'hidden' });

    // a drag: the handle of "Heavy load" (now last) dropped above "Evening or Sunday"
    const handle = page.locator('[data-rule="Heavy load"] .handle');
    const target = page.locator('[data-rule="Evening or Sunday"]');
    await target.scrollIntoViewIfNeeded();
    const from = await handle.boundingBox();
    const to = await target.boundingBox();
    if (!from || !to) throw new Error('no box to drag between');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    for (let step = 1; step <= 12; step += 1) {
      await page.mouse.move(from.x + from.width / 2, from.y + ((to.y + 10 - from.y) * step) / 12);
    }
    await page.mouse.up();
    await page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll('[data-form=rule-set] li.rule'))
          .map((r) => r.getAttribute('data-rule'))
          .slice(5)
          .join() === 'Heavy load,Evening or Sunday',
    );
    await page.getByText('New order saved.').waitFor();
    expect((await stored()).slice(5)).toEqual(['Heavy load', 'Evening or Sunday']);
  });

  it('a dropoff out of the city: no rule prices it, each rule says why (desktop, English)', async () => {
    const page = await desktop.newPage();
    await openPricing(page, 'Pricing');
    await total(page);
    await setDropoff(page, VIENNE.lat, VIENNE.lng);
    const refused = page.locator('[data-quote=no-rule]');
    await refused.getByText('No rule prices this delivery: it would be refused, not priced at 0.').waitFor();
    await page.getByText('no range covers').waitFor();
    await page.getByText('condition is false: distance_km <= 15').first().waitFor();
    expect(await page.locator('[data-quote=total]').count()).toBe(0);
    await page.locator('[data-section=quote-result]').scrollIntoViewIfNeeded();
    await screenshot(page, 'real-pricing-no-rule-desktop-en', { fullPage: false });
  });

  it('on a phone in French: the editor, then the tester below it, and PRICE_NO_RULE explained', async () => {
    const page = await phone.newPage();
    await signInAs(page, ADMIN);
    await openPricing(page, 'Tarifs');
    expect(await total(page)).toMatch(/TTC$/);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'real-pricing-phone-fr');
    await setDropoff(page, VIENNE.lat, VIENNE.lng);
    await page
      .locator('[data-quote=no-rule]')
      .getByText('Aucune règle ne chiffre cette livraison : elle serait refusée, pas facturée 0.')
      .waitFor();
    // each rule's reason in French, its numbers with a decimal comma (the API's structured reason)
    const evaluated = page.locator('[data-quote=no-rule] ~ [data-list=evaluated]');
    await evaluated.getByText(/aucune tranche ne couvre \d+,\d+ km \(les tranches s’arrêtent à \d+ km\)/).waitFor();
    await evaluated
      .getByText(/condition fausse : distance_km <= 15 \(distance_km = \d+,\d+/)
      .first()
      .waitFor();
    expect(await evaluated.getByText('condition is false').count()).toBe(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.locator('[data-section=quote-result]').scrollIntoViewIfNeeded();
    await screenshot(page, 'real-pricing-no-rule-phone-fr', { fullPage: false });

    // a condition the engine cannot read: the reason under the field in French, nothing saved
    const condition = page.locator('[data-rule="Cargo bike"] [data-field=condition]');
    await condition.fill('distnce_km <= 15');
    await page.getByRole('button', { name: 'Enregistrer la grille' }).click();
    await page
      .locator('[data-rule="Cargo bike"] [data-error=condition]')
      .getByText('au caractère 1 : variable inconnue « distnce_km »')
      .waitFor();
    await condition.focus();
    await screenshot(page, 'real-pricing-refused-phone-fr', { fullPage: false });
    await page.getByRole('button', { name: 'Annuler' }).click();
  });

  it('a dispatcher tests quotes but changes nothing (French)', async () => {
    const dispatcher = await launchBrowser({ viewport: 'desktop', locale: 'fr-FR' });
    const page = await dispatcher.newPage();
    await signInAs(page, DISPATCHER);
    await openPricing(page, 'Tarifs');
    await page.getByText('Vous voyez les grilles et pouvez tester des devis').waitFor();
    expect(await total(page)).toMatch(/TTC$/);
    expect(await page.getByRole('button', { name: 'Enregistrer la grille' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Nouvelle grille' }).count()).toBe(0);
    expect(await page.locator('[data-rule="Base price"] [data-field=amount]').isDisabled()).toBe(true);
    await screenshot(page, 'real-pricing-dispatcher-desktop-fr');
    await dispatcher.close();
  });
});
