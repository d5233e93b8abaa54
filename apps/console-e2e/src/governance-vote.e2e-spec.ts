/**
 * REAL journey (no mocks): on a phone, in French, a Lyon member votes on the open proposal
 * (dispatch → automatic, results hidden) in two taps; a second member gives them a proxy and the
 * first votes for both; the clock of the API and the worker moves past the close (the stack's
 * OffsetFileClock); the worker's job closes, tallies and enacts; the settings page shows the new
 * dispatch mode with the proposal named in its history; the chain check confirms the ballots;
 * the outcome mails are in the mail folder, in French.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, type E2eBrowser } from './support/browser';
import { urlOf } from './support/env';
import { DEMO_PASSWORD, signIn } from './support/real-stack';
import { horizontalOverflow, screenshot } from './support/screenshot';

const TITLE = 'Passer la répartition en automatique';
const MEMBER = 'member@lyon.demo';
const SECOND = 'dispatcher@lyon.demo';

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

/** Signs in and waits for the home page (the tokens are stored once the URL leaves /sign-in). */
async function signedIn(page: Page, email: string): Promise<void> {
  await signIn(page, email, DEMO_PASSWORD);
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.locator('fc-home-card, h1').first().waitFor();
}

async function openProposal(page: Page): Promise<string> {
  await page.goto(urlOf('/proposals'));
  await page.getByRole('heading', { name: 'Propositions', level: 1 }).waitFor();
  await page.getByRole('link', { name: TITLE }).first().click();
  await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
  return new URL(page.url()).pathname.split('/').pop() as string;
}

// the close waits for the worker's sweep after the clock moves
jest.setTimeout(120_000);

