import type { SupportedLocale } from '@federacycle/contracts';
import type { MailLocale } from './governance-mailer';

/** Countries whose coops get French mails when a person has chosen no language. */
const FRENCH_COUNTRIES = new Set(['FR', 'BE', 'CH', 'LU', 'MC']);

/** The coop's default language for governance mails: its country's. */
export function coopLocale(country: string): MailLocale {
  return FRENCH_COUNTRIES.has(country) ? 'fr' : 'en';
}

/** The language of one recipient's governance mail: the one they chose, else the coop's default. */
export function recipientLocale(chosen: SupportedLocale | null | undefined, coopDefault: MailLocale): MailLocale {
  return chosen ?? coopDefault;
}
