/**
 * REAL journey (no mocks): governance's set-up screens. On a desktop, in English, Lyon's admin
 * defines two voting colleges, places a member in one and names them a delegate to the
 * federation; the federation admin drafts a federation proposal with hidden results, publishes it
 * and opens its discussion. On a phone, in French, the member reads the colleges, comments on the
 * federation proposal and, now a delegate, may draft one.
 */
import type { Page } from 'playwright-core';
import { launchBrowser, type E2eBrowser } from './support/browser';
import { urlOf } from './support/env';
import { DEMO_PASSWORD, signIn } from './support/real-stack';
import { horizontalOverflow, screenshot } from './support/screenshot';

const FED_TITLE = 'Raise the sandbox test-order cap to 40';

async function signedIn(page: Page, email: string): Promise<void> {
  await signIn(page, email, DEMO_PASSWORD);
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.locator('fc-home-card, h1').first().waitFor();
}

jest.setTimeout(120_000);

describe('governance set-up: colleges, delegates, and a federation proposal from draft to discussion', () => {
  let desktop: E2eBrowser;
  let phone: E2eBrowser;

  beforeAll(async () => {
    desktop = await launchBrowser({ viewport: 'desktop', locale: 'en-GB' });
    phone = await launchBrowser({ viewport: 'phone', locale: 'fr-FR' });
  });
  afterAll(async () => {
    await desktop?.close();
    await phone?.close();
  });

  it('a coop admin defines two colleges, refused over 100 %, and places a member', async () => {
    const page = await desktop.newPage();
    await signedIn(page, 'admin@lyon.demo');
    await page.goto(urlOf('/proposals'));
    await page.getByRole('link', { name: 'Colleges' }).click();
    await page.getByRole('heading', { name: 'Voting colleges', level: 1 }).waitFor();
    const add = page.locator('.add');
    await add.getByLabel('College name').fill('Workers');
    await add.getByLabel('Weight').fill('60');
    await add.getByRole('button', { name: 'Add the college' }).click();
    await page.locator('[data-college=Workers]').waitFor();
    await add.getByLabel('College name').fill('Users');
    await add.getByLabel('Weight').fill('50');
    await add.getByRole('button', { name: 'Add the college' }).click();
    await page.getByRole('alert').getByText('Together, the colleges’ weights may not exceed 100 %.').waitFor();
    await add.getByLabel('Weight').fill('40');
    await add.getByRole('button', { name: 'Add the college' }).click();
    await page.locator('[data-college=Users]').waitFor();
    await page.locator('[data-total]').getByText('100 %').waitFor();
    const workers = page.locator('[data-college=Workers]');
    await workers.getByRole('checkbox', { name: 'Member Lyon' }).check();
    await workers.getByRole('button', { name: 'Save the members' }).click();
    await workers.getByText('Members (1)').waitFor();
    await screenshot(page, 'gov-colleges-admin-desktop-en');

    // the coop's delegates: Lyon's admin is one; the member becomes another
    await page.goto(urlOf('/proposals/delegates'));
    await page.getByRole('heading', { name: 'Delegates to the federation', level: 1 }).waitFor();
    await page.locator('[data-delegate="Admin Lyon"]').waitFor();
    await page.locator('mat-select[name=member]').click();
    await page.getByRole('option', { name: 'Member Lyon' }).click();
    await page.getByRole('button', { name: 'Name as delegate' }).click();
    await page.locator('[data-delegate="Member Lyon"]').waitFor();
    await screenshot(page, 'gov-delegates-desktop-en');
  });

  it('the federation admin drafts a federation proposal with hidden results and publishes it', async () => {
    // a browser of their own: the desktop one holds Lyon's admin's session
    const federation = await launchBrowser({ viewport: 'desktop', locale: 'en-GB' });
    try {
      await federationAdminDrafts(await federation.newPage());
    } finally {
      await federation.close();
    }
  });

  async function federationAdminDrafts(page: Page): Promise<void> {
    await signedIn(page, 'federation@federacycle.demo');
    await page.goto(urlOf('/federation/proposals'));
    await page.getByRole('heading', { name: 'Federation proposals', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'New federation proposal' }).click();
    await page.getByRole('heading', { name: 'New federation proposal', level: 1 }).waitFor();
    await page.getByLabel('Title', { exact: true }).fill(FED_TITLE);
    await page.locator('mat-select[name=key]').click();
    await page.getByRole('option', { name: 'Sandbox daily test-order cap' }).click();
    await page.locator('input[name=value]').fill('40');
    await page.getByLabel('Why (Markdown)').fill('Coops trying the platform need more test orders.');
    await page.getByRole('checkbox', { name: 'Hide the results until voting closes' }).check();
    await screenshot(page, 'gov-federation-new-desktop-en');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    const card = page.locator('[data-federation-proposal]', { hasText: FED_TITLE });
    await card.getByText('Draft', { exact: true }).waitFor();
    await card.getByRole('button', { name: 'Publish' }).click();
    await card.getByText('Upcoming', { exact: true }).waitFor();
    await card.getByRole('button', { name: 'Discussion' }).click();
    await card.getByLabel('Your comment').fill('Forty is still far below a real day of orders.');
    await card.getByRole('button', { name: 'Comment', exact: true }).click();
    await card.getByText('Forty is still far below a real day of orders.').waitFor();
    await screenshot(page, 'gov-federation-published-desktop-en');
  }

  it('on a phone, in French, the member reads the colleges and discusses the federation proposal', async () => {
    const page = await phone.newPage();
    await signedIn(page, 'member@lyon.demo');
    await page.goto(urlOf('/proposals/colleges'));
    await page.getByRole('heading', { name: 'Collèges de vote', level: 1 }).waitFor();
    await page.locator('[data-college=Workers]').getByText('Member Lyon').waitFor();
    expect(await page.getByRole('button', { name: 'Enregistrer' }).count()).toBe(0);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'gov-colleges-member-phone-fr');

    await page.goto(urlOf('/proposals/federation'));
    await page.getByRole('heading', { name: 'Propositions de la fédération', level: 1 }).waitFor();
    // a delegate now: they may draft one
    await page.getByRole('link', { name: 'Nouvelle proposition fédérale' }).waitFor();
    const card = page.locator('[data-federation-proposal]', { hasText: FED_TITLE });
    await card.getByRole('button', { name: 'Discussion' }).click();
    await card.getByText('Forty is still far below a real day of orders.').waitFor();
    await card.getByLabel('Votre commentaire').fill('D’accord, à condition de le revoir dans six mois.');
    await card.getByRole('button', { name: 'Commenter' }).click();
    await card.getByText('D’accord, à condition de le revoir dans six mois.').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'gov-federation-discussion-phone-fr', { fullPage: false });
  });
});
