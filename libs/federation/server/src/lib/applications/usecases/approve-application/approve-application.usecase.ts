import { Inject, Injectable } from '@nestjs/common';
import type { ApplicationView, CoopRole } from '@federacycle/contracts';
import { inviteInTransaction } from '@federacycle/identity-server';
import { Coop, type Tx } from '@federacycle/platform-database';
import { LicencesService } from '../../../licences/licences.service';
import { INITIAL_COOP_STATE } from '../../../lifecycle/coop-lifecycle';
import { FederationMailer } from '../../../mail/federation-mailer';
import { auditForCoop, recordTransition } from '../../../transitions/federation-audit';
import type { CoopApplication } from '../../application.entity';
import { invitationMail } from '../../application-mails';
import { assertRegistrationFree, freeSlug } from '../../registration';
import { DecideApplicationUseCase, type PendingMail } from '../decide-application/decide-application.usecase';

/** The first admin's roles in the new coop, and how long their invitation lives. */
export const FIRST_ADMIN_ROLES: CoopRole[] = ['coop_admin', 'member'];
export const FIRST_ADMIN_INVITATION_TTL_SECONDS = 7 * 24 * 3600;

/**
 * Approving an application, in one transaction: the coop is created (active, with its legal
 * identity), its licence issued and its first admin invited by identity (`inviteInTransaction`,
 * which acts for the new coop and moves the transaction back); the applicant gets the decision and
 * the invitation by mail after the commit. Any failure leaves nothing behind.
 */
@Injectable()
export class ApproveApplicationUseCase {
  constructor(
    @Inject(DecideApplicationUseCase) private readonly decisions: DecideApplicationUseCase,
    @Inject(LicencesService) private readonly licences: LicencesService,
    @Inject(FederationMailer) private readonly mailer: FederationMailer,
  ) {}

  approve(id: string, reason: string | undefined): Promise<ApplicationView> {
    return this.decisions.decide(id, 'approve', reason, (tx, application, now, mails) =>
      this.createCoop(tx, application, now, mails),
    );
  }

  private async createCoop(tx: Tx, application: CoopApplication, now: Date, mails: PendingMail[]): Promise<string> {
    await assertRegistrationFree(tx, application.registrationKey, application.id);
    const inserted = await tx.manager.insert(Coop, {
      slug: await freeSlug(tx, application.name),
      name: application.name,
      city: application.city,
      country: application.country,
      timezone: application.timezone,
      currency: application.currency,
      status: INITIAL_COOP_STATE,
      legalForm: application.legalForm,
      registrationNumber: application.registrationNumber,
      registrationKey: application.registrationKey,
      contactEmail: application.adminEmail,
      contactName: application.adminName,
    });
    const coopId = (inserted.identifiers[0] as Pick<Coop, 'id'>).id;
    await recordTransition(tx, {
      subjectType: 'coop',
      subjectId: coopId,
      event: 'create',
      from: 'none',
      to: INITIAL_COOP_STATE,
      reason: `application ${application.id}`,
      at: now,
    });
    await auditForCoop(tx, coopId, {
      action: 'coop.created',
      subjectType: 'coop',
      subjectId: coopId,
      data: {
        applicationId: application.id,
        legalForm: application.legalForm,
        registration: application.registrationNumber,
      },
    });
    await this.licences.issueInTx(tx, coopId, now);
    const { token } = await inviteInTransaction(tx, {
      coopId,
      email: application.adminEmail,
      roles: FIRST_ADMIN_ROLES,
      invitedBy: null,
      ttlSeconds: FIRST_ADMIN_INVITATION_TTL_SECONDS,
      by: 'federation',
    });
    const mail = invitationMail(
      application.locale,
      application.name,
      FIRST_ADMIN_ROLES,
      FIRST_ADMIN_INVITATION_TTL_SECONDS / 86_400,
    );
    const link = this.mailer.url(`/invitations/accept?token=${token}`);
    mails.push(() => this.mailer.notify(application.adminEmail, mail.subject, mail.text, link, application.locale));
    return coopId;
  }
}
