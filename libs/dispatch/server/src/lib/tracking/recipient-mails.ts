import type { ContactLanguage } from '@federacycle/contracts';

export type RecipientMailKind = 'on_way' | 'delivered';

export interface RecipientMailFacts {
  coopName: string;
  address: string;
  /** the window's closing, else its opening (null: none) */
  expected: Date | null;
  link: string;
}

function when(date: Date, language: ContactLanguage): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  }).format(date);
}

/** The two mails a recipient gets, in their language; the tracking link closes each. */
export function recipientMail(
  kind: RecipientMailKind,
  facts: RecipientMailFacts,
  language: ContactLanguage,
): { subject: string; text: string } {
  if (language === 'fr') {
    return kind === 'on_way'
      ? {
          subject: `Votre livraison est en route — ${facts.coopName}`,
          text: `Bonjour,\n\nVotre colis a été récupéré : un coursier de ${facts.coopName} l’apporte au ${facts.address}${
            facts.expected ? `, attendu vers ${when(facts.expected, 'fr')}` : ''
          }.\n\nSuivez-le ici :\n${facts.link}\n\n${facts.coopName}, sur Federacycle\n`,
        }
      : {
          subject: `Votre livraison est arrivée — ${facts.coopName}`,
          text: `Bonjour,\n\nVotre colis a été livré au ${facts.address}.\n\nLe détail de la livraison :\n${facts.link}\n\n${facts.coopName}, sur Federacycle\n`,
        };
  }
  return kind === 'on_way'
    ? {
        subject: `Your delivery is on its way — ${facts.coopName}`,
        text: `Hello,\n\nYour parcel was picked up: a ${facts.coopName} courier is bringing it to ${facts.address}${
          facts.expected ? `, expected around ${when(facts.expected, 'en')}` : ''
        }.\n\nFollow it here:\n${facts.link}\n\n${facts.coopName}, on Federacycle\n`,
      }
    : {
        subject: `Your delivery has arrived — ${facts.coopName}`,
        text: `Hello,\n\nYour parcel was delivered to ${facts.address}.\n\nThe delivery's details:\n${facts.link}\n\n${facts.coopName}, on Federacycle\n`,
      };
}
