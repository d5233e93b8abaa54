/**
 * REAL journey (no mocks), issue 11's "Done when" in order: with Lyon in automatic dispatch,
 * courier@lyon.demo goes on duty on a phone in French, standing at the door of the dropoff the
 * seed left them under way; the Lyon dispatcher (desktop, English) creates a delivery on the
 * Deliveries page from that building to the next one, for a recipient with an email: the
 * courier passes there anyway, so the planner's cheapest insertion (no one late, least distance)
 * is theirs, and the worker assigns it to them (the list and the detail page
 * say so); the recipient opens the tracking link on a phone in French and sees a courier named;
 * the courier starts, picks up WITHOUT network (pending on the device, synced when the network
 * returns), delivers with a photo and a drawn signature; the tracking page says delivered and the
 * recipient's two mails (picked up, delivered), in French, are in the mail folder.
 *
 * FIXTURE: Lyon's dispatch mode is switched to `auto` by writing a setting version straight into
 * the database (as governance's enactment would, source `initial`) and announcing it on the
 * settings channel, instead of voting it through (governance-vote.e2e-spec covers the vote).
 * The previous mode is written back as a new version in afterAll. What auto mode assigned of
 * the seeded day's open deliveries meanwhile stays assigned.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, Page } from 'playwright-core';
import { launchBrowser, type E2eBrowser } from './support/browser';
import { urlOf } from './support/env';
import { DEMO_PASSWORD, signIn } from './support/real-stack';
import { setDispatchMode } from './support/settings-fixture';
import { screenshot } from './support/screenshot';

const DISPATCHER = 'dispatcher@lyon.demo';
const COURIER = 'courier@lyon.demo';
const TAG = Date.now().toString(36).toUpperCase();
const REF = `DAY-${TAG}`;
const RECIPIENT = `day-${TAG.toLowerCase()}@example.fr`;
/** a real 1×1 PNG, as a camera would give a (much larger) JPEG */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

// the planner runs in the worker, mails go through the outbox: the steps wait for them
jest.setTimeout(180_000);

let http: APIRequestContext;

