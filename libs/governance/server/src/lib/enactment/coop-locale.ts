import { countryLocale, type SupportedLocale } from '@federacycle/contracts';
import type { MailLocale } from './governance-mailer';

/** The coop's default language for governance mails: its country's (contracts' countryLocale). */
export function coopLocale(country: string): MailLocale {
  return countryLocale(country);
}

/** The language of one recipient's governance mail: the one they chose, else the coop's default. */
export function recipientLocale(chosen: SupportedLocale | null | undefined, coopDefault: MailLocale): MailLocale {
  return chosen ?? coopDefault;
}
