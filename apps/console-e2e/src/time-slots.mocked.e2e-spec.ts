/**
 * MOCKED journeys of time slots and partner deliveries in the console (every /api call fulfilled
 * by page.route()):
 *  - a coop admin (desktop, English) sees the coop's time slots with their next windows and creates one;
 *  - a dispatcher on a French phone reads them (no editing);
 *  - a dispatcher (desktop) books a new delivery's dropoff in a slot's window from the Deliveries page;
 *  - a partner-created delivery's page names its source, partner, price and slot.
 * The API's side (windows, capacity, the partner API) is time-slots.int-spec's and partner-deliveries.int-spec's.
 */
import type {
  DeliveryPartnerView,
  DeliveryView,
  SessionResponse,
  TaskView,
  TimeSlotChoice,
  TimeSlotView,
} from '@federacycle/contracts';
import type { Page, Route } from 'playwright-core';
import { launchBrowser, type E2eBrowser } from './support/browser';
import { urlOf } from './support/env';
import { horizontalOverflow, screenshot } from './support/screenshot';

const COOP = '00000000-0000-4000-8000-00000000000a';
const SLOT = '00000000-0000-4000-8000-0000000000b1';
const DELIVERY = '00000000-0000-4000-8000-0000000000d7';
const AT = '2026-12-07T09:00:00Z';

const slot: TimeSlotView = {
  id: SLOT,
  name: 'Afternoons, 2 hours',
  intervalMinutes: 120,
  openingHours: 'Mo-Sa 12:00-20:00; PH off',
  priorNoticeMinutes: 60,
  workingDaysOnly: false,
  capacity: 6,
  horizonDays: 7,
  createdAt: AT,
  updatedAt: AT,
};
const choices: TimeSlotChoice[] = [
  { start: '2026-12-09T11:00:00.000Z', end: '2026-12-09T13:00:00.000Z', booked: 4, remaining: 2 },
  { start: '2026-12-09T13:00:00.000Z', end: '2026-12-09T15:00:00.000Z', booked: 1, remaining: 5 },
  { start: '2026-12-09T15:00:00.000Z', end: '2026-12-09T17:00:00.000Z', booked: 0, remaining: 6 },
];

const sessionOf = (roles: Array<'coop_admin' | 'dispatcher'>, email: string): SessionResponse => ({
  accessToken: `${roles[0]}-access`,
  refreshToken: `${roles[0]}-refresh`,
  expiresIn: 900,
  principal: {
    userId: `u-${roles[0]}`,
    email,
    name: roles[0] === 'coop_admin' ? 'Alex Admin' : 'Dana Dispatch',
    coopId: COOP,
    roles,
    platformRoles: [],
    sessionId: `s-${roles[0]}`,
    merchantIds: [],
    locale: null,
  },
  memberships: [{ coopId: COOP, coopSlug: 'lyon', coopName: 'Coursiers Lyonnais', roles }],
});

const task = (
  id: string,
  kind: TaskView['kind'],
  address: string,
  after: string | null,
  before: string | null,
): TaskView => ({
  id,
  deliveryId: DELIVERY,
  kind,
  state: 'open',
  attempt: 1,
  previousTaskId: null,
  address,
  lat: 45.76,
  lng: 4.84,
  after,
  before,
  serviceMinutes: 0,
  contactName: kind === 'dropoff' ? 'Ada L.' : null,
  contactPhone: kind === 'dropoff' ? '+33612345678' : null,
  contactEmail: null,
  contactLanguage: null,
  comments: kind === 'dropoff' ? '2nd floor' : 'Order #123',
  packages: [],
  weightGrams: 0,
  failureReason: null,
  assignment: null,
  createdAt: AT,
  updatedAt: AT,
});
const partnerDelivery: DeliveryView = {
  id: DELIVERY,
  reference: 'WOO-123',
  state: 'open',
  merchantId: null,
  trackingToken: 'Tk9fQUNUVUFMX1RPS0VOX0pVU1RfQV9KT1VSTkVZX01PQ0s',
  source: 'partner_api',
  timeSlotId: SLOT,
  tasks: [
    task(
      '00000000-0000-4000-8000-0000000000a1',
      'pickup',
      'Boulangerie Bellecour, 1 place Bellecour, 69002 Lyon',
      null,
      '2026-12-09T10:35:00.000Z',
    ),
    task(
      '00000000-0000-4000-8000-0000000000a2',
      'dropoff',
      '10 cours Vitton, 69006 Lyon',
      choices[0]?.start ?? null,
      choices[0]?.end ?? null,
    ),
  ],
  createdAt: AT,
  updatedAt: AT,
};
const partner: DeliveryPartnerView = {
  clientId: '00000000-0000-4000-8000-0000000000c1',
  clientName: 'Boulangerie Bellecour (WooCommerce)',
  test: false,
  price: { amountMinor: 790, currency: 'EUR', breakdown: {} },
};

