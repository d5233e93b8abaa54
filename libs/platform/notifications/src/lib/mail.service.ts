import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** the one link the mail carries: logged in development so nobody needs a mail server */
  link: string;
}

/**
 * Sends mail through SMTP (SMTP_URL). Without SMTP, each mail is written as an .eml file
 * under `<dataDir>/mail/` and its link logged: development and tests read them there.
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger('mail');
  private readonly transport: Transporter;
  private readonly outbox: string | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    if (config.smtpUrl) {
      this.transport = createTransport(config.smtpUrl);
      this.outbox = null;
    } else {
      this.transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
      this.outbox = mailDirectory(config.dataDir);
    }
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = (await this.transport.sendMail({
      from: this.config.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
    })) as { message?: Buffer | string };
    if (this.outbox === null) return;
    await mkdir(this.outbox, { recursive: true });
    const file = join(
      this.outbox,
      `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}.eml`,
    );
    await writeFile(file, info.message ?? mail.text);
    this.logger.log({ to: mail.to, subject: mail.subject, link: mail.link, file }, 'mail written (no SMTP configured)');
  }

  /** Sends without making the caller wait or fail: the response must not depend on mail. */
  sendInBackground(mail: OutgoingMail): void {
    this.send(mail).catch((error: unknown) => {
      this.logger.error(
        { err: error instanceof Error ? error.message : String(error), subject: mail.subject },
        'mail not sent',
      );
    });
  }
}

/** Where development mail lands. */
export function mailDirectory(dataDir: string): string {
  return resolve(dataDir, 'mail');
}
