import { Inject, Injectable } from '@nestjs/common';
import type { ApplicationReceipt, ApplicationStatusView, ApplicationView, Page } from '@federacycle/contracts';
import { hashToken, newToken } from '@federacycle/identity-server';
import { Database, PgErrorCode, pgErrorCode, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { applicationLifecycle, type ApplicationEvent, type ApplicationState } from '../lifecycle/application-lifecycle';
import { INITIAL_COOP_STATE } from '../lifecycle/coop-lifecycle';
import { inspectStatutes } from '../statutes/pdf-sniffer';
import { CLOCK, type Clock } from '../nest/clock';
import { COOP_ADMIN_INVITER, type CoopAdminInviter } from '../nest/coop-admin-inviter';
import { auditForCoop, recordTransition } from '../nest/federation-audit';
import { applicationInvalid, lifecycleError } from '../nest/federation-errors';
import { FederationMailer } from '../nest/federation-mailer';
import { LicencesService } from '../nest/licences.service';
import { validateApplication, type ValidCoopApplication } from './application-input';

interface ApplicationRow {
  id: string;
  status: ApplicationState;
  name: string;
  city: string;
  country: string;
  timezone: string;
  currency: string;
  legal_form: string;
  legal_form_justification: string | null;
  registration_number: string;
  registration_key: string;
  declarations: {
    workersAreMembersOrEmployees: boolean;
    socialEconomyStatus: boolean | null;
  };
  admin_name: string;
  admin_email: string;
  statutes_sha256: string;
  statutes_size: number;
  created_coop_id: string | null;
  submitted_at: Date;
  decided_at: Date | null;
  reason: string | null;
  total?: string;
}

const COLUMNS = `id, status, name, city, country, timezone, currency, legal_form, legal_form_justification, registration_number,
  registration_key, declarations, admin_name, admin_email, statutes_sha256, statutes_size, created_coop_id, submitted_at, decided_at, reason`;

const STATUSES: readonly ApplicationState[] = ['applied', 'under_review', 'approved', 'rejected'];

/** A URL-safe slug of a coop name (accents folded), 2..41 characters, matching the coops check. */
export function slugify(name: string): string {
  const base = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 34)
    .replace(/-+$/g, '');
  return base.length >= 2 ? base : `coop-${base || 'x'}`.slice(0, 34);
}

/** Refuses a registration already held by a coop or by a live (not rejected) application. */
async function assertRegistrationFree(tx: Tx, key: string, exceptApplication: string | null): Promise<void> {
  await tx.query("select pg_advisory_xact_lock(hashtext('fc:registration:' || $1))", [key]);
  const taken = await tx.maybeOne(
    `select 1 from coops where registration_key = $1
     union all
     select 1 from coop_applications where registration_key = $1 and status <> 'rejected' and ($2::uuid is null or id <> $2::uuid)
     limit 1`,
    [key, exceptApplication],
  );
  if (taken) throw duplicate();
}

const duplicate = () =>
  ApiException.conflict(
    'DUPLICATE_REGISTRATION',
    'A cooperative with this registration number is already a member or has applied',
  );

export interface StatutesUpload {
  buffer: Buffer;
  size: number;
}