describe('a Lyon member votes on a phone, in French, and the enacted setting shows up', () => {
  let member: E2eBrowser;
  let second: E2eBrowser;
  let memberPage: Page;
  let proposalId: string;

  beforeAll(async () => {
    member = await launchBrowser({ viewport: 'phone', locale: 'fr-FR' });
    second = await launchBrowser({ viewport: 'phone', locale: 'fr-FR' });
  });
  afterAll(async () => {
    const file = process.env['E2E_CLOCK_FILE'];
    if (file) writeFileSync(file, '0');
    await member?.close();
    await second?.close();
  });

  it('votes yes in two taps: choose, then confirm', async () => {
    memberPage = await member.newPage();
    await signedIn(memberPage, MEMBER);
    proposalId = await openProposal(memberPage);
    await memberPage.getByText('Les résultats restent cachés').first().waitFor();
    expect(await memberPage.locator('[data-panel=results]').count()).toBe(0);
    await screenshot(memberPage, 'gov-proposal-open-phone-fr');
    await memberPage.getByRole('button', { name: 'Oui', exact: true }).click();
    await memberPage.getByRole('button', { name: 'Confirmer : Oui' }).click();
    await memberPage.getByText('Vous avez voté : Oui').waitFor();
    expect(await horizontalOverflow(memberPage)).toBe(0);
    await screenshot(memberPage, 'gov-proposal-voted-phone-fr');
  });

  it('a second member gives the first their proxy; the first votes for them', async () => {
    const page = await second.newPage();
    await signedIn(page, SECOND);
    await openProposal(page);
    await page.locator('[data-panel=proxy] mat-select').click({ force: true });
    await page.getByRole('option', { name: 'Member Lyon' }).click();
    await page.getByRole('button', { name: 'Donner ma procuration' }).click();
    await page.getByText('Vous avez donné procuration à Member Lyon.').waitFor();
    await screenshot(page, 'gov-proxy-given-phone-fr');

    await memberPage.reload();
    await memberPage.getByText('Voter pour Dispatcher Lyon').waitFor();
    const held = memberPage.locator('.held');
    await held.getByRole('button', { name: 'Oui', exact: true }).click();
    await held.getByRole('button', { name: 'Confirmer : Oui' }).click();
    await held.getByText('son vote : Oui').waitFor();
    await screenshot(memberPage, 'gov-proxy-vote-phone-fr');
  });

  it('closes when the clock passes its close, the worker enacts it, and the results show', async () => {
    writeFileSync(process.env['E2E_CLOCK_FILE'] as string, String(7 * 24 * 3_600_000));
    for (let i = 0; i < 30; i += 1) {
      await memberPage.reload();
      await memberPage.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
      if (await memberPage.getByText('Adoptée · Appliquée').count()) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    await memberPage.getByText('Adoptée · Appliquée').first().waitFor({ timeout: 2000 });
    await memberPage.locator('[data-panel=results]').waitFor();
    await memberPage.getByRole('button', { name: 'Vérifier la chaîne' }).click();
    await memberPage.getByText(/La chaîne de \d+ bulletins est intacte/).waitFor();
    const head = (await memberPage.locator('[data-chain-head]').textContent())?.trim() ?? '';
    expect(head).toMatch(/^[0-9a-f]{64}$/);
    await memberPage.locator('[data-panel=results]').scrollIntoViewIfNeeded();
    await screenshot(memberPage, 'gov-results-phone-fr');
  });

  it('the settings page shows the new dispatch mode, and the proposal behind it', async () => {
    await memberPage.goto(urlOf('/settings'));
    await memberPage.getByRole('heading', { name: 'Paramètres', level: 1 }).waitFor();
    const card = memberPage.locator('[data-setting=dispatch_mode]');
    await card.locator('[data-current]').getByText('Automatique').waitFor();
    await card.getByRole('link', { name: `Appliquée par « ${TITLE} »` }).waitFor();
    await card.getByRole('link', { name: 'Appliquée par « Passer la répartition en mode suggestion »' }).waitFor();
    await card.scrollIntoViewIfNeeded();
    await screenshot(memberPage, 'gov-settings-phone-fr', { fullPage: false });
  });

  it('the outcome mails are in the mail sink, in French, with the chain head', async () => {
    const mails = mailsTo(MEMBER).filter((m) => m.includes(`/proposals/${proposalId}`));
    expect(
      mails.some((m) => m.includes('a été adoptée et s’applique') && /cha[iî]ne des bulletins : [0-9a-f]{64}/.test(m)),
    ).toBe(true);
    expect(mailsTo(SECOND).some((m) => m.includes(`/proposals/${proposalId}`))).toBe(true);
  });

  it('on a desktop, in English, the closed proposals list both Lyon decisions with their participation', async () => {
    const desktop = await launchBrowser({ viewport: 'desktop', locale: 'en-GB' });
    try {
      const page = await desktop.newPage();
      await signedIn(page, 'admin@lyon.demo');
      await page.goto(urlOf('/proposals'));
      await page.getByRole('heading', { name: 'Proposals', level: 1 }).waitFor();
      await page.locator('mat-button-toggle', { hasText: 'Closed' }).click();
      await page.getByRole('link', { name: TITLE }).waitFor();
      await page.getByRole('link', { name: 'Passer la répartition en mode suggestion' }).waitFor();
      await page
        .getByText(/\d+ of \d+ voted/)
        .first()
        .waitFor();
      await screenshot(page, 'gov-proposals-closed-desktop-en');
      await page.goto(urlOf('/settings'));
      await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
      await page.locator('[data-setting=dispatch_mode] [data-current]').getByText('Automatic').waitFor();
      await screenshot(page, 'gov-settings-desktop-en', { fullPage: false });
      // Lyon's admin is its delegate: they vote for Lyon on the federation's open proposal
      await page.goto(urlOf('/proposals/federation'));
      await page.getByRole('heading', { name: 'Federation proposals', level: 1 }).waitFor();
      const card = page.locator('[data-federation-proposal]', {
        hasText: 'Extend the licence grace period to 45 days',
      });
      await card.getByText('Licence grace period: 30 days → 45 days').waitFor();
      await card.getByRole('button', { name: 'Yes', exact: true }).click();
      await card.getByRole('button', { name: 'Confirm: Yes' }).click();
      await card.getByText('You voted: Yes').waitFor();
      await screenshot(page, 'gov-federation-delegate-desktop-en');
    } finally {
      await desktop.close();
    }
  });
});
