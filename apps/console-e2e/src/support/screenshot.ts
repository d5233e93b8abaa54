import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { WORKSPACE_ROOT } from './env';

export const SCREENSHOT_DIR = join(WORKSPACE_ROOT, 'test-output', 'screenshots');

/**
 * PNG at test-output/screenshots/<name>.png (repository root), of the full page unless
 * `fullPage: false` (the viewport only: a long list's part in view). Returns the path.
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  // let Material's ripples and transitions settle
  await page.waitForTimeout(250);
  await page.screenshot({ path, fullPage: options.fullPage ?? true, animations: 'disabled' });
  return path;
}

/** Horizontal overflow in CSS pixels (0 when the page fits its viewport). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