@Injectable()
export class ApplicationsService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(LicencesService) private readonly licences: LicencesService,
    @Inject(FederationMailer) private readonly mailer: FederationMailer,
    @Inject(COOP_ADMIN_INVITER) private readonly inviter: CoopAdminInviter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Public "Start a coop": validates everything first, then writes the application in one transaction. */
  async submit(payload: unknown, statutes: StatutesUpload | undefined): Promise<ApplicationReceipt> {
    const validation = validateApplication(payload);
    if (!validation.ok) throw applicationInvalid(validation.errors);
    if (!statutes) {
      throw new ApiException(400, 'STATUTES_EMPTY', 'Attach the statutes as a PDF in the `statutes` part', [
        {
          field: 'statutes',
          code: 'REQUIRED',
          message: 'The statutes PDF is required.',
        },
      ]);
    }
    const inspection = inspectStatutes(statutes.buffer);
    if (!inspection.ok) {
      const status =
        inspection.code === 'STATUTES_TOO_LARGE' ? 413 : inspection.code === 'STATUTES_NOT_PDF' ? 415 : 400;
      throw new ApiException(status, inspection.code, inspection.message, [
        {
          field: 'statutes',
          code: inspection.code,
          message: inspection.message,
        },
      ]);
    }
    const app: ValidCoopApplication = validation.value;
    const token = newToken();
    const now = this.clock.now();
    try {
      const row = await this.db.platform(async (tx) => {
        await assertRegistrationFree(tx, app.registrationKey, null);
        const inserted = await tx.one<{ id: string }>(
          `insert into coop_applications (name, city, country, timezone, currency, legal_form, legal_form_justification,
             registration_number, registration_key, declarations, admin_name, admin_email, statutes, statutes_sha256, statutes_size,
             status_token_hash, submitted_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) returning id`,
          [
            app.name,
            app.city,
            app.country,
            app.timezone,
            app.currency,
            app.legalForm,
            app.legalFormJustification,
            app.registrationNumber,
            app.registrationKey,
            JSON.stringify(app.declarations),
            app.admin.name,
            app.admin.email.toLowerCase(),
            statutes.buffer,
            inspection.sha256,
            inspection.size,
            hashToken(token),
            now,
          ],
        );
        await recordTransition(tx, {
          subjectType: 'application',
          subjectId: inserted.id,
          event: 'submit',
          from: 'none',
          to: 'applied',
          reason: null,
          at: now,
        });
        return inserted;
      });
      const link = this.mailer.url(`/apply/status/${row.id}?token=${token}`);
      this.mailer.notify(
        app.admin.email,
        `Your application to Federacycle: ${app.name}`,
        `We received the application of ${app.name}. Follow its review here:`,
        link,
      );
      return { id: row.id, status: 'applied', statusToken: token };
    } catch (error) {
      if (pgErrorCode(error) === PgErrorCode.UNIQUE_VIOLATION) throw duplicate();
      throw error;
    }
  }

  /** The applicant's status page: 404 unless the token matches. */
  async status(id: string, token: unknown): Promise<ApplicationStatusView> {
    if (typeof token !== 'string' || token.length < 20 || token.length > 100)
      throw ApiException.notFound('Application');
    const row = await this.db.platform((tx) =>
      tx.maybeOne<ApplicationRow>(`select ${COLUMNS} from coop_applications where id = $1 and status_token_hash = $2`, [
        id,
        hashToken(token),
      ]),
    );
    if (!row) throw ApiException.notFound('Application');
    return {
      id: row.id,
      name: row.name,
      status: row.status,
      submittedAt: row.submitted_at.toISOString(),
      decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
      reason: row.status === 'rejected' ? row.reason : null,
    };
  }

  async list(status: unknown, limit: number, offset: number): Promise<Page<ApplicationView>> {
    if (status !== undefined && !(typeof status === 'string' && (STATUSES as readonly string[]).includes(status))) {
      throw ApiException.validation([
        {
          field: 'status',
          code: 'isIn',
          message: `status must be one of ${STATUSES.join(', ')}`,
        },
      ]);
    }
    return this.db.platform(async (tx) => {
      const rows = await tx.query<ApplicationRow>(
        `select ${COLUMNS}, count(*) over () as total from coop_applications
          where ($1::text is null or status = $1) order by submitted_at desc, id limit $2 offset $3`,
        [status ?? null, limit, offset],
      );
      const items: ApplicationView[] = [];
      for (const row of rows) items.push(await this.view(tx, row));
      const total =
        rows.length > 0
          ? Number(rows[0]?.total ?? 0)
          : Number(
              (
                await tx.one<{ n: string }>(
                  'select count(*) as n from coop_applications where ($1::text is null or status = $1)',
                  [status ?? null],
                )
              ).n,
            );
      return { items, total };
    });
  }

  get(id: string): Promise<ApplicationView> {
    return this.db.platform(async (tx) => {
      const row = await tx.maybeOne<ApplicationRow>(`select ${COLUMNS} from coop_applications where id = $1`, [id]);
      if (!row) throw ApiException.notFound('Application');
      return this.view(tx, row);
    });
  }

  async statutes(id: string): Promise<{ content: Buffer; sha256: string; name: string }> {
    const row = await this.db.platform((tx) =>
      tx.maybeOne<{ statutes: Buffer; statutes_sha256: string; name: string }>(
        'select statutes, statutes_sha256, name from coop_applications where id = $1',
        [id],
      ),
    );
    if (!row) throw ApiException.notFound('Application');
    return {
      content: row.statutes,
      sha256: row.statutes_sha256,
      name: `statutes-${slugify(row.name)}.pdf`,
    };
  }

  startReview(id: string): Promise<ApplicationView> {
    return this.decide(id, 'start_review', undefined);
  }

  reject(id: string, reason: string | undefined): Promise<ApplicationView> {
    return this.decide(id, 'reject', reason);
  }

  /** Approval: coop created (active, legal identity stored), licence issued, first admin invited; one transaction. */
  approve(id: string, reason: string | undefined): Promise<ApplicationView> {
    return this.decide(id, 'approve', reason);
  }

  private async decide(id: string, event: ApplicationEvent, reason: string | undefined): Promise<ApplicationView> {
    const now = this.clock.now();
    const mails: Array<() => void> = [];
    try {
      const view = await this.db.platform(async (tx) => {
        const row = await tx.maybeOne<ApplicationRow>(
          `select ${COLUMNS} from coop_applications where id = $1 for update`,
          [id],
        );
        if (!row) throw ApiException.notFound('Application');
        let record;
        try {
          record = applicationLifecycle.apply({
            from: row.status,
            event,
            actorId: 'federation',
            reason,
            at: now,
          });
        } catch (error) {
          lifecycleError(error);
        }
        let coopId: string | null = null;
        if (event === 'approve') {
          coopId = await this.createCoop(tx, row, now, mails);
        }
        await tx.execute(
          "update coop_applications set status = $2, decided_at = case when $2 in ('approved', 'rejected') then $3::timestamptz else decided_at end, reason = coalesce($4, reason), created_coop_id = coalesce($5, created_coop_id) where id = $1",
          [id, record.to, now, record.reason, coopId],
        );
        await recordTransition(tx, {
          subjectType: 'application',
          subjectId: id,
          event,
          from: record.from,
          to: record.to,
          reason: record.reason,
          at: now,
        });
        const updated = await tx.one<ApplicationRow>(`select ${COLUMNS} from coop_applications where id = $1`, [id]);
        const subject: Record<ApplicationEvent, string> = {
          start_review: `Your application is under review: ${row.name}`,
          approve: `Welcome to the federation: ${row.name} is approved`,
          reject: `Your application was not accepted: ${row.name}`,
        };
        const text: Record<ApplicationEvent, string> = {
          start_review: `A federation admin started reviewing the application of ${row.name}.`,
          approve: `The federation approved ${row.name} and signed its licence. Check your mailbox for the invitation to set up your account.`,
          reject: `The federation did not accept the application of ${row.name}. Reason: ${record.reason ?? ''}`,
        };
        mails.push(() =>
          this.mailer.notify(row.admin_email, subject[event], text[event], this.mailer.url(`/apply/status/${id}`)),
        );
        return this.view(tx, updated);
      });
      for (const send of mails) send();
      return view;
    } catch (error) {
      if (pgErrorCode(error) === PgErrorCode.UNIQUE_VIOLATION) throw duplicate();
      throw error;
    }
  }

  private async createCoop(tx: Tx, row: ApplicationRow, now: Date, mails: Array<() => void>): Promise<string> {
    await assertRegistrationFree(tx, row.registration_key, row.id);
    const base = slugify(row.name);
    const taken = new Set(
      (await tx.query<{ slug: string }>("select slug from coops where slug = $1 or slug like $1 || '-%'", [base])).map(
        (r) => r.slug,
      ),
    );
    let slug = base;
    for (let i = 2; taken.has(slug); i += 1) slug = `${base}-${i}`;
    const coop = await tx.one<{ id: string }>(
      `insert into coops (slug, name, city, country, timezone, currency, status, legal_form, registration_number, registration_key, contact_email, contact_name)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning id`,
      [
        slug,
        row.name,
        row.city,
        row.country,
        row.timezone,
        row.currency,
        INITIAL_COOP_STATE,
        row.legal_form,
        row.registration_number,
        row.registration_key,
        row.admin_email,
        row.admin_name,
      ],
    );
    await recordTransition(tx, {
      subjectType: 'coop',
      subjectId: coop.id,
      event: 'create',
      from: 'none',
      to: INITIAL_COOP_STATE,
      reason: `application ${row.id}`,
      at: now,
    });
    await auditForCoop(tx, coop.id, {
      action: 'coop.created',
      subjectType: 'coop',
      subjectId: coop.id,
      data: {
        applicationId: row.id,
        legalForm: row.legal_form,
        registration: row.registration_number,
      },
    });
    await this.licences.issueInTx(tx, coop.id, now);
    const invitation = await this.inviter.inviteFirstAdmin(coop.id, row.admin_email, row.admin_name, tx);
    await tx.query("select set_config('app.coop_id', '', true)");
    mails.push(() =>
      this.mailer.notify(
        row.admin_email,
        `You are invited to ${row.name} on Federacycle`,
        `${row.name} is now a member of the federation. Open this link within 7 days to create your coop admin account:`,
        invitation.link,
      ),
    );
    return coop.id;
  }

  private async view(tx: Tx, row: ApplicationRow): Promise<ApplicationView> {
    const history = await tx.query<{
      from_state: string;
      to_state: string;
      event: string;
      reason: string | null;
      actor_email: string | null;
      at: Date;
    }>(
      `select from_state, to_state, event, reason, actor_email, at from federation_transitions
        where subject_type = 'application' and subject_id = $1 order by at, id`,
      [row.id],
    );
    return {
      id: row.id,
      status: row.status,
      name: row.name,
      city: row.city,
      country: row.country,
      timezone: row.timezone,
      currency: row.currency,
      legalForm: row.legal_form,
      legalFormJustification: row.legal_form_justification,
      registrationNumber: row.registration_number,
      declarations: {
        workersAreMembersOrEmployees: row.declarations.workersAreMembersOrEmployees,
        socialEconomyStatus: row.declarations.socialEconomyStatus ?? null,
      },
      admin: { name: row.admin_name, email: row.admin_email },
      statutes: {
        sha256: row.statutes_sha256,
        size: row.statutes_size,
        downloadUrl: `/api/federation/applications/${row.id}/statutes`,
      },
      submittedAt: row.submitted_at.toISOString(),
      coopId: row.created_coop_id,
      history: history.map((h) => ({
        from: h.from_state,
        to: h.to_state,
        event: h.event,
        reason: h.reason,
        actorEmail: h.actor_email,
        at: h.at.toISOString(),
      })),
    };
  }
}
