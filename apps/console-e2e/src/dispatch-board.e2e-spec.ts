/**
 * REAL journey (no mocks): the Lyon dispatcher's board. Deliveries are created through the API;
 * the dispatcher drags a task onto an on-duty courier and a second dispatcher session sees it move
 * without reloading; a bulk assignment of a shift-clicked range; the board with a few hundred
 * tasks (desktop, English) and on a phone (French).
 */
import type { Page } from 'playwright-core';
import { apiSignIn, coopDay, createDeliveries, dragTo, readBoard, type ApiSession } from './support/board-api';
import { launchBrowser, type E2eBrowser } from './support/browser';
import { urlOf } from './support/env';
import { DEMO_PASSWORD, signIn } from './support/real-stack';
import { screenshot } from './support/screenshot';
import { setDispatchMode } from './support/settings-fixture';

const DISPATCHER = 'dispatcher@lyon.demo';
const PREFIX = `B${Date.now().toString(36).toUpperCase()}`;

describe('the dispatch board through the real API', () => {
  let one: E2eBrowser;
  let two: E2eBrowser;
  let phone: E2eBrowser;
  let api: ApiSession;
  let day: string;
  let tasks: { deliveryId: string; pickupId: string; dropoffId: string }[];
  let couriers: { id: string; name: string }[];
  let previousMode: string | null = null;

  const openBoard = async (page: Page) => {
    await page.goto(urlOf('/dispatch'));
    await page.locator('[data-filter=date]').fill(day);
    await page.locator('[data-list=unassigned]').waitFor();
    await page.locator('[data-board=counts]').waitFor();
  };

  beforeAll(async () => {
    one = await launchBrowser({ viewport: 'desktop', locale: 'en-GB' });
    two = await launchBrowser({ viewport: 'desktop', locale: 'en-GB' });
    phone = await launchBrowser({ viewport: 'phone', locale: 'fr-FR' });
    // the dispatcher assigns by hand here: no planner run may take the journey's tasks first
    // (journeys share one stack, and governance-vote enacts Lyon's automatic mode)
    previousMode = await setDispatchMode('lyon', 'manual');
    api = await apiSignIn(DISPATCHER, DEMO_PASSWORD);
    // a day to come, from 08:00 in Lyon: every window of the journey falls in it
    day = coopDay(Date.now() + 2 * 86_400_000);
    const from = Date.parse(`${day}T07:00:00Z`);
    tasks = await createDeliveries(api, 6, { from, spreadMs: 30 * 60_000, prefix: PREFIX });
    const board = await readBoard(api, day);
    couriers = board.couriers.filter((c) => c.onDuty).map((c) => ({ id: c.id, name: c.name }));
  }, 120_000);
  afterAll(async () => {
    if (previousMode !== null) await setDispatchMode('lyon', previousMode);
    await one?.close();
    await two?.close();
    await phone?.close();
  });

  it('a drag onto a courier shows on a second dispatcher’s board without reload', async () => {
    expect(couriers.length).toBeGreaterThanOrEqual(2);
    const a = await one.newPage();
    const b = await two.newPage();
    await signIn(a, DISPATCHER, DEMO_PASSWORD);
    await signIn(b, DISPATCHER, DEMO_PASSWORD);
    await a.getByRole('link', { name: 'Dispatch board' }).first().click();
    await a.getByRole('heading', { name: 'Dispatch board', level: 1 }).waitFor();
    expect(await a.title()).toBe('Dispatch board · Federacycle');
    await openBoard(a);
    await openBoard(b);
    await b.locator('[data-live=live]').waitFor();
    const first = tasks[0]?.pickupId as string;
    const courier = couriers[0] as { id: string; name: string };
    await a.locator(`[data-list=unassigned] [data-task="${first}"]`).waitFor();
    await b.locator(`[data-list=unassigned] [data-task="${first}"]`).waitFor();
    await screenshot(a, 'real-board-few-desktop-en', { fullPage: false });

    await dragTo(a, `[data-list=unassigned] [data-task="${first}"]`, `[data-list="courier-${courier.id}"]`);
    await a.locator(`[data-list="courier-${courier.id}"] [data-task="${first}"]`).waitFor();
    // the other session: moved by the live stream, the page never reloaded
    const navigations: string[] = [];
    b.on('framenavigated', (frame) => navigations.push(frame.url()));
    await b.locator(`[data-list="courier-${courier.id}"] [data-task="${first}"]`).waitFor();
    await b.locator(`[data-list=unassigned] [data-task="${first}"]`).waitFor({ state: 'detached' });
    expect(navigations).toEqual([]);
    const truth = await readBoard(api, day);
    expect(truth.tasks.find((t) => t.id === first)).toMatchObject({ state: 'assigned', courierId: courier.id });
    await screenshot(b, 'real-board-after-drag-second-session-desktop-en', { fullPage: false });
  });

  it('bulk-assigns a shift-clicked range to a courier; the other board follows', async () => {
    const a = await one.newPage();
    const b = await two.newPage();
    await openBoard(a);
    await openBoard(b);
    await b.locator('[data-live=live]').waitFor();
    const courier = couriers[1] as { id: string; name: string };
    const ids = [tasks[1]?.pickupId, tasks[2]?.pickupId, tasks[3]?.pickupId] as string[];
    // the unassigned column is in window order: pickups 1, 2 and 3 are consecutive
    const rows = a.locator('[data-list=unassigned] [data-task]');
    const order = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-task')));
    const start = order.indexOf(ids[0] as string);
    const end = order.indexOf(ids[2] as string);
    expect(start).toBeGreaterThanOrEqual(0);
    const range = order.slice(start, end + 1) as string[];
    await a.locator(`[data-task="${ids[0]}"] mat-checkbox`).click();
    await a.locator(`[data-task="${ids[2]}"] mat-checkbox`).click({ modifiers: ['Shift'] });
    await a.locator('[data-board=bulk]').getByText(`${range.length} selected`).waitFor();
    await a.locator('[data-board=bulk-courier]').click();
    await a.getByRole('option', { name: courier.name }).click();
    await screenshot(a, 'real-board-bulk-selection-desktop-en', { fullPage: false });
    await a.getByRole('button', { name: 'Assign selected' }).click();
    for (const id of range) {
      await b.locator(`[data-list="courier-${courier.id}"] [data-task="${id}"]`).waitFor();
    }
    const truth = await readBoard(api, day);
    for (const id of range) expect(truth.tasks.find((t) => t.id === id)?.courierId).toBe(courier.id);
  });

  it('assigns with the keyboard through the row menu', async () => {
    const a = await one.newPage();
    await openBoard(a);
    const id = tasks[4]?.pickupId as string;
    const courier = couriers[0] as { id: string; name: string };
    const menu = a.locator(`[data-list=unassigned] [data-task="${id}"] .task__menu`);
    await menu.focus();
    await a.keyboard.press('Enter');
    await a.getByRole('menuitem', { name: 'Assign to' }).waitFor();
    await screenshot(a, 'real-board-row-menu-focus-desktop-en', { fullPage: false });
    await a.keyboard.press('Enter');
    await a.getByRole('menuitem', { name: new RegExp(`^${courier.name}`) }).click();
    await a.locator(`[data-list="courier-${courier.id}"] [data-task="${id}"]`).waitFor();
  });

  it('stays calm with a few hundred tasks, on a desktop and on a phone in French', async () => {
    await createDeliveries(api, 100, {
      from: Date.parse(`${day}T08:00:00Z`),
      spreadMs: 9 * 3_600_000,
      prefix: `${PREFIX}M`,
    });
    const a = await one.newPage();
    await openBoard(a);
    await a
      .locator('[data-board=counts]')
      .getByText(/^2\d\d tasks/)
      .waitFor();
    await screenshot(a, 'real-board-many-desktop-en', { fullPage: false });

    const p = await phone.newPage();
    await signIn(p, DISPATCHER, DEMO_PASSWORD);
    await p.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await p.goto(urlOf('/dispatch'));
    await p.locator('[data-filter=date]').fill(day);
    await p.getByRole('heading', { name: 'Tableau de dispatch', level: 1 }).waitFor();
    await p.locator('[data-list=unassigned] [data-task]').first().waitFor();
    await screenshot(p, 'real-board-many-phone-fr', { fullPage: false });
  }, 180_000);
});
