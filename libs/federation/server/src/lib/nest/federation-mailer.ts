import { Inject, Injectable } from '@nestjs/common';
import { MailService } from '@federacycle/identity-server';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';

/**
 * The mails of the federation (lifecycle transitions, compliance notices), through the identity
 * mailer: SMTP when configured, else `.eml` files under `<dataDir>/mail/`. Never blocks or fails
 * the caller: every mail goes out after the transaction committed, in the background.
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

  notify(to: string | null, subject: string, text: string, link: string): void {
    if (!to) return;
    this.mail.sendInBackground({
      to,
      subject,
      text: `Hello,\n\n${text}\n\n${link}\n\nThe Federacycle federation\n`,
      link,
    });
  }

  /** Awaitable variant (the worker awaits its notices so a failed mail retries the job). */
  send(to: string, subject: string, text: string, link: string): Promise<void> {
    return this.mail.send({
      to,
      subject,
      text: `Hello,\n\n${text}\n\n${link}\n\nThe Federacycle federation\n`,
      link,
    });
  }
}
