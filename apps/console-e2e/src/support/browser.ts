import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; CI installs it with apt. Browsers are never downloaded. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 360, height: 740 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

export interface E2eBrowser {
  context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  viewport?: ViewportName;
  /** browser UI language (navigator.language); the console's default language follows it */
  locale?: string;
  /**
   * The console's service worker (production builds) is blocked by default: requests it made would
   * escape `page.route()` mocks. The courier app's offline journey allows it.
   */
  serviceWorkers?: 'allow' | 'block';
}

/**
 * A fresh Chromium with its own temporary profile (--user-data-dir), so no storage leaks
 * between journeys. Playwright takes the profile as launchPersistentContext's first argument.
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<E2eBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: apt-get install -y --no-install-recommends chromium`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'fc-e2e-chromium-'));
  const isMobile = options.viewport === 'phone';
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORTS[options.viewport ?? 'desktop'],
    locale: options.locale ?? 'en-GB',
    hasTouch: isMobile,
    deviceScaleFactor: 1,
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  return {
    context,
    async newPage(): Promise<Page> {
      const [blank] = context.pages();
      return blank && blank.url() === 'about:blank' ? blank : context.newPage();
    },
    async close(): Promise<void> {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
