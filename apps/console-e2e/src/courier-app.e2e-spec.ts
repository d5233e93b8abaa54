/**
 * REAL journey (no mocks): the seeded Lyon dispatcher creates a delivery through the API and gives
 * both its tasks to courier@lyon.demo; on a phone, in French, the courier goes on duty, starts the
 * pickup, picks it up, starts the dropoff WITHOUT network (the step shows as pending, then syncs
 * when the network returns) and delivers it with a photo and a drawn signature (Lyon's dropoff
 * policy is photo and signature). Then a reload without network: the app shell from the service
 * worker, the last list and the location fixes taken offline from the device, the fixes sent once
 * the network returns.
 */
import type { APIRequestContext, Page } from 'playwright-core';
import { launchBrowser, type E2eBrowser } from './support/browser';
import { urlOf } from './support/env';
import { DEMO_PASSWORD, signIn } from './support/real-stack';
import { horizontalOverflow, screenshot } from './support/screenshot';

const DISPATCHER = 'dispatcher@lyon.demo';
const COURIER = 'courier@lyon.demo';
const TAG = `E2E-${Date.now().toString(36).toUpperCase()}`;
/** a real 1×1 PNG, as a camera would give a (much larger) JPEG */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** The API as a client outside the browser's pages (Playwright's request context). */
let http: APIRequestContext;

