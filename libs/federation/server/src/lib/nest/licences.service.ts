import { Inject, Injectable } from '@nestjs/common';
import type { LicenceVerificationResponse, LicenceView } from '@federacycle/contracts';
import { Database, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { DEFAULT_LICENCE_VALIDITY_YEARS, addYears, signLicence } from '../licence/licence-signer';
import { MAX_LICENCE_TOKEN_LENGTH, verifyLicence } from '../licence/licence-verifier';
import { CLOCK, type Clock } from './clock';
import { auditForCoop, recordTransition } from './federation-audit';
import { FederationMailer } from './federation-mailer';
import { LicenceKeysService } from './licence-keys.service';

export interface LicenceRow {
  id: string;
  licensed_coop_id: string;
  kid: string;
  token: string;
  issued_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

const LICENCE_COLUMNS = 'id, licensed_coop_id, kid, token, issued_at, expires_at, revoked_at';

export function licenceView(row: LicenceRow, now: Date): LicenceView {
  const status =
    row.revoked_at !== null && row.revoked_at.getTime() <= now.getTime()
      ? 'revoked'
      : now.getTime() >= row.expires_at.getTime()
        ? 'expired'
        : 'active';
  return {
    id: row.id,
    kid: row.kid,
    token: row.token,
    issuedAt: row.issued_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    status,
    revokedAt: row.revoked_at ? row.revoked_at.toISOString() : null,
  };
}

/** The coop's current licence: the latest issued (a renewal supersedes; a revoked latest restricts). */
export function latestLicence(tx: Tx, coopId: string): Promise<LicenceRow | null> {
  return tx.maybeOne<LicenceRow>(
    `select ${LICENCE_COLUMNS} from licences where licensed_coop_id = $1 order by issued_at desc, created_at desc limit 1`,
    [coopId],
  );
}

interface CoopForLicence {
  id: string;
  name: string;
  status: string;
  country: string;
  legal_form: string | null;
  registration_number: string | null;
  contact_email: string | null;
}

@Injectable()
export class LicencesService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(LicenceKeysService) private readonly keys: LicenceKeysService,
    @Inject(FederationMailer) private readonly mailer: FederationMailer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Issues the coop's licence, or renews it: the new licence runs one year from the later of now
   * and the current licence's expiry (renewing early loses nothing). The previous licence is not
   * revoked; it is superseded. Inside the caller's transaction (approval) or its own.
   */
  async issueInTx(tx: Tx, coopId: string, now: Date): Promise<LicenceRow> {
    const coop = await tx.maybeOne<CoopForLicence>(
      'select id, name, status, country, legal_form, registration_number, contact_email from coops where id = $1 for update',
      [coopId],
    );
    if (!coop) throw ApiException.notFound('Cooperative');
    if (coop.status !== 'active')
      throw new ApiException(
        409,
        'ILLEGAL_TRANSITION',
        `A licence is issued to an active cooperative only (this one is ${coop.status})`,
      );
    if (!coop.legal_form || !coop.registration_number) {
      throw new ApiException(
        409,
        'CONFLICT',
        'This cooperative has no registered legal form and registration number: it must apply first',
      );
    }
    const previous = await latestLicence(tx, coopId);
    const start =
      previous && previous.revoked_at === null && previous.expires_at.getTime() > now.getTime()
        ? previous.expires_at
        : now;
    const issued = signLicence(this.keys.keyRing(), {
      coop: {
        id: coop.id,
        name: coop.name,
        legalForm: coop.legal_form,
        country: coop.country,
        registration: coop.registration_number,
      },
      issuedAt: now,
      expiresAt: addYears(start, DEFAULT_LICENCE_VALIDITY_YEARS),
    });
    // the active key may be newer than this instance's last publication (rotation elsewhere)
    await this.keys.publish(tx);
    const row = await tx.one<LicenceRow>(
      `insert into licences (id, licensed_coop_id, kid, token, issued_at, expires_at) values ($1, $2, $3, $4, $5, $6) returning ${LICENCE_COLUMNS}`,
      [issued.claims.jti, coopId, issued.kid, issued.token, issued.issuedAt, issued.expiresAt],
    );
    const event = previous ? 'renew' : 'issue';
    await recordTransition(tx, {
      subjectType: 'licence',
      subjectId: row.id,
      event,
      from: previous ? 'superseded' : 'none',
      to: 'active',
      reason: null,
      at: now,
    });
    await auditForCoop(tx, coopId, {
      action: `licence.${event === 'renew' ? 'renewed' : 'issued'}`,
      subjectType: 'licence',
      subjectId: row.id,
      data: { kid: row.kid, expiresAt: row.expires_at.toISOString() },
    });
    return row;
  }

  async issue(coopId: string): Promise<LicenceView> {
    const now = this.clock.now();
    const { row, contact, name } = await this.db.platform(async (tx) => {
      const r = await this.issueInTx(tx, coopId, now);
      const c = await tx.one<{ contact_email: string | null; name: string }>(
        'select contact_email, name from coops where id = $1',
        [coopId],
      );
      return { row: r, contact: c.contact_email, name: c.name };
    });
    this.mailer.notify(
      contact,
      `Your Federacycle licence (${name})`,
      `The federation issued the licence of ${name}, valid until ${row.expires_at.toISOString().slice(0, 10)}.`,
      this.mailer.url('/licence'),
    );
    return licenceView(row, now);
  }

  async revoke(licenceId: string, reason: string | undefined): Promise<LicenceView> {
    const trimmed = reason?.trim() ?? '';
    if (trimmed === '')
      throw new ApiException(400, 'REASON_REQUIRED', 'A reason is required to revoke a licence', [
        {
          field: 'reason',
          code: 'REASON_REQUIRED',
          message: 'A reason is required.',
        },
      ]);
    const now = this.clock.now();
    const { row, contact } = await this.db.platform(async (tx) => {
      const current = await tx.maybeOne<LicenceRow>(
        `select ${LICENCE_COLUMNS} from licences where id = $1 for update`,
        [licenceId],
      );
      if (!current) throw ApiException.notFound('Licence');
      if (current.revoked_at !== null)
        throw new ApiException(409, 'ILLEGAL_TRANSITION', 'This licence is already revoked');
      const updated = await tx.one<LicenceRow>(
        `update licences set revoked_at = $2, revocation_reason = $3 where id = $1 returning ${LICENCE_COLUMNS}`,
        [licenceId, now, trimmed],
      );
      await recordTransition(tx, {
        subjectType: 'licence',
        subjectId: licenceId,
        event: 'revoke',
        from: 'active',
        to: 'revoked',
        reason: trimmed,
        at: now,
      });
      await auditForCoop(tx, current.licensed_coop_id, {
        action: 'licence.revoked',
        subjectType: 'licence',
        subjectId: licenceId,
        data: { reason: trimmed },
      });
      const c = await tx.one<{ contact_email: string | null }>('select contact_email from coops where id = $1', [
        current.licensed_coop_id,
      ]);
      return { row: updated, contact: c.contact_email };
    });
    this.mailer.notify(
      contact,
      'Your Federacycle licence was revoked',
      `The federation revoked your cooperative's licence. Reason: ${trimmed}`,
      this.mailer.url('/licence'),
    );
    return licenceView(row, now);
  }

  /** Public verification of any pasted licence: a verdict for everything (never throws for bad tokens). */
  async verify(token: unknown): Promise<LicenceVerificationResponse> {
    if (typeof token !== 'string' || token.length > MAX_LICENCE_TOKEN_LENGTH * 2) {
      throw ApiException.validation([
        {
          field: 'licence',
          code: 'NOT_A_STRING',
          message: 'Paste the licence as text (at most 8 KB).',
        },
      ]);
    }
    const now = this.clock.now();
    return this.db.platform(async (tx) => {
      const keys = await this.keys.resolver(tx);
      const verdict = await verifyLicence(token, {
        keys,
        now,
        isRevoked: async (jti) => {
          if (!/^[0-9a-f-]{36}$/i.test(jti)) return false;
          const row = await tx.maybeOne<{ revoked_at: Date | null }>('select revoked_at from licences where id = $1', [
            jti,
          ]);
          return row?.revoked_at != null && row.revoked_at.getTime() <= now.getTime();
        },
      });
      const response: LicenceVerificationResponse = {
        status: verdict.status,
        message: verdict.message,
      };
      if (verdict.kid !== undefined) response.kid = verdict.kid;
      if (verdict.claims) {
        const c = verdict.claims;
        response.claims = {
          coop: {
            id: c.coop.id,
            name: c.coop.name,
            legalForm: c.coop.legalForm,
            country: c.coop.country,
            registration: c.coop.registration,
          },
          issuedAt: new Date(c.iat * 1000).toISOString(),
          expiresAt: new Date(c.exp * 1000).toISOString(),
        };
      }
      return response;
    });
  }

  /** The coop's current licence, for its admin. */
  current(coopId: string): Promise<LicenceRow | null> {
    return this.db.platform((tx) => latestLicence(tx, coopId));
  }
}
