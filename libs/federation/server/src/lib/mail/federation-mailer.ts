import { Inject, Injectable } from '@nestjs/common';
import { MailService } from '@federacycle/identity-server';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';

/** The languages the federation writes mails in. */
export type MailLocale = 'en' | 'fr';

const FRAME: Record<MailLocale, { hello: string; signature: string }> = {
  en: { hello: 'Hello,', signature: 'The Federacycle federation' },
  fr: { hello: 'Bonjour,', signature: 'La fédération Federacycle' },
};

/** The text of a mail: greeting, body, the one link, signature (in the reader's language). */
export function mailText(locale: MailLocale, text: string, link: string): string {
  const frame = FRAME[locale];
  return `${frame.hello}\n\n${text}\n\n${link}\n\n${frame.signature}\n`;
}

/**
 * The mails of the federation (lifecycle transitions, compliance notices, applications), through
 * the identity mailer: SMTP when configured, else `.eml` files under `<dataDir>/mail/`. Never blocks
 * or fails the caller: every mail goes out after the transaction committed, in the background.
 */
@Injectable()
export class FederationMailer {
  constructor(
    @Inject(MailService) private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A link into the console (PUBLIC_URL). */
  url(path: string): string {
    return `${this.config.publicUrl.replace(/\/$/, '')}${path}`;
  }

  notify(to: string | null, subject: string, text: string, link: string, locale: MailLocale = 'en'): void {
    if (!to) return;
    this.mail.sendInBackground({ to, subject, text: mailText(locale, text, link), link });
  }

  /** Awaitable variant (the worker awaits its notices so a failed mail retries the job). */
  send(to: string, subject: string, text: string, link: string, locale: MailLocale = 'en'): Promise<void> {
    return this.mail.send({ to, subject, text: mailText(locale, text, link), link });
  }
}
