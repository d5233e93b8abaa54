import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LicenceVerificationResponse, LicenceView } from '@federacycle/contracts';
import { Coop, Database, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { DEFAULT_LICENCE_VALIDITY_YEARS, addYears, signLicence } from '../licence/licence-signer';
import { verifyLicence } from '../licence/licence-verifier';
import { FederationMailer } from '../mail/federation-mailer';
import { CLOCK, type Clock } from '../shared/clock';
import { auditForCoop, recordTransition } from '../transitions/federation-audit';
import { Licence } from './licence.entity';
import { LicenceKeysService } from './licence-keys.service';

export function licenceView(licence: Licence, now: Date): LicenceView {
  const status =
    licence.revokedAt !== null && licence.revokedAt.getTime() <= now.getTime()
      ? 'revoked'
      : now.getTime() >= licence.expiresAt.getTime()
        ? 'expired'
        : 'active';
  return {
    id: licence.id,
    kid: licence.kid,
    token: licence.token,
    issuedAt: licence.issuedAt.toISOString(),
    expiresAt: licence.expiresAt.toISOString(),
    status,
    revokedAt: licence.revokedAt ? licence.revokedAt.toISOString() : null,
  };
}

/** The coop's current licence: the latest issued (a renewal supersedes; a revoked latest restricts). */
export function latestLicence(manager: EntityManager, coopId: string): Promise<Licence | null> {
  return manager.findOne(Licence, {
    where: { licensedCoopId: coopId },
    order: { issuedAt: 'DESC', createdAt: 'DESC' },
  });
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
  async issueInTx(tx: Tx, coopId: string, now: Date): Promise<Licence> {
    const coop = await tx.manager.findOne(Coop, { where: { id: coopId }, lock: { mode: 'pessimistic_write' } });
    if (!coop) throw ApiException.notFound('Cooperative');
    if (coop.status !== 'active')
      throw new ApiException(
        409,
        'ILLEGAL_TRANSITION',
        `A licence is issued to an active cooperative only (this one is ${coop.status})`,
      );
    if (!coop.legalForm || !coop.registrationNumber) {
      throw new ApiException(
        409,
        'CONFLICT',
        'This cooperative has no registered legal form and registration number: it must apply first',
      );
    }
    const previous = await latestLicence(tx.manager, coopId);
    const start =
      previous && previous.revokedAt === null && previous.expiresAt.getTime() > now.getTime()
        ? previous.expiresAt
        : now;
    const issued = signLicence(this.keys.keyRing(), {
      coop: {
        id: coop.id,
        name: coop.name,
        legalForm: coop.legalForm,
        country: coop.country,
        registration: coop.registrationNumber,
      },
      issuedAt: now,
      expiresAt: addYears(start, DEFAULT_LICENCE_VALIDITY_YEARS),
    });
    // the active key may be newer than this instance's last publication (rotation elsewhere)
    await this.keys.publish(tx);
    await tx.manager.insert(Licence, {
      id: issued.claims.jti,
      licensedCoopId: coopId,
      kid: issued.kid,
      token: issued.token,
      issuedAt: issued.issuedAt,
      expiresAt: issued.expiresAt,
    });
    const licence = await tx.manager.findOneByOrFail(Licence, { id: issued.claims.jti });
    const event = previous ? 'renew' : 'issue';
    await recordTransition(tx, {
      subjectType: 'licence',
      subjectId: licence.id,
      event,
      from: previous ? 'superseded' : 'none',
      to: 'active',
      reason: null,
      at: now,
    });
    await auditForCoop(tx, coopId, {
      action: `licence.${event === 'renew' ? 'renewed' : 'issued'}`,
      subjectType: 'licence',
      subjectId: licence.id,
      data: { kid: licence.kid, expiresAt: licence.expiresAt.toISOString() },
    });
    return licence;
  }

  async issue(coopId: string): Promise<LicenceView> {
    const now = this.clock.now();
    const { licence, coop } = await this.db.platform(async (tx) => {
      const issued = await this.issueInTx(tx, coopId, now);
      return { licence: issued, coop: await tx.manager.findOneByOrFail(Coop, { id: coopId }) };
    });
    this.mailer.notify(
      coop.contactEmail,
      `Your Federacycle licence (${coop.name})`,
      `The federation issued the licence of ${coop.name}, valid until ${licence.expiresAt.toISOString().slice(0, 10)}.`,
      this.mailer.url('/licence'),
    );
    return licenceView(licence, now);
  }

  async revoke(licenceId: string, reason: string | undefined): Promise<LicenceView> {
    const trimmed = reason?.trim() ?? '';
    if (trimmed === '')
      throw new ApiException(400, 'REASON_REQUIRED', 'A reason is required to revoke a licence', [
        { field: 'reason', code: 'REASON_REQUIRED', message: 'A reason is required.' },
      ]);
    const now = this.clock.now();
    const { licence, contact } = await this.db.platform(async (tx) => {
      const current = await tx.manager.findOne(Licence, {
        where: { id: licenceId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) throw ApiException.notFound('Licence');
      if (current.revokedAt !== null)
        throw new ApiException(409, 'ILLEGAL_TRANSITION', 'This licence is already revoked');
      await tx.manager.update(Licence, { id: licenceId }, { revokedAt: now, revocationReason: trimmed });
      await recordTransition(tx, {
        subjectType: 'licence',
        subjectId: licenceId,
        event: 'revoke',
        from: 'active',
        to: 'revoked',
        reason: trimmed,
        at: now,
      });
      await auditForCoop(tx, current.licensedCoopId, {
        action: 'licence.revoked',
        subjectType: 'licence',
        subjectId: licenceId,
        data: { reason: trimmed },
      });
      const coop = await tx.manager.findOneByOrFail(Coop, { id: current.licensedCoopId });
      return {
        licence: await tx.manager.findOneByOrFail(Licence, { id: licenceId }),
        contact: coop.contactEmail,
      };
    });
    this.mailer.notify(
      contact,
      'Your Federacycle licence was revoked',
      `The federation revoked your cooperative's licence. Reason: ${trimmed}`,
      this.mailer.url('/licence'),
    );
    return licenceView(licence, now);
  }

  /** Public verification of any pasted licence: a verdict for everything (never throws for bad tokens). */
  async verify(token: string): Promise<LicenceVerificationResponse> {
    const now = this.clock.now();
    return this.db.readPlatform(async (manager) => {
      const keys = await this.keys.resolver(manager);
      const verdict = await verifyLicence(token, {
        keys,
        now,
        isRevoked: async (jti) => {
          if (!/^[0-9a-f-]{36}$/i.test(jti)) return false;
          const licence = await manager.findOne(Licence, { where: { id: jti }, select: { id: true, revokedAt: true } });
          return licence?.revokedAt != null && licence.revokedAt.getTime() <= now.getTime();
        },
      });
      const response: LicenceVerificationResponse = { status: verdict.status, message: verdict.message };
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

  /** The coop's current licence, for its admin (GET: the read path, with the token's coop). */
  current(coopId: string): Promise<Licence | null> {
    return this.db.read((manager) => latestLicence(manager, coopId));
  }
}
