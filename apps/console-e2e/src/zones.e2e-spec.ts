/**
 * REAL journey (no mocks): the seeded Lyon admin draws a delivery zone on the map (mouse clicks on
 * the map canvas, as a person draws), names it, saves it and sees it listed; a shape whose edges
 * cross is refused with the message that says what to fix. On a desktop in English and on a
 * phone in French; a dispatcher sees the zones read-only. No tiles are reachable here: the map
 * draws on its plain background.
 */
import type { Page } from 'playwright-core';
import { launchBrowser, type E2eBrowser } from './support/browser';
import { urlOf } from './support/env';
import { DEMO_PASSWORD, signIn } from './support/real-stack';
import { horizontalOverflow, screenshot } from './support/screenshot';

const ADMIN = 'admin@lyon.demo';
const DISPATCHER = 'dispatcher@lyon.demo';

/** Clicks points of the map given as fractions of its box, then the first point again (closes the shape). */
async function drawOnMap(page: Page, points: Array<[number, number]>): Promise<void> {
  const map = page.locator('fc-map.zones-map .leaflet-container');
  await map.waitFor();
  // the whole map in the viewport (a phone scrolls): clicks land where a finger would
  await map.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const box = await map.boundingBox();
  if (!box) throw new Error('the map has no box');
  const at = ([fx, fy]: [number, number]) => [box.x + box.width * fx, box.y + box.height * fy] as const;
  for (const point of [...points, points[0] as [number, number]]) {
    const [x, y] = at(point);
    await page.mouse.move(x, y);
    await page.mouse.click(x, y);
    // geoman places the vertex marker under the pointer before the next click
    await page.locator('.leaflet-pane .marker-icon').first().waitFor();
  }
}

