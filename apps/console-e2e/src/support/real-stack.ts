import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { urlOf } from './env';

/** The password of every seeded demo account (libs/identity/server seed). */
export const DEMO_PASSWORD = 'federacycle-demo';

/**
 * The first link matching `pattern` (one capture group) in the newest development mail to
 * `to`, read from the folder the stack's API writes mail to (quoted-printable decoded).
 */
export function mailLink(to: string, pattern: RegExp): string {
  const dir = process.env['E2E_MAIL_DIR'];
  if (!dir) throw new Error('E2E_MAIL_DIR is not set by the global setup');
  for (const file of readdirSync(dir).sort().reverse()) {
    const raw = readFileSync(join(dir, file), 'utf8')
      .replace(/=\r?\n/g, '')
      .replace(/=3D/g, '=');
    const match = raw.includes(to) ? pattern.exec(raw) : null;
    if (match?.[1]) return match[1];
  }
  throw new Error(`no mail to ${to} in ${dir}`);
}

export const INVITATION_LINK = /(https?:\/\/[^\s"<>]+\/invitations\/accept\?token=[A-Za-z0-9_-]+)/;

/** Signs in through the real sign-in page (language-independent selectors). */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(urlOf('/sign-in'));
  await page.locator('input[formcontrolname=email]').fill(email);
  await page.locator('input[formcontrolname=password]').fill(password);
  await page.locator('button[type=submit]').click();
}
