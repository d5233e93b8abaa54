/**
 * REAL journey (no mocks) of the cooperative-only licence: a coop applies on a phone in
 * French → the federation admin reviews and approves → the invited admin sets a password
 * and sees a valid licence → the federation suspends the coop → its admin sees the
 * restriction banner, and Publish is disabled with the reason.
 */
import type { Page } from 'playwright-core';
import { launchBrowser, type E2eBrowser } from './support/browser';
import { urlOf } from './support/env';
import { DEMO_PASSWORD, INVITATION_LINK, mailLink, signIn } from './support/real-stack';
import { horizontalOverflow, screenshot } from './support/screenshot';

const suffix = Date.now().toString(36);
const COOP = `Roue Libre ${suffix}`;
const ADMIN_EMAIL = `zoe.${suffix}@roue-libre.test`;
const ADMIN_PASSWORD = 'a-long-coop-admin-password';

/** A fresh, valid SIREN (9 digits, Luhn) so reruns never collide on the registration. */
function randomSiren(): string {
  const digits = Array.from({ length: 8 }, () => Math.floor(Math.random() * 10));
  for (let check = 0; check < 10; check += 1) {
    const all = [...digits, check];
    const sum = all.reduce((acc, d, i) => {
      const v = i % 2 === 1 ? d * 2 : d;
      return acc + (v > 9 ? v - 9 : v);
    }, 0);
    if (sum % 10 === 0) return all.join('');
  }
  throw new Error('unreachable');
}