/** Signs in and waits until the console has left the sign-in page. */
async function signInAs(page: Page, email: string): Promise<void> {
  await signIn(page, email, DEMO_PASSWORD);
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

async function openZones(page: Page, heading: string): Promise<void> {
  await page.goto(urlOf('/zones'));
  await page
    .getByRole('heading', { name: heading, level: 1 })
    .waitFor({ timeout: 10000 })
    .catch(async (error: unknown) => {
      await screenshot(page, 'debug-zones-open');
      throw error;
    });
  // the seeded zones are listed and drawn
  await page.locator('[data-list=zones] [data-zone="Croix-Rousse"]').waitFor();
  await page.locator('fc-map.zones-map path.leaflet-interactive').first().waitFor();
}

describe('zones: draw, name, save; a crossing shape is refused (real API)', () => {
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

  it('a coop admin draws a zone on the map, names it and sees it listed (desktop, English)', async () => {
    const page = await desktop.newPage();
    await signInAs(page, ADMIN);
    await page.getByRole('link', { name: 'Zones' }).first().click();
    await openZones(page, 'Zones');
    // the service area is set by the seed; no tile server: the plain background and its note
    await page.locator('[data-area=summary]').getByText('radius 15 km').waitFor();
    await page.getByText('No background map is configured').waitFor();
    expect(await page.locator('fc-map.zones-map path.leaflet-interactive').count()).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'real-zones-desktop-en');

    await page.getByRole('button', { name: 'Draw a zone' }).click();
    await page.getByText('Click on the map to place each corner').waitFor();
    await drawOnMap(page, [
      [0.08, 0.12],
      [0.24, 0.12],
      [0.24, 0.3],
      [0.08, 0.3],
    ]);
    const name = page.getByRole('textbox', { name: 'Name' });
    await name.waitFor();
    // the form takes the focus: the name can be typed at once
    await page.waitForFunction(() => document.activeElement?.getAttribute('formcontrolname') === 'name');
    await name.fill('Vieux Lyon test');
    await screenshot(page, 'real-zones-drawn-desktop-en');
    await page.getByRole('button', { name: 'Save the zone' }).click();
    await page.getByText('Zone Vieux Lyon test saved.').waitFor();
    await page.locator('[data-list=zones] [data-zone="Vieux Lyon test"]').waitFor();
    expect(await page.locator('[data-form=zone]').count()).toBe(0);

    // the API has it, as drawn: a closed ring of the four corners
    const saved = await page.evaluate(async () => {
      const token = sessionStorage.getItem('fc.accessToken');
      const res = await fetch('/api/geo/zones?limit=200', { headers: { authorization: `Bearer ${token ?? ''}` } });
      const body = (await res.json()) as { items: Array<{ name: string; geometry: { coordinates: number[][][] } }> };
      return body.items.find((z) => z.name === 'Vieux Lyon test')?.geometry.coordinates[0]?.length;
    });
    expect(saved).toBe(5);
    await screenshot(page, 'real-zones-saved-desktop-en');

    // the service area's editor: the point picker (map + latitude/longitude) and the radius
    await page.getByRole('button', { name: 'Change the service area' }).click();
    const lat = page.getByRole('spinbutton', { name: 'Latitude' });
    expect(await lat.inputValue()).toBe('45.7578');
    expect(await page.getByRole('spinbutton', { name: 'Radius (km)' }).inputValue()).toBe('15');
    await lat.focus();
    await page.keyboard.press('Tab'); // to the longitude: the focus ring shows
    await screenshot(page, 'real-zones-service-area-desktop-en');
    await page.getByRole('button', { name: 'Cancel' }).first().click();
    await page.getByRole('button', { name: 'Change the service area' }).waitFor();
  });

  it('a shape whose edges cross is refused with the message, and nothing is saved (desktop, English)', async () => {
    // the same browser: the console restores the session from its kept refresh token
    const page = await desktop.newPage();
    await openZones(page, 'Zones');
    const before = await page.locator('[data-list=zones] li').count();
    await page.getByRole('button', { name: 'Draw a zone' }).click();
    // a bow tie: the second and fourth edges cross
    await drawOnMap(page, [
      [0.7, 0.12],
      [0.9, 0.32],
      [0.9, 0.12],
      [0.7, 0.32],
    ]);
    await page.getByRole('textbox', { name: 'Name' }).fill('Bow tie');
    await page.getByRole('button', { name: 'Save the zone' }).click();
    const alert = page.locator('[data-problem=zone]');
    await alert.getByText('The shape’s edges cross each other: redraw it so that no two edges cross.').waitFor();
    expect(await page.locator('[data-list=zones] li').count()).toBe(before);
    expect(await page.locator('[data-zone="Bow tie"]').count()).toBe(0);
    await screenshot(page, 'real-zones-refused-desktop-en');
  });

  it('on a phone in French: the list sits below the map, drawing works, a crossing shape is refused', async () => {
    const page = await phone.newPage();
    await signInAs(page, ADMIN);
    await openZones(page, 'Zones');
    const mapBox = await page.locator('fc-map.zones-map').boundingBox();
    const listBox = await page.locator('[data-list=zones]').boundingBox();
    expect(listBox && mapBox && listBox.y > mapBox.y + mapBox.height).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'real-zones-phone-fr');

    await page.getByRole('button', { name: 'Dessiner une zone' }).click();
    await drawOnMap(page, [
      [0.3, 0.12],
      [0.6, 0.12],
      [0.6, 0.32],
      [0.3, 0.32],
    ]);
    await page.getByRole('textbox', { name: 'Nom' }).fill('Test téléphone');
    await page.getByRole('button', { name: 'Enregistrer la zone' }).click();
    await page.getByText('Zone Test téléphone enregistrée.').waitFor();
    await page.locator('[data-zone="Test téléphone"]').waitFor();
    await screenshot(page, 'real-zones-saved-phone-fr', { fullPage: false });

    await page.getByRole('button', { name: 'Dessiner une zone' }).click();
    await drawOnMap(page, [
      [0.55, 0.1],
      [0.9, 0.35],
      [0.9, 0.1],
      [0.55, 0.35],
    ]);
    await page.getByRole('textbox', { name: 'Nom' }).fill('Nœud papillon');
    await page.getByRole('button', { name: 'Enregistrer la zone' }).click();
    await page
      .locator('[data-problem=zone]')
      .getByText('Les bords de la forme se croisent : redessinez-la sans que deux bords se croisent.')
      .waitFor();
    expect(await page.locator('[data-zone="Nœud papillon"]').count()).toBe(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.locator('[data-form=zone]').scrollIntoViewIfNeeded();
    await screenshot(page, 'real-zones-refused-phone-fr', { fullPage: false });
  });

  it('a dispatcher sees the zones read-only: no drawing, no edit or delete', async () => {
    const dispatcher = await launchBrowser({ viewport: 'phone', locale: 'fr-FR' });
    const page = await dispatcher.newPage();
    await signInAs(page, DISPATCHER);
    await openZones(page, 'Zones');
    await page.getByText('Vous voyez les zones ; un administrateur').waitFor();
    expect(await page.getByRole('button', { name: 'Dessiner une zone' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Modifier / }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Supprimer / }).count()).toBe(0);
    await screenshot(page, 'real-zones-dispatcher-phone-fr');
    await dispatcher.close();
  });
});
