import type { MailLocale } from './governance-mailer';

/** Countries whose coops get French mails (until identity stores each person's language). */
const FRENCH_COUNTRIES = new Set(['FR', 'BE', 'CH', 'LU', 'MC']);

/** The language of a coop's governance mails: its country's. */
export function coopLocale(country: string): MailLocale {
  return FRENCH_COUNTRIES.has(country) ? 'fr' : 'en';
}
