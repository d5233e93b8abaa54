/**
 * MOCKED journeys of proof of delivery (every /api call fulfilled by page.route()):
 *  - a recipient on a French phone sees the handover code while the delivery is under way, then
 *    the photo and the signature (and the time) once it is delivered; a proof opens full size;
 *  - a dispatcher (desktop, English) sees each task's proofs on the delivery page and opens one.
 * The real API's side (which proof a token reaches, the headers) is proofs.int-spec's.
 */
import type { DeliveryProofView, DeliveryView, SessionResponse, TaskView, TrackingView } from '@federacycle/contracts';
import type { Page, Route } from 'playwright-core';
import { launchBrowser, type E2eBrowser } from './support/browser';
import { urlOf } from './support/env';
import { horizontalOverflow, screenshot } from './support/screenshot';

const TOKEN = 'Tk9fQUNUVUFMX1RPS0VOX0pVU1RfQV9KT1VSTkVZX01PQ0s';
const COOP = '00000000-0000-4000-8000-00000000000a';
const DELIVERY = '00000000-0000-4000-8000-0000000000d1';
const PICKUP = '00000000-0000-4000-8000-0000000000a1';
const DROPOFF = '00000000-0000-4000-8000-0000000000a2';
const PHOTO = '00000000-0000-4000-8000-0000000000f1';
const SIGNATURE = '00000000-0000-4000-8000-0000000000f2';
const AT = '2026-12-07T11:42:00Z';

/** images as a courier's phone would send them (drawn here: a parcel at a door, a signature) */
const PHOTO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="360" viewBox="0 0 480 360">
<rect width="480" height="360" fill="#c9b79c"/><rect x="150" y="40" width="180" height="320" fill="#6d4c33"/>
<circle cx="305" cy="200" r="8" fill="#e0c068"/><rect x="190" y="250" width="110" height="80" fill="#b07a3f"/>
<rect x="240" y="250" width="12" height="80" fill="#d9b07a"/></svg>`;
const SIGNATURE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="200" viewBox="0 0 480 200">
<rect width="480" height="200" fill="#fff"/><path d="M40 140 C 80 40, 120 40, 130 120 S 190 170, 220 90 S 280 40, 300 120
S 380 150, 440 80" fill="none" stroke="#1a237e" stroke-width="5" stroke-linecap="round"/></svg>`;

const base: TrackingView = {
  coopName: 'Coursiers Lyonnais',
  state: 'in_progress',
  timeline: [
    { step: 'created', at: '2026-12-07T10:02:00Z' },
    { step: 'assigned', at: '2026-12-07T10:05:00Z' },
    { step: 'picked_up', at: '2026-12-07T11:20:00Z' },
    { step: 'on_the_way', at: '2026-12-07T11:21:00Z' },
    { step: 'delivered', at: null },
  ],
  dropoff: { address: '10 cours Vitton, 69006 Lyon', lat: 45.7699, lng: 4.8531, after: null, before: null },
  eta: { at: '2026-12-07T11:45:00Z', basis: 'position' },
  courier: { firstName: 'Camille', lat: 45.764, lng: 4.8357, at: '2026-12-07T11:30:00Z' },
  proofs: [],
  handoverCode: '042917',
  updatedAt: '2026-12-07T11:30:00Z',
};
const delivered: TrackingView = {
  ...base,
  state: 'completed',
  timeline: base.timeline.map((e) => (e.step === 'delivered' ? { ...e, at: AT } : e)),
  eta: null,
  courier: null,
  handoverCode: null,
  proofs: [
    { id: PHOTO, kind: 'photo', url: `/api/track/${TOKEN}/proofs/${PHOTO}`, at: AT },
    { id: SIGNATURE, kind: 'signature', url: `/api/track/${TOKEN}/proofs/${SIGNATURE}`, at: AT },
  ],
};

const task = (id: string, kind: TaskView['kind'], address: string): TaskView => ({
  id,
  deliveryId: DELIVERY,
  kind,
  state: 'done',
  attempt: 1,
  previousTaskId: null,
  address,
  lat: 45.76,
  lng: 4.84,
  after: null,
  before: null,
  serviceMinutes: 3,
  contactName: null,
  contactPhone: null,
  contactEmail: null,
  contactLanguage: null,
  comments: null,
  packages: [],
  weightGrams: 0,
  failureReason: null,
  assignment: null,
  createdAt: '2026-12-07T10:02:00Z',
  updatedAt: AT,
});
const delivery: DeliveryView = {
  id: DELIVERY,
  reference: 'CMD-2291',
  state: 'completed',
  merchantId: null,
  trackingToken: TOKEN,
  source: 'console',
  timeSlotId: null,
  tasks: [
    task(PICKUP, 'pickup', 'Boulangerie, 3 rue Mercière, 69002 Lyon'),
    task(DROPOFF, 'dropoff', base.dropoff.address),
  ],
  createdAt: '2026-12-07T10:02:00Z',
  updatedAt: AT,
};
const proof = (id: string, kind: DeliveryProofView['kind']): DeliveryProofView => ({
  id,
  taskId: DROPOFF,
  taskKind: 'dropoff',
  kind,
  contentType: 'image/png',
  size: 2048,
  courierName: 'Camille Martin',
  createdAt: AT,
});
const session: SessionResponse = {
  accessToken: 'd-access',
  refreshToken: 'd-refresh',
  expiresIn: 900,
  principal: {
    userId: 'u-d',
    email: 'dispatch@lyon.demo',
    name: 'Dana Dispatch',
    coopId: COOP,
    roles: ['dispatcher'],
    platformRoles: [],
    sessionId: 's-d',
    merchantIds: [],
    locale: null,
  },
  memberships: [{ coopId: COOP, coopSlug: 'lyon', coopName: 'Coursiers Lyonnais', roles: ['dispatcher'] }],
};