describe('federation onboarding through the real API', () => {
  let applicant: E2eBrowser;
  let federation: E2eBrowser;
  let fed: Page;

  beforeAll(async () => {
    applicant = await launchBrowser({ viewport: 'phone', locale: 'fr-FR' });
    federation = await launchBrowser({ viewport: 'desktop', locale: 'en-GB' });
  });

  afterAll(async () => {
    await applicant?.close();
    await federation?.close();
  });

  it('a coop applies with its statutes, on a phone, in French', async () => {
    const p = await applicant.newPage();
    await p.goto(urlOf('/apply'));
    await p.getByRole('heading', { name: 'Créer une coop', level: 1 }).waitFor();
    await p.getByLabel('Nom de la coopérative').fill(COOP);
    await p.getByLabel('Ville').fill('Nantes');
    await p.getByRole('combobox', { name: 'Pays' }).click();
    await p.getByRole('option', { name: 'France' }).click();
    await p.locator('[data-next="coop"]').click();
    await p.getByRole('combobox', { name: 'Forme juridique' }).click();
    await p.getByRole('option', { name: /SCIC/ }).first().click();
    await p.getByLabel('Numéro d’immatriculation').fill(randomSiren());
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    await p.locator('#statutes-input').setInputFiles({ name: 'statuts.pdf', mimeType: 'application/pdf', buffer: pdf });
    await p.locator('[data-next="legal"]').click();
    await p.getByLabel('Je déclare que chaque coursier·ère est sociétaire ou salarié·e de la coopérative.').check();
    await p.getByLabel('Je déclare que la coopérative relève de l’économie sociale et solidaire.').check();
    await p.getByLabel('Nom complet').fill('Zoé Martin');
    await p.getByLabel('E-mail').fill(ADMIN_EMAIL);
    await p.locator('[data-next="declarations"]').click();
    await p.getByRole('button', { name: 'Envoyer la candidature' }).click();
    await p.getByRole('heading', { name: 'Votre candidature' }).waitFor();
    await p.getByText('Reçue', { exact: true }).waitFor();
    expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
    await screenshot(p, 'real-application-status-phone-fr');
  });

  it('the federation admin reviews the evidence and approves', async () => {
    fed = await federation.newPage();
    await signIn(fed, 'federation@federacycle.demo', DEMO_PASSWORD);
    await fed.getByRole('link', { name: 'Applications', exact: true }).first().click();
    await fed.getByRole('heading', { name: 'Applications', level: 1 }).waitFor();
    await screenshot(fed, 'real-applications-queue-desktop-en');
    await fed.getByRole('link', { name: COOP }).click();
    await fed.getByRole('heading', { name: COOP, level: 1 }).waitFor();
    await fed.getByRole('button', { name: 'Start the review' }).click();
    await fed.getByText(`Review of ${COOP} started.`).waitFor();
    for (const label of [
      'The legal form is a cooperative one',
      'The registration number was checked in the public register',
      'The statutes were read and match the application',
      'The declarations are signed',
    ]) {
      await fed.getByLabel(label).check();
    }
    await fed.getByRole('button', { name: 'Approve', exact: true }).click();
    await fed.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
    await fed.getByText(`${COOP} is approved.`).waitFor();
    await screenshot(fed, 'real-application-approved-desktop-en');
  });

  it('the invited admin sets a password and sees a valid licence', async () => {
    const p = await applicant.newPage();
    await p.goto(mailLink(ADMIN_EMAIL, INVITATION_LINK));
    await p.locator('input[formcontrolname=name]').fill('Zoé Martin');
    await p.locator('input[formcontrolname=password]').fill(ADMIN_PASSWORD);
    await p.locator('input[formcontrolname=confirm]').fill(ADMIN_PASSWORD);
    await p.locator('button[type=submit]').click();
    await p.getByRole('heading', { name: /Zoé Martin/ }).waitFor();
    await p.goto(urlOf('/licence'));
    await p.getByRole('heading', { name: 'Licence', level: 1 }).waitFor();
    const status = await p.evaluate(async () => {
      const res = await fetch('/api/licence', {
        headers: { authorization: `Bearer ${sessionStorage.getItem('fc.accessToken') ?? ''}` },
      });
      return (await res.json()) as { standing: { mode: string }; licence: { status: string; token: string } | null };
    });
    expect(status.standing.mode).toBe('licensed');
    expect(status.licence?.status).toBe('active');
    // anyone can verify it with the published keys
    const verdict = await p.evaluate(async (token) => {
      const res = await fetch('/api/public/licences/verify', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ licence: token }),
      });
      return (await res.json()) as { status: string };
    }, status.licence?.token ?? '');
    expect(verdict.status).toBe('valid');
    // the page agrees with the standing: publishing is possible, and says so
    await p.getByText('Votre licence est valide : vous pouvez publier la vitrine.').waitFor();
    expect(await p.getByRole('button', { name: 'Publier' }).isEnabled()).toBe(true);
    await screenshot(p, 'real-licence-valid-phone-fr');
  });

  it('once suspended, the coop admin sees the banner and cannot publish', async () => {
    // the former directory address leads to the Coops page, which lists the directory
    await fed.goto(urlOf('/federation/directory'));
    await fed.getByRole('heading', { name: 'Coops', level: 1 }).waitFor();
    await fed.getByRole('button', { name: `Actions for ${COOP}` }).click();
    await fed.getByRole('menuitem', { name: 'Suspend' }).click();
    await fed.getByLabel('Reason').fill('Membership dues unpaid for 6 months');
    await fed.getByRole('dialog').getByRole('button', { name: 'Suspend' }).click();
    await fed.getByText(`${COOP} is suspended.`).waitFor();

    // a new tab: the session is restored from the refresh token the accept step stored
    const p = await applicant.newPage();
    await p.goto(urlOf('/licence'));
    await p.getByRole('heading', { name: 'Licence', level: 1 }).waitFor();
    await p.getByRole('status', { name: 'Conformité' }).waitFor();
    await p.getByText('Publication suspendue : la fédération a suspendu la coopérative.').waitFor();
    expect(await p.getByRole('button', { name: 'Publier' }).isDisabled()).toBe(true);
    expect(await horizontalOverflow(p)).toBeLessThanOrEqual(0);
    await screenshot(p, 'real-suspended-cannot-publish-phone-fr');
  });
});
