/**
 * REAL journey (no mocks): the seeded Lyon admin subscribes a receiver this test starts on
 * 127.0.0.1 (the e2e stack sets WEBHOOKS_ALLOW_PRIVATE_TARGETS=true) and copies the secret shown
 * once; a dispatcher creates a delivery through the API; the worker relays dispatch's event, fans it
 * out and makes the signed call, which the receiver checks (it answers 401 to a bad signature); the
 * admin sees the call in the log with status 200 and replays it. Desktop in English, phone in French.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Page } from 'playwright-core';
import { apiSignIn, createDeliveries, LYON } from './support/board-api';
import { launchBrowser, type E2eBrowser } from './support/browser';
import { urlOf } from './support/env';
import { DEMO_PASSWORD, signIn } from './support/real-stack';
import { horizontalOverflow, screenshot } from './support/screenshot';

const ADMIN = 'admin@lyon.demo';
const DISPATCHER = 'dispatcher@lyon.demo';

/** The check a receiver runs (the page's snippet): v1=hex(HMAC-SHA256(secret, timestamp.body)). */
function signed(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const timestamp = String(headers['x-federacycle-timestamp'] ?? '');
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest();
  return String(headers['x-federacycle-signature'] ?? '')
    .split(',')
    .some((part) => {
      const [scheme, hex] = part.trim().split('=');
      const given = Buffer.from(hex ?? '', 'hex');
      return scheme === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
    });
}

/** Waits (bounded) until `ready()` holds: the worker's relay, fan-out and call take a few seconds. */
async function until(ready: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('webhooks: subscribe, receive a signed call, see it logged, replay it (real API and worker)', () => {
  let desktop: E2eBrowser;
  let phone: E2eBrowser;
  let server: Server;
  let secret = '';
  const received: Array<{ valid: boolean; body: string }> = [];
  let receiverUrl = '';

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const valid = secret !== '' && signed(secret, req.headers, body);
        received.push({ valid, body });
        res.writeHead(valid ? 200 : 401).end(valid ? 'ok' : 'bad signature');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/federacycle`;
    desktop = await launchBrowser({ viewport: 'desktop', locale: 'en-GB' });
    phone = await launchBrowser({ viewport: 'phone', locale: 'fr-FR' });
  });
  afterAll(async () => {
    await desktop?.close();
    await phone?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  async function signInAs(page: Page, email: string): Promise<void> {
    await signIn(page, email, DEMO_PASSWORD);
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  }

  /** Refreshes the log until its first row shows `text`. */
  async function logShows(page: Page, text: string): Promise<void> {
    const row = page.locator('[data-list=webhook-log] tbody tr, [data-list=webhook-log] .card').first();
    await until(async () => {
      await page.locator('[data-action=refresh-log]').click();
      await page.waitForTimeout(300);
      return ((await row.textContent().catch(() => '')) ?? '').includes(text);
    }, `a log row with “${text}”`);
  }

  it('a coop admin subscribes, sees the secret once, and the signed call lands and is logged with 200; replay sends it again (desktop, English)', async () => {
    const page = await desktop.newPage();
    await signInAs(page, ADMIN);
    await page.getByRole('link', { name: 'Webhooks' }).first().click();
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    await page.locator('[data-action=new-webhook]').click();
    await page.getByLabel('Endpoint URL').fill(receiverUrl);
    await page.locator('[data-event="delivery.created"] input').check();
    await screenshot(page, 'real-webhooks-create-desktop-en');
    await page.getByRole('button', { name: 'Subscribe' }).click();

    const secretField = page.locator('[data-panel=secret] [data-field=secret]');
    await secretField.waitFor();
    secret = await secretField.inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.locator('[data-action=copy-secret]').focus();
    await screenshot(page, 'real-webhooks-secret-desktop-en');
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await page.locator('[data-panel=secret]').waitFor({ state: 'detached' });
    // the secret is never shown again: not in the list
    expect(await page.locator('[data-list=webhooks]').textContent()).not.toContain(secret);

    // a delivery is created: dispatch's event → outbox → worker fan-out → signed call
    const api = await apiSignIn(DISPATCHER, DEMO_PASSWORD);
    const [delivery] = await createDeliveries(api, 1, {
      from: Date.now() + 3_600_000,
      spreadMs: 0,
      prefix: 'HOOK',
      centre: LYON,
    });
    await until(() => received.some((r) => r.body.includes(delivery?.deliveryId ?? '?')), 'the webhook call');
    const first = received.find((r) => r.body.includes(delivery?.deliveryId ?? '?'));
    expect(first?.valid).toBe(true);
    expect(JSON.parse(first?.body ?? '{}')).toMatchObject({
      type: 'delivery.created',
      data: { deliveryId: delivery?.deliveryId },
    });

    await page.getByRole('button', { name: `Show the log of ${receiverUrl}` }).click();
    await logShows(page, '200');
    await screenshot(page, 'real-webhooks-log-desktop-en');

    const calls = received.length;
    await page.locator('[data-list=webhook-log] [data-action=replay]').first().click();
    await page.getByText('Sent again').waitFor();
    await until(() => received.length > calls, 'the replayed call');
    expect(received[received.length - 1]?.valid).toBe(true);
    // two attempts on the row now, the second a replay
    await logShows(page, 'Delivered');
    const attempts = page.locator('[data-list=webhook-log] tbody tr').first().locator('td').nth(2);
    await until(async () => {
      await page.locator('[data-action=refresh-log]').click();
      await page.waitForTimeout(300);
      return ((await attempts.textContent()) ?? '').trim() === '2';
    }, 'the second attempt in the log');
    await page.locator('[data-list=webhook-log] [data-action=replay]').first().focus();
    await screenshot(page, 'real-webhooks-replayed-desktop-en');
  });

  it('shows the subscriptions and the log on a phone, in French', async () => {
    const page = await phone.newPage();
    await signInAs(page, ADMIN);
    await page.goto(urlOf('/webhooks'));
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    await page.getByText(receiverUrl).first().waitFor();
    await page.getByText('Actif').first().waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'real-webhooks-phone-fr');
    await page.getByRole('button', { name: `Afficher le journal de ${receiverUrl}` }).click();
    await page.getByRole('heading', { name: `Appels vers ${receiverUrl}` }).waitFor();
    await page.getByText('Reçu').first().waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await page
      .getByRole('heading', { name: `Appels vers ${receiverUrl}` })
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'real-webhooks-log-phone-fr', { fullPage: false });
  });
});
