/**
 * REAL journey (no mocks): the seeded Lyon admin sets up a recruit's courier profile and plans a
 * shift, on a desktop in English and on a phone in French; an overlapping shift is refused with
 * its message; the week and day views show the plan; the worker-ownership figure on the Couriers
 * page follows the member flags; a courier goes on duty from their own page on a phone.
 */
import type { Page } from 'playwright-core';
import { launchBrowser, type E2eBrowser } from './support/browser';
import { urlOf } from './support/env';
import { DEMO_PASSWORD, signIn } from './support/real-stack';
import { horizontalOverflow, screenshot } from './support/screenshot';

const ADMIN = 'admin@lyon.demo';

/** "17 of 25 active couriers are members" → [17, 25] (either language) */
async function ownershipCounts(page: Page): Promise<[number, number]> {
  const text = await page.locator('[data-figure=counts]').innerText();
  const numbers = (text.match(/\d+/g) ?? []).map(Number);
  return [numbers[0] as number, numbers[1] as number];
}

/** Tomorrow at `hour`:00, as a datetime-local value. */
function tomorrowAt(hour: number): string {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(hour)}:00`;
}

async function openMenu(page: Page): Promise<void> {
  const menu = page.getByRole('button', { name: /menu/i });
  if (await menu.count()) await menu.first().click();
}

describe('couriers, shifts and worker ownership through the real API', () => {
  let desktop: E2eBrowser;
  let phone: E2eBrowser;
  let courierPhone: E2eBrowser;

  beforeAll(async () => {
    desktop = await launchBrowser({ viewport: 'desktop', locale: 'en-GB' });
    phone = await launchBrowser({ viewport: 'phone', locale: 'fr-FR' });
    courierPhone = await launchBrowser({ viewport: 'phone', locale: 'fr-FR' });
  });
  afterAll(async () => {
    await desktop?.close();
    await phone?.close();
    await courierPhone?.close();
  });

  it('desktop, English: the admin creates a recruit’s profile with a shift; an overlap is refused', async () => {
    const page = await desktop.newPage();
    await signIn(page, ADMIN, DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Couriers' }).first().click();
    await page.getByRole('heading', { name: 'Couriers', level: 1 }).waitFor();
    await page.locator('[data-list=couriers] table').waitFor();
    await page.locator('[data-figure=counts]').waitFor();
    expect(await page.title()).toBe('Couriers · Federacycle');
    expect((await ownershipCounts(page))[1]).toBe(25);
    await screenshot(page, 'real-couriers-desktop-en');

    await page.locator('[data-action=new-courier]').click();
    await page.getByRole('heading', { name: 'New courier', level: 1 }).waitFor();
    await page.locator('[data-field=person]').click();
    await page.getByRole('option', { name: /Lucie Marchand/ }).click();
    expect(await page.locator('[data-field=displayName]').inputValue()).toBe('Lucie Marchand');
    await page.locator('[data-field=phone]').fill('+33 6 11 22 33 44');
    await page.locator('[data-field=vehicle]').click();
    await page.getByRole('option', { name: 'Cargo bike' }).click();
    await page.getByRole('checkbox', { name: 'Cold chain' }).check();
    await screenshot(page, 'real-courier-new-desktop-en');
    await page.locator('[data-action=save-courier]').click();
    await page.getByText('Profile of Lucie Marchand created.').first().waitFor();
    await page.getByRole('heading', { name: 'Lucie Marchand', level: 1 }).waitFor();

    await page.locator('[data-field=shift-start]').fill(tomorrowAt(11));
    await page.locator('[data-field=shift-end]').fill(tomorrowAt(15));
    await page.locator('[data-action=add-shift]').click();
    await page.getByText('Shift added.').first().waitFor();
    await page.locator('[data-section=courier-shifts] [data-shift]').first().waitFor();
    // the same time again: refused, with the message of SHIFT_OVERLAP
    await page.locator('[data-field=shift-start]').fill(tomorrowAt(13));
    await page.locator('[data-field=shift-end]').fill(tomorrowAt(17));
    await page.locator('[data-action=add-shift]').click();
    await page.getByRole('alert').filter({ hasText: 'already has a shift at that time' }).waitFor();
    expect(await page.locator('[data-section=courier-shifts] [data-shift]').count()).toBe(1);
    await screenshot(page, 'real-courier-profile-desktop-en');
  });

  it('desktop, English: the week and day views show the plan', async () => {
    const page = await desktop.newPage();
    await page.goto(urlOf('/couriers/shifts'));
    await page.locator('[data-view-body=week] table').waitFor();
    expect(await page.locator('[data-view-body=week] tbody tr').count()).toBeGreaterThanOrEqual(20);
    await screenshot(page, 'real-shifts-week-desktop-en');
    await page.locator('[data-view=day]').click();
    await page.locator('[data-view-body=day]').waitFor();
    await screenshot(page, 'real-shifts-day-desktop-en');
  });

  it('desktop, English: the worker-ownership figure follows the member flags', async () => {
    const page = await desktop.newPage();
    await page.goto(urlOf('/couriers'));
    await page.locator('[data-figure=counts]').waitFor();
    const [members, active] = await ownershipCounts(page);
    // Camille Bernard is a seeded member who rode this week
    await page.getByRole('link', { name: 'Camille Bernard' }).first().click();
    await page.getByRole('heading', { name: 'Camille Bernard', level: 1 }).waitFor();
    const toggle = page.getByRole('switch', { name: /Member of the coop/ });
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    await toggle.click();
    await page.locator('[data-action=save-courier]').click();
    await page.getByText('Profile of Camille Bernard saved.').first().waitFor();
    await page.getByRole('link', { name: /Back to couriers/ }).click();
    await page.locator('[data-figure=counts]').waitFor();
    await page.waitForFunction(
      (expected) => document.querySelector('[data-figure=counts]')?.textContent?.includes(expected),
      `${members - 1} of ${active}`,
    );
    expect(await ownershipCounts(page)).toEqual([members - 1, active]);
    await screenshot(page, 'real-couriers-ownership-changed-desktop-en', { fullPage: false });
    // and back
    await page.getByRole('link', { name: 'Camille Bernard' }).first().click();
    await page.getByRole('switch', { name: /Member of the coop/ }).click();
    await page.locator('[data-action=save-courier]').click();
    await page.getByText('Profile of Camille Bernard saved.').first().waitFor();
    await page.goto(urlOf('/couriers'));
    await page.locator('[data-figure=counts]').waitFor();
    expect(await ownershipCounts(page)).toEqual([members, active]);
  });

  it('phone, French: the admin creates the other recruit’s profile with a shift', async () => {
    const page = await phone.newPage();
    await signIn(page, ADMIN, DEMO_PASSWORD);
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await openMenu(page);
    await page.getByRole('link', { name: 'Coursiers' }).first().click();
    await page.getByRole('heading', { name: 'Coursiers', level: 1 }).waitFor();
    await page.locator('[data-list=couriers] .cards').waitFor();
    await page.locator('[data-figure=counts]').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'real-couriers-phone-fr', { fullPage: false });

    await page.locator('[data-action=new-courier]').click();
    await page.getByRole('heading', { name: 'Nouveau coursier', level: 1 }).waitFor();
    await page.locator('[data-field=person]').click();
    await page.getByRole('option', { name: /Bastien Leroy/ }).click();
    await page.locator('[data-field=vehicle]').click();
    await page.getByRole('option', { name: 'Vélo électrique' }).click();
    await page.locator('[data-field=phone]').fill('06 11 22 33 44');
    await page.locator('[data-action=save-courier]').click();
    // a national number is refused with the French message of INVALID_PHONE
    await page.getByRole('alert').filter({ hasText: 'indicatif du pays' }).waitFor();
    await screenshot(page, 'real-courier-new-error-phone-fr', { fullPage: false });
    await page.locator('[data-field=phone]').fill('+33 6 11 22 33 44');
    await page.locator('[data-action=save-courier]').click();
    await page.getByText('Profil de Bastien Leroy créé.').first().waitFor();
    await page.locator('[data-field=shift-start]').fill(tomorrowAt(18));
    await page.locator('[data-field=shift-end]').fill(tomorrowAt(22));
    await page.locator('[data-action=add-shift]').click();
    await page.getByText('Créneau ajouté.').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'real-courier-profile-phone-fr');

    await page.goto(urlOf('/couriers/shifts'));
    await page.locator('[data-view-body=week] .day-card').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'real-shifts-week-phone-fr', { fullPage: false });
  });

  it('phone, French: a courier goes on duty from their own page', async () => {
    const page = await courierPhone.newPage();
    await signIn(page, 'courier@lyon.demo', DEMO_PASSWORD);
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.goto(urlOf('/me/courier'));
    await page.getByRole('heading', { name: 'Mon espace coursier', level: 1 }).waitFor();
    const button = page.locator('[data-action=duty]');
    const wasOn = (await button.innerText()).includes('Terminer');
    await button.click();
    await page
      .getByText(wasOn ? 'Vous êtes hors service.' : 'Vous êtes en service. Bonne route !')
      .first()
      .waitFor();
    if (wasOn) {
      await button.click();
      await page.getByText('Vous êtes en service. Bonne route !').first().waitFor();
    }
    await page.getByRole('heading', { name: 'Vous êtes en service' }).waitFor();
    const box = await button.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(48);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'real-my-courier-phone-fr');
  });
});
