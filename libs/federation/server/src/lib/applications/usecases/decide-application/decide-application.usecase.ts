import { Inject, Injectable } from '@nestjs/common';
import type { ApplicationView } from '@federacycle/contracts';
import { Database, PgErrorCode, pgErrorCode, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { applicationLifecycle, type ApplicationEvent } from '../../../lifecycle/application-lifecycle';
import { FederationMailer } from '../../../mail/federation-mailer';
import { CLOCK, type Clock } from '../../../shared/clock';
import { lifecycleError } from '../../../shared/federation-errors';
import { recordTransition } from '../../../transitions/federation-audit';
import { CoopApplication } from '../../application.entity';
import { decisionMail } from '../../application-mails';
import { ApplicationStatusTokens } from '../../application-status-token';
import { loadApplicationView } from '../../applications.service';
import { duplicateRegistration } from '../../registration';

/** A mail to send once the decision committed. */
export type PendingMail = () => void;

/**
 * What a decision does besides moving the application, inside its transaction: approval creates
 * the coop (and returns its id) and queues the mails it causes.
 */
export type DecisionEffect = (tx: Tx, application: CoopApplication, now: Date, mails: PendingMail[]) => Promise<string>;

/**
 * A federation admin's decision on an application (start review, reject, approve), in one platform
 * transaction: the state machine decides, the status changes only from the state it was read in
 * (the row is locked, and the update is conditional), the trail records it, and the applicant is
 * mailed, in their language, with the link to their status page, after the commit.
 */
@Injectable()
export class DecideApplicationUseCase {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(FederationMailer) private readonly mailer: FederationMailer,
    @Inject(ApplicationStatusTokens) private readonly tokens: ApplicationStatusTokens,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `reason` (optional) is kept in the trail, like every decision's */
  startReview(id: string, reason?: string): Promise<ApplicationView> {
    return this.decide(id, 'start_review', reason);
  }

  reject(id: string, reason: string | undefined): Promise<ApplicationView> {
    return this.decide(id, 'reject', reason);
  }

  async decide(
    id: string,
    event: ApplicationEvent,
    reason: string | undefined,
    effect?: DecisionEffect,
  ): Promise<ApplicationView> {
    const now = this.clock.now();
    const mails: PendingMail[] = [];
    try {
      const view = await this.db.platform(async (tx) => {
        const application = await tx.manager.findOne(CoopApplication, {
          where: { id },
          lock: { mode: 'pessimistic_write' },
        });
        if (!application) throw ApiException.notFound('Application');
        let record;
        try {
          record = applicationLifecycle.apply({
            from: application.status,
            event,
            actorId: 'federation',
            reason,
            at: now,
          });
        } catch (error) {
          lifecycleError(error);
        }
        const coopId = effect ? await effect(tx, application, now, mails) : null;
        const decided = record.to === 'approved' || record.to === 'rejected';
        const { affected } = await tx.manager.update(
          CoopApplication,
          { id, status: record.from },
          {
            status: record.to,
            ...(decided ? { decidedAt: now } : {}),
            ...(record.reason !== null ? { reason: record.reason } : {}),
            ...(coopId !== null ? { createdCoopId: coopId } : {}),
          },
        );
        if (affected !== 1) throw new ApiException(409, 'ILLEGAL_TRANSITION', 'The application changed meanwhile');
        await recordTransition(tx, {
          subjectType: 'application',
          subjectId: id,
          event,
          from: record.from,
          to: record.to,
          reason: record.reason,
          at: now,
        });
        const mail = decisionMail(application.locale, event, application.name, record.reason);
        const link = this.mailer.url(`/apply/status/${id}?token=${this.tokens.tokenFor(id)}`);
        mails.unshift(() =>
          this.mailer.notify(application.adminEmail, mail.subject, mail.text, link, application.locale),
        );
        return loadApplicationView(tx.manager, id);
      });
      for (const send of mails) send();
      return view;
    } catch (error) {
      if (pgErrorCode(error) === PgErrorCode.UNIQUE_VIOLATION) throw duplicateRegistration();
      throw error;
    }
  }
}