async function api<T>(token: string, method: 'GET' | 'POST', path: string, body?: object): Promise<T> {
  const res = await http.fetch(urlOf(path), { method, headers: { authorization: `Bearer ${token}` }, data: body });
  const text = await res.text();
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

async function tokenOf(email: string): Promise<string> {
  const res = await http.post(urlOf('/api/auth/sign-in'), { data: { email, password: DEMO_PASSWORD } });
  if (!res.ok()) throw new Error(`sign-in ${email}: ${res.status()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** Polls `check` (each attempt reads what a user would see) until it holds, for up to `ms`. */
async function eventually(
  what: string,
  check: () => Promise<boolean>,
  ms = 120_000,
  explain: () => Promise<string> = async () => '',
): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`not seen in ${ms / 1000} s: ${what} ${await explain()}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** `datetime-local` value, `minutes` from now, in the browser's zone (the test runs in the same one). */
function localIn(minutes: number): string {
  const d = new Date(Date.now() + minutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The development mails to `to`, decoded (quoted-printable, UTF-8). */
function mailsTo(to: string): string[] {
  const dir = process.env['E2E_MAIL_DIR'] as string;
  return readdirSync(dir)
    .map((file) => readFileSync(join(dir, file), 'latin1'))
    .map((raw) =>
      Buffer.from(
        raw
          .replace(/=\r?\n/g, '')
          .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        'latin1',
      ).toString('utf8'),
    )
    .filter((text) => text.includes(`To: ${to}`));
}

type Task = { id: string; kind: 'pickup' | 'dropoff'; state: string; assignment: { courierId: string } | null };
const card = (page: Page, taskId: string) => page.locator(`fc-task-card[data-task-id="${taskId}"]`);

describe('a dispatch day: created, planned automatically, delivered from a phone, followed by the recipient', () => {
  let desktop: E2eBrowser;
  let courierPhone: E2eBrowser;
  let recipientPhone: E2eBrowser;
  let courierPage: Page;
  let dispatcherPage: Page;
  let trackingPage: Page;
  let previousMode: string | null = null;
  let dispatcher: string;
  let courierToken: string;
  let me: { id: string; displayName: string };
  let pickup: Task;
  let dropoff: Task;
  let trackingUrl: string;
  /** where the courier stands: their next stop (the seeded dropoff they started), or Part-Dieu */
  let here = { latitude: 45.7606, longitude: 4.8593, address: 'Centre commercial Part-Dieu, 69003 Lyon' };

  beforeAll(async () => {
    desktop = await launchBrowser({ viewport: 'desktop', locale: 'en-GB' });
    courierPhone = await launchBrowser({ viewport: 'phone', locale: 'fr-FR', serviceWorkers: 'allow' });
    recipientPhone = await launchBrowser({ viewport: 'phone', locale: 'fr-FR' });
    http = desktop.context.request;
    dispatcher = await tokenOf(DISPATCHER);
    courierToken = await tokenOf(COURIER);
    me = await api(courierToken, 'GET', '/api/fleet/me');
    const own = await api<{ items: Array<Task & { lat: number; lng: number; address: string }> }>(
      courierToken,
      'GET',
      '/api/dispatch/me/tasks',
    );
    const next = own.items.find((t) => t.state === 'started');
    if (next) here = { latitude: next.lat, longitude: next.lng, address: next.address };
    await courierPhone.context.grantPermissions(['geolocation']);
    await courierPhone.context.setGeolocation({ latitude: here.latitude, longitude: here.longitude, accuracy: 10 });
    previousMode = await setDispatchMode('lyon', 'auto');
  });
  afterAll(async () => {
    if (previousMode !== null) await setDispatchMode('lyon', previousMode);
    await desktop?.close();
    await courierPhone?.close();
    await recipientPhone?.close();
  });

  it('the courier goes on duty on a phone, in French', async () => {
    courierPage = await courierPhone.newPage();
    await signIn(courierPage, COURIER, DEMO_PASSWORD);
    await courierPage.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await courierPage.getByRole('button', { name: 'Ouvrir le menu de navigation' }).click();
    await courierPage.getByRole('navigation').getByRole('link', { name: 'Mes tâches' }).click();
    await courierPage.getByRole('heading', { name: 'Mes tâches', level: 1 }).waitFor();
    const duty = courierPage.locator('[data-action=duty]');
    // the seed may have left this courier on duty: off first, so the step is taken here
    if ((await duty.innerText()).includes('Terminer')) {
      await duty.click();
      await courierPage.getByRole('heading', { name: 'Hors service', level: 2 }).waitFor();
    }
    await screenshot(courierPage, 'day-1-courier-off-duty-phone-fr', { fullPage: false });
    await duty.click();
    await courierPage.getByRole('heading', { name: 'En service', level: 2 }).waitFor();
    // where the device is (the app batches its fixes; sent here at once so the planner knows it)
    await api(courierToken, 'POST', '/api/fleet/me/locations', {
      fixes: [{ lat: here.latitude, lng: here.longitude, accuracyM: 10, recordedAt: new Date().toISOString() }],
    });
    await screenshot(courierPage, 'day-1-courier-on-duty-phone-fr', { fullPage: false });
  });

  it('the dispatcher creates a delivery where the courier is, on the Deliveries page', async () => {
    dispatcherPage = await desktop.newPage();
    await signIn(dispatcherPage, DISPATCHER, DEMO_PASSWORD);
    await dispatcherPage.getByRole('link', { name: 'Deliveries' }).first().click();
    await dispatcherPage.getByRole('heading', { name: 'Deliveries', level: 1 }).waitFor();
    const form = dispatcherPage.locator('fc-delivery-form');
    await form.locator('input[formcontrolname=reference]').fill(REF);
    const [from, to] = [form.locator('fieldset').nth(0), form.locator('fieldset').nth(1)];
    // from the building the courier is at to the next one (~40 m north)
    await from.locator('input[formcontrolname=address]').fill(`Atelier Vélo-Fleurs, ${here.address}`);
    await from.locator('input[formcontrolname=lat]').fill(here.latitude.toFixed(5));
    await from.locator('input[formcontrolname=lng]').fill(here.longitude.toFixed(5));
    await from.locator('input[formcontrolname=before]').fill(localIn(30));
    await from.locator('input[formcontrolname=contactName]').fill('Nadia');
    await to.locator('input[formcontrolname=address]').fill(`Bâtiment B, 3e étage, ${here.address}`);
    await to.locator('input[formcontrolname=lat]').fill((here.latitude + 0.0004).toFixed(5));
    await to.locator('input[formcontrolname=lng]').fill(here.longitude.toFixed(5));
    await to.locator('input[formcontrolname=before]').fill(localIn(60));
    await to.locator('input[formcontrolname=contactName]').fill('Hugo Bernard');
    await to.locator('input[formcontrolname=contactEmail]').fill(RECIPIENT);
    await to.locator('mat-select[formcontrolname=contactLanguage]').click();
    await dispatcherPage.getByRole('option', { name: 'Français' }).click();
    await screenshot(dispatcherPage, 'day-2-dispatcher-form-desktop-en');
    await dispatcherPage.getByRole('button', { name: 'Create delivery' }).click();
    await dispatcherPage.getByText(`Delivery ${REF} created.`).waitFor();
    await dispatcherPage.locator('[data-list=deliveries]').getByText(REF).waitFor();
    await screenshot(dispatcherPage, 'day-2-dispatcher-created-desktop-en');
  });

  it('auto mode assigns it to the courier: the list and the detail page say so', async () => {
    const row = () =>
      dispatcherPage.locator('[data-list=deliveries] tr, [data-list=deliveries] li', { hasText: REF }).first();
    await eventually(
      `${REF} listed with ${me.displayName}`,
      async () => {
        await dispatcherPage.reload();
        await dispatcherPage.locator('[data-list=deliveries]').getByText(REF).waitFor();
        return (await row().innerText()).includes(me.displayName);
      },
      120_000,
      async () => {
        const found = await api<{ items: Array<{ id: string; reference: string }> }>(
          dispatcher,
          'GET',
          `/api/dispatch/deliveries?address=V%C3%A9lo-Fleurs`,
        );
        const id = found.items.find((d) => d.reference === REF)?.id ?? '';
        const view = await api<object>(dispatcher, 'GET', `/api/dispatch/deliveries/${id}`);
        const proposal = await api<object>(dispatcher, 'GET', '/api/dispatch/proposal').catch((e: Error) => e.message);
        return JSON.stringify({ proposal, view }).slice(0, 3000);
      },
    );
    await screenshot(dispatcherPage, 'day-3-assigned-list-desktop-en');
    await dispatcherPage.locator('[data-list=deliveries]').getByRole('link', { name: REF }).click();
    await dispatcherPage.getByRole('heading', { name: REF, level: 1 }).waitFor();
    for (const kind of ['pickup', 'dropoff']) {
      const task = dispatcherPage.locator(`[data-task=${kind}]`);
      await task.getByText('Assigned', { exact: true }).waitFor();
      await task.getByText(`Held by ${me.displayName}`).waitFor();
    }
    // the assignment was the planner's (the worker), not a person's
    await dispatcherPage.locator('[data-list=history]').getByText('Assigned').first().waitFor();
    const href = await dispatcherPage.getByRole('link', { name: 'Recipient’s tracking page' }).getAttribute('href');
    expect(href).toMatch(/^\/track\/[A-Za-z0-9_-]{43}$/);
    trackingUrl = urlOf(href as string);
    await screenshot(dispatcherPage, 'day-3-assigned-detail-desktop-en');

    const deliveryId = new URL(dispatcherPage.url()).pathname.split('/').pop() as string;
    const view = await api<{ tasks: Task[] }>(dispatcher, 'GET', `/api/dispatch/deliveries/${deliveryId}`);
    pickup = view.tasks.find((t) => t.kind === 'pickup') as Task;
    dropoff = view.tasks.find((t) => t.kind === 'dropoff') as Task;
    expect([pickup.assignment?.courierId, dropoff.assignment?.courierId]).toEqual([me.id, me.id]);
  });

  it('the recipient opens the tracking link on a phone, in French: a courier is assigned', async () => {
    trackingPage = await recipientPhone.newPage();
    await trackingPage.goto(trackingUrl);
    await trackingPage.getByRole('heading', { name: 'Votre livraison', level: 1 }).waitFor();
    await trackingPage.getByText('Une livraison de Coursiers Lyonnais', { exact: false }).waitFor();
    const steps = trackingPage.locator('[data-tracking=timeline] li');
    await steps.nth(1).getByText('Coursier désigné').waitFor();
    expect(await steps.nth(1).getAttribute('class')).toContain('done');
    expect((await steps.nth(2).getAttribute('class')) ?? '').not.toContain('done');
    await screenshot(trackingPage, 'day-4-tracking-assigned-phone-fr');
  });

  it('the courier starts, picks up without network (synced after) and delivers with a photo and a signature', async () => {
    await courierPage.reload();
    await courierPage.getByRole('heading', { name: 'En service', level: 2 }).waitFor();
    const first = card(courierPage, pickup.id);
    await first.getByText('Atelier Vélo-Fleurs', { exact: false }).waitFor();
    await screenshot(courierPage, 'day-5-courier-tasks-phone-fr', { fullPage: false });
    await first.locator('[data-action=start]').click();
    await courierPage.locator(`fc-task-card[data-task-id="${pickup.id}"][data-state=started]:not(.pending)`).waitFor();

    // picked up in a cellar without network: pending on the device, sent when it returns
    await courierPhone.context.setOffline(true);
    try {
      await first.locator('[data-action=picked_up]').click();
      await first.locator('[data-pending]').waitFor();
      await courierPage.locator('[data-offline]').waitFor();
      await courierPage.locator('[data-pending-count]').waitFor();
      await screenshot(courierPage, 'day-5-courier-offline-pending-phone-fr');
    } finally {
      await courierPhone.context.setOffline(false);
    }
    await first.waitFor({ state: 'detached' });
    await courierPage.locator('[data-pending-count]').waitFor({ state: 'detached' });
    await courierPage.locator('[data-offline]').waitFor({ state: 'detached' });
    await screenshot(courierPage, 'day-5-courier-synced-phone-fr', { fullPage: false });

    // the recipient's page follows: picked up
    await trackingPage.reload();
    const steps = trackingPage.locator('[data-tracking=timeline] li');
    await steps.nth(2).getByText('Colis récupéré').waitFor();
    await eventually('the pickup on the tracking page', async () => {
      await trackingPage.reload();
      await steps.nth(2).waitFor();
      return ((await steps.nth(2).getAttribute('class')) ?? '').includes('done');
    });
    await trackingPage.locator('[data-tracking=state]').getByText('En cours').waitFor();
    await screenshot(trackingPage, 'day-5-tracking-picked-up-phone-fr');

    // the dropoff: started, then delivered with Lyon's proof (a photo and the recipient's signature)
    const second = card(courierPage, dropoff.id);
    await second.locator('[data-action=start]').click();
    await courierPage.locator(`fc-task-card[data-task-id="${dropoff.id}"][data-state=started]:not(.pending)`).waitFor();
    await second.locator('[data-action=delivered]').click();
    const panel = second.locator('[data-panel=proof]');
    await panel.waitFor();
    await panel
      .locator('input[data-input=photo]')
      .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PHOTO });
    await panel.getByRole('img', { name: 'Photo prête' }).waitFor();
    const canvas = panel.locator('canvas[data-signature-pad]');
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no signature pad');
    await courierPage.mouse.move(box.x + 20, box.y + box.height * 0.5);
    await courierPage.mouse.down();
    for (let i = 1; i <= 12; i += 1) {
      await courierPage.mouse.move(box.x + 20 + i * 18, box.y + box.height * (0.5 - 0.3 * Math.sin(i / 2)), {
        steps: 3,
      });
    }
    await courierPage.mouse.up();
    await screenshot(courierPage, 'day-5-courier-proof-phone-fr', { fullPage: false });
    await panel.locator('[data-action=confirm]').click();
    await second.waitFor({ state: 'detached' });
    await screenshot(courierPage, 'day-5-courier-done-phone-fr', { fullPage: false });
  });

  it('the tracking page says delivered, and the recipient’s two mails are in French', async () => {
    const last = trackingPage.locator('[data-tracking=timeline] li').last();
    await eventually('delivered on the tracking page', async () => {
      await trackingPage.reload();
      await trackingPage.locator('[data-tracking=state]').waitFor();
      return (await trackingPage.locator('[data-tracking=state]').innerText()).includes('Livrée');
    });
    await last.getByText('Livré').waitFor();
    expect(await last.getAttribute('class')).toContain('done');
    // (the tracking view lists no proofs yet: tracking-view.ts leaves `proofs` empty, see the report)
    await screenshot(trackingPage, 'day-6-tracking-delivered-phone-fr');

    const token = trackingUrl.split('/').pop() as string;
    await eventually('the recipient’s mails', async () => {
      const mails = mailsTo(RECIPIENT);
      return mails.some((m) => m.includes('Votre colis a été livré')) && mails.length >= 2;
    });
    const mails = mailsTo(RECIPIENT);
    expect(mails.filter((m) => m.includes('Votre colis a été récupéré') && m.includes(`/track/${token}`))).toHaveLength(
      1,
    );
    expect(mails.filter((m) => m.includes('Votre colis a été livré') && m.includes(`/track/${token}`))).toHaveLength(1);

    // and the dispatcher's detail page: completed
    await dispatcherPage.reload();
    await dispatcherPage.getByRole('heading', { name: REF, level: 1 }).waitFor();
    await dispatcherPage.locator('.head fc-status-chip').first().getByText('Completed').waitFor();
    await screenshot(dispatcherPage, 'day-6-completed-detail-desktop-en');
  });
});