/** Routes `METHOD /path` to JSON answers; `POST` bodies are kept; anything else is a 404 ROUTE_NOT_FOUND. */
async function mockApi(p: Page, answers: () => Record<string, unknown>, posted: unknown[] = []): Promise<void> {
  await p.route('**/api/**', async (route: Route) => {
    const request = route.request();
    const key = `${request.method()} ${new URL(request.url()).pathname}`;
    if (request.method() === 'POST' && !key.includes('/auth/')) posted.push(request.postDataJSON());
    const known = answers();
    if (key in known) {
      const status = request.method() === 'POST' && !key.includes('/auth/') ? 201 : 200;
      return route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(known[key]) });
    }
    return route.fulfill({
      status: 404,
      contentType: 'application/json',
      body: JSON.stringify({ statusCode: 404, code: 'ROUTE_NOT_FOUND', message: key }),
    });
  });
}

async function signIn(page: Page, email: string, labels = { email: 'Email', password: 'Password', button: 'Sign in' }) {
  await page.getByRole('heading', { name: labels.button }).waitFor();
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password).fill('correct horse battery');
  await page.getByRole('button', { name: labels.button }).click();
}

describe('time slots and partner deliveries in the console (mocked API)', () => {
  let desktop: E2eBrowser;
  let phone: E2eBrowser;

  beforeAll(async () => {
    desktop = await launchBrowser({ viewport: 'desktop' });
    phone = await launchBrowser({ viewport: 'phone', locale: 'fr-FR' });
  });
  afterAll(async () => {
    await desktop?.close();
    await phone?.close();
  });

  it('a coop admin sees the slots with their next windows and creates one', async () => {
    const admin = sessionOf(['coop_admin'], 'admin@lyon.demo');
    let slots = [slot];
    const posted: unknown[] = [];
    const created: TimeSlotView = {
      ...slot,
      id: '00000000-0000-4000-8000-0000000000b2',
      name: 'Evenings',
      capacity: null,
    };
    const page = await desktop.newPage();
    await mockApi(
      page,
      () => ({
        'POST /api/auth/sign-in': admin,
        'GET /api/auth/me': { principal: admin.principal, memberships: admin.memberships },
        'GET /api/dispatch/time-slots': { items: slots },
        [`GET /api/dispatch/time-slots/${SLOT}/choices`]: { slotId: SLOT, timeZone: 'Europe/Paris', items: choices },
        [`GET /api/dispatch/time-slots/${created.id}/choices`]: {
          slotId: created.id,
          timeZone: 'Europe/Paris',
          items: [],
        },
        'POST /api/dispatch/time-slots': created,
      }),
      posted,
    );
    await page.goto(urlOf('/deliveries/time-slots'));
    await signIn(page, 'admin@lyon.demo');
    await page.getByRole('heading', { name: 'Time slots', level: 1 }).waitFor();
    const card = page.locator(`[data-slot="${slot.name}"]`);
    await card.getByText('every 120 min · 60 min notice · 6 per window').waitFor();
    await card.getByText('2 left').waitFor();
    await screenshot(page, 'mocked-time-slots-admin-desktop-en');

    const form = page.locator('[data-form=time-slot]');
    await form.getByLabel('Name').fill('Evenings');
    await form.getByLabel('Opening hours').fill('Mo-Fr 18:00-22:00');
    await form.getByLabel('Deliveries per window').fill('');
    slots = [slot, created];
    await form.getByRole('button', { name: 'Create time slot' }).click();
    await page.locator('[data-slot="Evenings"]').getByText('No window with a place left in the coming days').waitFor();
    expect(posted).toEqual([
      {
        name: 'Evenings',
        intervalMinutes: 120,
        openingHours: 'Mo-Fr 18:00-22:00',
        priorNoticeMinutes: 60,
        capacity: null,
        horizonDays: 7,
        workingDaysOnly: false,
      },
    ]);
    // the form is ready for the next slot: its starting values, no error shown
    expect(await form.getByLabel('Name').inputValue()).toBe('');
    expect(await form.getByLabel('Window length').inputValue()).toBe('120');
    expect(await form.locator('.mat-form-field-invalid').count()).toBe(0);
    await page.keyboard.press('Shift+Tab');
    await screenshot(page, 'mocked-time-slots-created-desktop-en');
  });

  it('a dispatcher on a French phone reads the slots without editing them', async () => {
    const dispatcher = sessionOf(['dispatcher'], 'dispatch@lyon.demo');
    const page = await phone.newPage();
    await mockApi(page, () => ({
      'POST /api/auth/sign-in': dispatcher,
      'GET /api/auth/me': { principal: dispatcher.principal, memberships: dispatcher.memberships },
      'GET /api/dispatch/time-slots': { items: [slot] },
      [`GET /api/dispatch/time-slots/${SLOT}/choices`]: { slotId: SLOT, timeZone: 'Europe/Paris', items: choices },
    }));
    await page.goto(urlOf('/deliveries/time-slots'));
    await signIn(page, 'dispatch@lyon.demo', { email: 'E-mail', password: 'Mot de passe', button: 'Se connecter' });
    await page.getByRole('heading', { name: 'Créneaux', level: 1 }).waitFor();
    await page.getByText('Prochaines plages').waitFor();
    expect(await page.locator('[data-form=time-slot]').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Modifier' }).count()).toBe(0);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'mocked-time-slots-dispatcher-phone-fr');
  });

  it('a dispatcher books a delivery in a slot window, and a partner delivery names its partner', async () => {
    const dispatcher = sessionOf(['dispatcher'], 'dispatch@lyon.demo');
    const posted: unknown[] = [];
    const page = await desktop.newPage();
    await mockApi(
      page,
      () => ({
        'POST /api/auth/sign-in': dispatcher,
        'GET /api/auth/me': { principal: dispatcher.principal, memberships: dispatcher.memberships },
        'GET /api/dispatch/deliveries': { items: [], total: 0 },
        'GET /api/dispatch/time-slots': { items: [slot] },
        [`GET /api/dispatch/time-slots/${SLOT}/choices`]: { slotId: SLOT, timeZone: 'Europe/Paris', items: choices },
        'POST /api/dispatch/deliveries': partnerDelivery,
        [`GET /api/dispatch/deliveries/${DELIVERY}`]: partnerDelivery,
        [`GET /api/dispatch/deliveries/${DELIVERY}/events`]: { items: [] },
        [`GET /api/dispatch/deliveries/${DELIVERY}/proofs`]: { items: [] },
        [`GET /api/ordering/deliveries/${DELIVERY}/partner`]: partner,
      }),
      posted,
    );
    await page.goto(urlOf('/deliveries'));
    await signIn(page, 'dispatch@lyon.demo');
    await page.getByRole('heading', { name: 'New delivery' }).waitFor();
    const section = page.locator('[data-section=time-slot]');
    await section.getByLabel('Time slot (optional)').click();
    await page.getByRole('option', { name: slot.name }).click();
    await section.getByLabel('Window').click();
    await page.getByRole('option', { name: /2 left/ }).click();
    for (const [stop, address, lat, lng] of [
      ['pickup-0', '3 rue Mercière, 69002 Lyon', '45.7625', '4.8339'],
      ['dropoff-0', '10 cours Vitton, 69006 Lyon', '45.7699', '4.8531'],
    ] as const) {
      await page.locator(`[data-stop=${stop}] [formcontrolname=address]`).fill(address);
      await page.locator(`[data-stop=${stop}] [formcontrolname=lat]`).fill(lat);
      await page.locator(`[data-stop=${stop}] [formcontrolname=lng]`).fill(lng);
    }
    expect(await page.locator('[data-stop=dropoff-0] [formcontrolname=after]').count()).toBe(0);
    await screenshot(page, 'mocked-delivery-form-slot-desktop-en', { fullPage: false });
    await page.getByRole('button', { name: 'Create delivery' }).click();
    await page.getByText('Delivery WOO-123 created.').waitFor();
    const body = posted[0] as {
      timeSlotId: string;
      tasks: Array<{ kind: string; after: string | null; before: string | null }>;
    };
    expect(body.timeSlotId).toBe(SLOT);
    expect(body.tasks[1]).toMatchObject({ kind: 'dropoff', after: choices[0]?.start, before: choices[0]?.end });

    await page.goto(urlOf(`/deliveries/${DELIVERY}`));
    const origin = page.locator('[data-field=source]');
    await origin.getByText('partner Boulangerie Bellecour (WooCommerce)').waitFor();
    await origin.getByText(/Created from: Partner API/).waitFor();
    await origin.getByText(/price €7\.90/).waitFor();
    await origin.getByText(/booked in a time slot/).waitFor();
    await screenshot(page, 'mocked-partner-delivery-detail-desktop-en');
  });
});
