import { Inject, Injectable } from '@nestjs/common';
import {
  SETTINGS_CATALOGUE,
  type ProposalOutcome,
  type ProposalTally,
  type SettingKey,
  type SettingValue,
} from '@federacycle/contracts';
import { MailService } from '@federacycle/identity-server';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';

export type MailLocale = 'en' | 'fr';

export interface MailVoter {
  email: string;
  locale: MailLocale;
}

export interface MailProposal {
  id: string;
  title: string;
  closesAt: Date;
  changes: Array<{ key: SettingKey; to: SettingValue }>;
}

const FRAME: Record<MailLocale, { hello: string; signature: string }> = {
  en: { hello: 'Hello,', signature: 'Your cooperative, on Federacycle' },
  fr: { hello: 'Bonjour,', signature: 'Votre coopérative, sur Federacycle' },
};

function valueText(key: SettingKey, value: SettingValue, locale: MailLocale): string {
  const def = SETTINGS_CATALOGUE[key];
  if (typeof value === 'string') return def.valueLabels?.[value]?.[locale] ?? value;
  if (typeof value === 'boolean') return locale === 'fr' ? (value ? 'oui' : 'non') : value ? 'yes' : 'no';
  return String(value);
}

function changesText(p: MailProposal, locale: MailLocale): string {
  return p.changes
    .map((c) => `- ${SETTINGS_CATALOGUE[c.key].label[locale]} → ${valueText(c.key, c.to, locale)}`)
    .join('\n');
}

function when(date: Date, locale: MailLocale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  }).format(date);
}

const OUTCOME: Record<ProposalOutcome, Record<MailLocale, string>> = {
  passed: { en: 'passed and took effect', fr: 'a été adoptée et s’applique' },
  rejected: { en: 'was rejected', fr: 'a été rejetée' },
  no_quorum: { en: 'did not reach its quorum', fr: 'n’a pas atteint son quorum' },
};

/** The texts of the three governance mails, in the voter's language. */
export const governanceMails = {
  opened(p: MailProposal, locale: MailLocale): { subject: string; text: string } {
    return locale === 'fr'
      ? {
          subject: `Vote ouvert : ${p.title}`,
          text: `Le vote sur « ${p.title} » est ouvert jusqu’au ${when(p.closesAt, locale)}.\n\n${changesText(p, locale)}\n\nVotez ou donnez procuration :`,
        }
      : {
          subject: `Voting is open: ${p.title}`,
          text: `Voting on "${p.title}" is open until ${when(p.closesAt, locale)}.\n\n${changesText(p, locale)}\n\nVote, or give your proxy:`,
        };
  },
  reminder(p: MailProposal, locale: MailLocale): { subject: string; text: string } {
    return locale === 'fr'
      ? {
          subject: `Plus que 24 heures pour voter : ${p.title}`,
          text: `Vous n’avez pas encore voté sur « ${p.title} ». Le vote se clôt le ${when(p.closesAt, locale)}.`,
        }
      : {
          subject: `24 hours left to vote: ${p.title}`,
          text: `You have not voted on "${p.title}" yet. Voting closes on ${when(p.closesAt, locale)}.`,
        };
  },
  outcome(p: MailProposal, tally: ProposalTally, locale: MailLocale): { subject: string; text: string } {
    const figures =
      locale === 'fr'
        ? `Participation : ${tally.participationPercent} % (${tally.voted}/${tally.voters}). Oui : ${tally.yes}, non : ${tally.no}, abstention : ${tally.abstain}.`
        : `Participation: ${tally.participationPercent} % (${tally.voted}/${tally.voters}). Yes: ${tally.yes}, no: ${tally.no}, abstain: ${tally.abstain}.`;
    const chain =
      locale === 'fr'
        ? `Empreinte de la chaîne des bulletins : ${tally.chainHead}`
        : `Ballot chain head: ${tally.chainHead}`;
    return locale === 'fr'
      ? {
          subject: `Résultat : ${p.title}`,
          text: `La proposition « ${p.title} » ${OUTCOME[tally.outcome].fr}.\n\n${figures}\n${chain}`,
        }
      : {
          subject: `Outcome: ${p.title}`,
          text: `The proposal "${p.title}" ${OUTCOME[tally.outcome].en}.\n\n${figures}\n${chain}`,
        };
  },
};

/** Sends governance mails through the identity mailer (SMTP, or .eml files in development). */
@Injectable()
export class GovernanceMailer {
  constructor(
    @Inject(MailService) private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** a coop proposal's page, or the federation proposals' page (where delegates vote) */
  link(proposalId: string, scope: 'coop' | 'federation' = 'coop'): string {
    const base = this.config.publicUrl.replace(/\/$/, '');
    return scope === 'coop' ? `${base}/proposals/${proposalId}` : `${base}/proposals/federation#${proposalId}`;
  }

  async send(
    to: MailVoter,
    content: { subject: string; text: string },
    proposalId: string,
    scope: 'coop' | 'federation' = 'coop',
  ): Promise<void> {
    const frame = FRAME[to.locale];
    const link = this.link(proposalId, scope);
    await this.mail.send({
      to: to.email,
      subject: content.subject,
      text: `${frame.hello}\n\n${content.text}\n\n${link}\n\n${frame.signature}\n`,
      link,
    });
  }
}
