import type { CoopRole } from '@federacycle/contracts';
import type { MailLocale } from '../mail/federation-mailer';
import type { ApplicationEvent } from '../lifecycle/application-lifecycle';

/** A mail's subject and body (the mailer adds greeting, link and signature). */
export interface MailContent {
  subject: string;
  text: string;
}

/** How the mails name the coop roles (never the codes). */
export const ROLE_LABELS: Record<MailLocale, Record<CoopRole, string>> = {
  en: {
    coop_admin: 'Coop admin',
    dispatcher: 'Dispatcher',
    courier: 'Courier',
    merchant_staff: 'Merchant staff',
    member: 'Member',
  },
  fr: {
    coop_admin: 'Administrateur·rice',
    dispatcher: 'Répartiteur·rice',
    courier: 'Coursier·ère',
    merchant_staff: 'Personnel commerçant',
    member: 'Membre',
  },
};

/** "Coop admin, Member" / "Administrateur·rice, Membre" */
export function roleLabels(locale: MailLocale, roles: readonly CoopRole[]): string {
  return roles.map((r) => ROLE_LABELS[locale][r]).join(', ');
}

/** The language of a request's Accept-Language header: French when French comes first, else English. */
export function localeFromAcceptLanguage(header: string | undefined): MailLocale {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { lang: tag.trim().toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), index };
    })
    .filter((l) => l.q > 0 && (l.lang === 'en' || l.lang === 'fr'))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.lang === 'fr' ? 'fr' : 'en';
}

/** The applicant's receipt of their application. */
export function receivedMail(locale: MailLocale, name: string): MailContent {
  return locale === 'fr'
    ? {
        subject: `Votre candidature à Federacycle : ${name}`,
        text: `Nous avons bien reçu la candidature de ${name}. Suivez son examen ici :`,
      }
    : {
        subject: `Your application to Federacycle: ${name}`,
        text: `We received the application of ${name}. Follow its review here:`,
      };
}

/** The applicant's notice of a decision on their application. */
export function decisionMail(
  locale: MailLocale,
  event: ApplicationEvent,
  name: string,
  reason: string | null,
): MailContent {
  if (locale === 'fr') {
    switch (event) {
      case 'start_review':
        return {
          subject: `Votre candidature est en cours d’examen : ${name}`,
          text: `Un·e administrateur·rice de la fédération a commencé l’examen de la candidature de ${name}. Suivez-le ici :`,
        };
      case 'approve':
        return {
          subject: `Bienvenue dans la fédération : ${name} est acceptée`,
          text: `La fédération a accepté ${name} et signé sa licence. Vous allez recevoir l’invitation pour créer votre compte. Suivez votre candidature ici :`,
        };
      case 'reject':
        return {
          subject: `Votre candidature n’a pas été acceptée : ${name}`,
          text: `La fédération n’a pas accepté la candidature de ${name}. Motif : ${reason ?? ''}`,
        };
    }
  }
  switch (event) {
    case 'start_review':
      return {
        subject: `Your application is under review: ${name}`,
        text: `A federation admin started reviewing the application of ${name}. Follow it here:`,
      };
    case 'approve':
      return {
        subject: `Welcome to the federation: ${name} is approved`,
        text: `The federation approved ${name} and signed its licence. Check your mailbox for the invitation to set up your account. Follow your application here:`,
      };
    case 'reject':
      return {
        subject: `Your application was not accepted: ${name}`,
        text: `The federation did not accept the application of ${name}. Reason: ${reason ?? ''}`,
      };
  }
}

/** The first admin's invitation into the new coop, naming the roles they get. */
export function invitationMail(
  locale: MailLocale,
  name: string,
  roles: readonly CoopRole[],
  days: number,
): MailContent {
  return locale === 'fr'
    ? {
        subject: `Vous êtes invité·e à rejoindre ${name} sur Federacycle`,
        text: `${name} est désormais membre de la fédération. Vous y êtes invité·e avec les rôles : ${roleLabels('fr', roles)}. Ouvrez ce lien dans les ${days} jours pour créer votre compte :`,
      }
    : {
        subject: `You are invited to ${name} on Federacycle`,
        text: `${name} is now a member of the federation. You are invited with the roles: ${roleLabels('en', roles)}. Open this link within ${days} days to create your coop admin account:`,
      };
}