/** Routes `METHOD /path` to JSON answers or images; anything else is a 404 ROUTE_NOT_FOUND. */
async function mockApi(p: Page, answers: () => Record<string, unknown>): Promise<void> {
  await p.route('**/api/**', async (route: Route) => {
    const request = route.request();
    const key = `${request.method()} ${new URL(request.url()).pathname}`;
    if (key.endsWith(`/proofs/${PHOTO}`) || key.endsWith(`/proofs/${SIGNATURE}`)) {
      const body = key.endsWith(PHOTO) ? PHOTO_SVG : SIGNATURE_SVG;
      return route.fulfill({ status: 200, contentType: 'image/svg+xml', body });
    }
    const known = answers();
    if (key in known)
      return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(known[key]) });
    return route.fulfill({
      status: 404,
      contentType: 'application/json',
      body: JSON.stringify({ statusCode: 404, code: 'ROUTE_NOT_FOUND', message: key }),
    });
  });
}

describe('proof of delivery (mocked API)', () => {
  let phone: E2eBrowser;
  let desktop: E2eBrowser;

  beforeAll(async () => {
    phone = await launchBrowser({ viewport: 'phone', locale: 'fr-FR' });
    desktop = await launchBrowser({ viewport: 'desktop' });
  });
  afterAll(async () => {
    await phone?.close();
    await desktop?.close();
  });

  it('shows the recipient the handover code while under way, then the proofs once delivered (French phone)', async () => {
    let view = base;
    const page = await phone.newPage();
    await mockApi(page, () => ({ [`GET /api/track/${TOKEN}`]: view }));
    await page.goto(urlOf(`/track/${TOKEN}`));
    const code = page.locator('[data-tracking=handover-code]');
    await code.getByText('Votre code de remise').waitFor();
    await code.getByText('042917').waitFor();
    expect(await page.locator('[data-tracking=proofs]').count()).toBe(0);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'mocked-tracking-handover-code-phone-fr');

    view = delivered;
    await page.reload();
    const proofs = page.locator('[data-tracking=proofs]');
    await proofs.getByRole('heading', { name: 'Preuve de livraison' }).waitFor();
    await proofs.getByText(/Livrée à/).waitFor();
    expect(await page.locator('[data-tracking=handover-code]').count()).toBe(0);
    const images = proofs.locator('img');
    expect(await images.count()).toBe(2);
    for (let i = 0; i < 2; i += 1) {
      await images
        .nth(i)
        .evaluate((img: HTMLImageElement) =>
          img.complete ? undefined : new Promise((resolve) => img.addEventListener('load', resolve, { once: true })),
        );
      expect(await images.nth(i).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    }
    expect(await proofs.getByRole('img', { name: 'Signature' }).count()).toBe(1);
    expect(await proofs.locator('a').first().getAttribute('href')).toBe(`/api/track/${TOKEN}/proofs/${PHOTO}`);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'mocked-tracking-proofs-phone-fr');
  });

  it('shows a dispatcher the dropoff’s proofs on the delivery page, each opening full size (desktop)', async () => {
    const page = await desktop.newPage();
    await mockApi(page, () => ({
      'POST /api/auth/sign-in': session,
      'GET /api/auth/me': { principal: session.principal, memberships: session.memberships },
      [`GET /api/dispatch/deliveries/${DELIVERY}`]: delivery,
      [`GET /api/dispatch/deliveries/${DELIVERY}/events`]: { items: [] },
      [`GET /api/dispatch/deliveries/${DELIVERY}/proofs`]: {
        items: [proof(PHOTO, 'photo'), proof(SIGNATURE, 'signature')],
      },
    }));
    await page.goto(urlOf(`/deliveries/${DELIVERY}`));
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill('dispatch@lyon.demo');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'CMD-2291', level: 1 }).waitFor();
    const dropoff = page.locator('[data-task=dropoff]');
    const thumbs = dropoff.locator('[data-list=proofs] img');
    await thumbs.nth(1).waitFor();
    expect(await thumbs.count()).toBe(2);
    expect(await page.locator('[data-task=pickup] [data-list=proofs]').count()).toBe(0);
    await screenshot(page, 'mocked-delivery-proofs-desktop-en');

    await dropoff.getByRole('button', { name: 'Open at full size: Signature' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Collected by Camille Martin', { exact: false }).waitFor();
    expect(await dialog.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await screenshot(page, 'mocked-delivery-proof-dialog-desktop-en');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
  });
});