async function api<T>(token: string, method: 'GET' | 'POST', path: string, body?: object): Promise<T> {
  const res = await http.fetch(urlOf(path), {
    method,
    headers: { authorization: `Bearer ${token}` },
    data: body,
  });
  const text = await res.text();
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

async function tokenOf(email: string): Promise<string> {
  const res = await http.post(urlOf('/api/auth/sign-in'), { data: { email, password: DEMO_PASSWORD } });
  if (!res.ok()) throw new Error(`sign-in ${email}: ${res.status()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

type Task = { id: string; kind: string; state: string };

/** The location fixes the page keeps in IndexedDB (`fc-courier-app`, store `fixes`), oldest first. */
function storedFixes(page: Page): Promise<Array<{ lat: number }>> {
  return page.evaluate(
    () =>
      new Promise<Array<{ lat: number }>>((resolve, reject) => {
        const open = indexedDB.open('fc-courier-app');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('fixes').objectStore('fixes').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            open.result.close();
            resolve(all.result as Array<{ lat: number }>);
          };
        };
      }),
  );
}

/** Polls the stored fixes until one is at `lat`, or (null) none is left (the test's timeout bounds it). */
async function waitForStoredFixes(page: Page, lat: number | null): Promise<void> {
  for (;;) {
    const fixes = await storedFixes(page);
    if (lat === null ? fixes.length === 0 : fixes.some((f) => f.lat === lat)) return;
    await page.waitForTimeout(250);
  }
}

const card = (page: Page, taskId: string) => page.locator(`fc-task-card[data-task-id="${taskId}"]`);

async function waitForState(page: Page, taskId: string, state: string): Promise<void> {
  await page.locator(`fc-task-card[data-task-id="${taskId}"][data-state="${state}"]:not(.pending)`).waitFor();
}

describe('the courier app through the real API (phone, French)', () => {
  let phone: E2eBrowser;
  let dispatcher: string;
  let deliveryId: string;
  let pickup: Task;
  let dropoff: Task;

  beforeAll(async () => {
    phone = await launchBrowser({ viewport: 'phone', locale: 'fr-FR', serviceWorkers: 'allow' });
    http = phone.context.request;
    dispatcher = await tokenOf(DISPATCHER);
    const courierToken = await tokenOf(COURIER);
    const me = await api<{ id: string }>(courierToken, 'GET', '/api/fleet/me');
    const later = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
    const delivery = await api<{ id: string; tasks: Task[] }>(dispatcher, 'POST', '/api/dispatch/deliveries', {
      reference: TAG,
      tasks: [
        {
          kind: 'pickup',
          address: `${TAG} Boulangerie du Palais, 3 rue Mercière, 69002 Lyon`,
          lat: 45.7625,
          lng: 4.8339,
          before: later(2),
          contactName: 'Léa',
          contactPhone: '+33 6 12 34 56 78',
          packages: [{ type: 'bag', quantity: 2 }],
        },
        {
          kind: 'dropoff',
          address: `${TAG} 10 cours Vitton, 69006 Lyon`,
          lat: 45.7699,
          lng: 4.8531,
          after: later(0.5),
          before: later(3),
          contactName: 'Marc',
          contactPhone: '+33 6 98 76 54 32',
          comments: 'Interphone 12, 2e étage',
        },
      ],
    });
    deliveryId = delivery.id;
    [pickup, dropoff] = delivery.tasks as [Task, Task];
    for (const task of delivery.tasks) {
      await api(dispatcher, 'POST', `/api/dispatch/tasks/${task.id}/assign`, { courierId: me.id });
    }
    await phone.context.grantPermissions(['geolocation']);
    await phone.context.setGeolocation({ latitude: 45.764, longitude: 4.8357, accuracy: 12 });
  });
  afterAll(async () => {
    await phone?.close();
  });

  it('on duty, start, picked up, an offline start synced later, delivered with a photo and a signature', async () => {
    const page = await phone.newPage();
    await signIn(page, COURIER, DEMO_PASSWORD);
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    // on a phone the navigation is behind the menu button
    await page.getByRole('button', { name: 'Ouvrir le menu de navigation' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Mes tâches' }).click();
    await page.getByRole('heading', { name: 'Mes tâches', level: 1 }).waitFor();
    expect(await page.title()).toBe('Mes tâches · Federacycle');

    // on duty (whatever the seed left)
    const duty = page.locator('[data-action=duty]');
    if ((await duty.innerText()).includes('Terminer')) {
      await duty.click();
      await page.getByRole('heading', { name: 'Hors service', level: 2 }).waitFor();
    }
    await duty.click();
    await page.getByRole('heading', { name: 'En service', level: 2 }).waitFor();

    // the pickup: address, window, contact, parcels, one big next step
    const first = card(page, pickup.id);
    await first.waitFor();
    await first.getByText('2 × sac').waitFor();
    expect(await first.locator('[data-action=call]').getAttribute('href')).toBe('tel:+33612345678');
    expect(await first.locator('[data-action=navigate]').getAttribute('href')).toMatch(/45\.762500,4\.833900/);
    const start = first.locator('[data-action=start]');
    expect((await start.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(56);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'real-courier-app-tasks-phone-fr', { fullPage: false });

    await start.click();
    await waitForState(page, pickup.id, 'started');
    // Lyon asks no proof at pickup: picked up at once, the pickup leaves the list
    await first.locator('[data-action=picked_up]').click();
    await first.waitFor({ state: 'detached' });

    // the dropoff, started without network: pending on the device, then sent when it returns
    const second = card(page, dropoff.id);
    await phone.context.setOffline(true);
    await second.locator('[data-action=start]').click();
    await second.locator('[data-pending]').waitFor();
    await page.locator('[data-offline]').waitFor();
    await page.locator('[data-pending-count]').waitFor();
    await screenshot(page, 'real-courier-app-offline-pending-phone-fr', { fullPage: false });
    await phone.context.setOffline(false);
    await waitForState(page, dropoff.id, 'started');
    await page.locator('[data-pending-count]').waitFor({ state: 'detached' });

    // delivered: Lyon asks a photo and the recipient's signature
    await second.locator('[data-action=delivered]').click();
    const panel = second.locator('[data-panel=proof]');
    await panel.waitFor();
    await panel.locator('[data-action=confirm]').click();
    await panel.getByText('Prenez d’abord une photo.').waitFor();
    await panel
      .locator('input[data-input=photo]')
      .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PHOTO });
    const preview = panel.getByRole('img', { name: 'Photo prête' });
    await preview.waitFor();
    await page.waitForFunction((el) => (el as HTMLImageElement).complete, await preview.elementHandle());
    expect(await preview.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await panel.getByText('Prenez d’abord une photo.').waitFor({ state: 'detached' });
    const canvas = panel.locator('canvas[data-signature-pad]');
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no signature pad');
    await page.mouse.move(box.x + 20, box.y + box.height * 0.5);
    await page.mouse.down();
    for (let i = 1; i <= 12; i += 1) {
      await page.mouse.move(box.x + 20 + i * 18, box.y + box.height * (0.5 - 0.3 * Math.sin(i / 2)), { steps: 3 });
    }
    await page.mouse.up();
    await screenshot(page, 'real-courier-app-proof-phone-fr', { fullPage: false });
    await panel.locator('[data-action=confirm]').click();
    await second.waitFor({ state: 'detached' });
    await screenshot(page, 'real-courier-app-done-phone-fr', { fullPage: false });

    // as the dispatcher sees it: completed, every step from the courier app, the offline start once
    const view = await api<{ state: string }>(dispatcher, 'GET', `/api/dispatch/deliveries/${deliveryId}`);
    expect(view.state).toBe('completed');
    const events = await api<{
      items: Array<{ taskId: string; type: string; source: string; data: Record<string, unknown> }>;
    }>(dispatcher, 'GET', `/api/dispatch/deliveries/${deliveryId}/events`);
    const fromApp = events.items.filter((e) => e.source === 'courier_app').map((e) => [e.taskId, e.type]);
    expect(fromApp).toEqual([
      [pickup.id, 'started'],
      [pickup.id, 'done'],
      [dropoff.id, 'started'],
      [dropoff.id, 'done'],
    ]);
    expect(events.items.find((e) => e.source === 'courier_app')?.data['clientActionId']).toEqual(expect.any(String));
  });

  it('reloads without network: the app shell from the service worker, the last list and the location fixes from the device', async () => {
    const page = await phone.newPage();
    await page.goto(urlOf('/my-tasks'));
    await page.getByRole('heading', { name: 'Mes tâches', level: 1 }).waitFor();
    // the production build registers the worker once the app is stable (at the latest after 30 s)
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.getByRole('heading', { name: 'En service', level: 2 }).waitFor();

    // without network the courier rides on: the fixes stay on the device
    const OFFLINE_SPOT = { latitude: 45.7712, longitude: 4.859 };
    await phone.context.setOffline(true);
    try {
      await phone.context.setGeolocation({ ...OFFLINE_SPOT, accuracy: 8 });
      await waitForStoredFixes(page, OFFLINE_SPOT.latitude);
      // no new fix after the reload: only the kept one can bring the offline spot to the server
      await phone.context.clearPermissions();

      await page.reload();
      await page.getByRole('heading', { name: 'Mes tâches', level: 1 }).waitFor();
      await page.locator('[data-offline]').waitFor();
      // the profile the device saw last: still on duty
      await page.getByRole('heading', { name: 'En service', level: 2 }).waitFor();
      expect((await storedFixes(page)).some((f) => f.lat === OFFLINE_SPOT.latitude)).toBe(true);
      await screenshot(page, 'real-courier-app-offline-reload-phone-fr', { fullPage: false });
    } finally {
      await phone.context.setOffline(false);
    }

    // back online: the kept fixes are sent (on the `online` event, else at the next 30 s batch)
    // and leave the device once the server accepted them; the newest is now the courier's position
    await waitForStoredFixes(page, null);
    const me = await api<{ location: { lat: number; lng: number } | null }>(
      await tokenOf(COURIER),
      'GET',
      '/api/fleet/me',
    );
    expect(me.location).toMatchObject({ lat: OFFLINE_SPOT.latitude, lng: OFFLINE_SPOT.longitude });
    await phone.context.grantPermissions(['geolocation']);
  }, 120_000);
});
