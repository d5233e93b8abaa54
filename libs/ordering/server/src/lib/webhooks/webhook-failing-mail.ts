import { countryLocale, type SupportedLocale } from '@federacycle/contracts';

export interface FailingMailFacts {
  coopName: string;
  url: string;
  failingSince: Date;
  /** the console's Webhooks page */
  link: string;
}

function when(date: Date, locale: SupportedLocale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(date);
}

/** The mail a coop admin gets when a subscription becomes failing, in their language. */
export function failingMail(facts: FailingMailFacts, locale: SupportedLocale): { subject: string; text: string } {
  if (locale === 'fr') {
    return {
      subject: `Un webhook ne répond plus — ${facts.coopName}`,
      text: `Bonjour,\n\nLe webhook ${facts.url} de ${facts.coopName} n’a accepté aucun appel depuis plus de 24 heures (dernier essai le ${when(
        facts.failingSince,
        'fr',
      )} UTC) : il est marqué « en échec ». Les nouveaux événements lui sont encore envoyés ; dès qu’il répond, il redevient actif.\n\nVoyez le journal des appels et rejouez-les :\n${facts.link}\n\nFederacycle\n`,
    };
  }
  return {
    subject: `A webhook stopped answering — ${facts.coopName}`,
    text: `Hello,\n\nThe webhook ${facts.url} of ${facts.coopName} has accepted no call for more than 24 hours (last attempt ${when(
      facts.failingSince,
      'en',
    )} UTC): it is marked failing. New events are still sent to it; as soon as it answers, it is active again.\n\nSee its log of calls and replay them:\n${facts.link}\n\nFederacycle\n`,
  };
}

/** A person's chosen language, else the coop's country's. */
export function adminLocale(chosen: SupportedLocale | null, coopCountry: string): SupportedLocale {
  return chosen ?? countryLocale(coopCountry);
}
