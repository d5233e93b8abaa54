import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ApplicationReceipt } from '@federacycle/contracts';
import { hashToken } from '@federacycle/identity-server';
import { Database, PgErrorCode, pgErrorCode } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { FederationMailer } from '../../../mail/federation-mailer';
import { CLOCK, type Clock } from '../../../shared/clock';
import { applicationInvalid } from '../../../shared/federation-errors';
import { inspectStatutes } from '../../../statutes/pdf-sniffer';
import { recordTransition } from '../../../transitions/federation-audit';
import { ApplicationAbuseLimits } from '../../application-abuse';
import { CoopApplication } from '../../application.entity';
import { validateApplication } from '../../application-input';
import { localeFromAcceptLanguage, receivedMail } from '../../application-mails';
import { ApplicationStatusTokens } from '../../application-status-token';
import { assertRegistrationFree, duplicateRegistration } from '../../registration';

export interface StatutesUpload {
  buffer: Buffer;
  size: number;
}

export interface SubmitApplicationCommand {
  /** the parsed JSON of the `application` part */
  payload: unknown;
  statutes: StatutesUpload | undefined;
  /** the request's Accept-Language: the mails' language unless the form chose one */
  acceptLanguage: string | undefined;
}

/**
 * The public "Start a coop": everything is validated first (the body, then the statutes PDF by
 * content), the admin email is throttled, then the application is written in one transaction
 * (registration free, pending cap of the email) and the applicant gets the receipt, in their
 * language, with the link to the status page (token included).
 */
@Injectable()
export class SubmitApplicationUseCase {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(ApplicationAbuseLimits) private readonly limits: ApplicationAbuseLimits,
    @Inject(ApplicationStatusTokens) private readonly tokens: ApplicationStatusTokens,
    @Inject(FederationMailer) private readonly mailer: FederationMailer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async submit(command: SubmitApplicationCommand): Promise<ApplicationReceipt> {
    const validation = validateApplication(command.payload);
    if (!validation.ok) throw applicationInvalid(validation.errors);
    const { statutes } = command;
    if (!statutes) {
      throw new ApiException(400, 'STATUTES_EMPTY', 'Attach the statutes as a PDF in the `statutes` part', [
        { field: 'statutes', code: 'REQUIRED', message: 'The statutes PDF is required.' },
      ]);
    }
    const inspection = inspectStatutes(statutes.buffer);
    if (!inspection.ok) {
      const status =
        inspection.code === 'STATUTES_TOO_LARGE' ? 413 : inspection.code === 'STATUTES_NOT_PDF' ? 415 : 400;
      throw new ApiException(status, inspection.code, inspection.message, [
        { field: 'statutes', code: inspection.code, message: inspection.message },
      ]);
    }
    const app = validation.value;
    const email = app.admin.email.toLowerCase();
    await this.limits.consume('application:email', email);
    const id = randomUUID();
    const token = this.tokens.tokenFor(id);
    const locale = app.locale ?? localeFromAcceptLanguage(command.acceptLanguage);
    const now = this.clock.now();
    try {
      await this.db.platform(async (tx) => {
        await assertRegistrationFree(tx, app.registrationKey, null);
        await this.limits.assertPendingBelowCap(tx, email);
        await tx.manager.insert(CoopApplication, {
          id,
          name: app.name,
          city: app.city,
          country: app.country,
          timezone: app.timezone,
          currency: app.currency,
          legalForm: app.legalForm,
          legalFormJustification: app.legalFormJustification,
          registrationNumber: app.registrationNumber,
          registrationKey: app.registrationKey,
          declarations: app.declarations,
          adminName: app.admin.name,
          adminEmail: email,
          statutes: statutes.buffer,
          statutesSha256: inspection.sha256,
          statutesSize: inspection.size,
          statusTokenHash: hashToken(token),
          submittedAt: now,
          locale,
        });
        await recordTransition(tx, {
          subjectType: 'application',
          subjectId: id,
          event: 'submit',
          from: 'none',
          to: 'applied',
          reason: null,
          at: now,
        });
      });
    } catch (error) {
      if (pgErrorCode(error) === PgErrorCode.UNIQUE_VIOLATION) throw duplicateRegistration();
      throw error;
    }
    const mail = receivedMail(locale, app.name);
    this.mailer.notify(email, mail.subject, mail.text, this.mailer.url(`/apply/status/${id}?token=${token}`), locale);
    return { id, status: 'applied', statusToken: token };
  }
}
