import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CoopDirectoryEntry, Page } from '@federacycle/contracts';
import { Coop, Database, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { standingFor } from '../compliance/licence-standing';
import { Licence } from '../licences/licence.entity';
import { coopLifecycle, type CoopEvent, type CoopState } from '../lifecycle/coop-lifecycle';
import { FederationMailer } from '../mail/federation-mailer';
import { SettingsReader } from '../settings/settings-reader';
import { CLOCK, type Clock } from '../shared/clock';
import { lifecycleError } from '../shared/federation-errors';
import { auditForCoop, recordTransition } from '../transitions/federation-audit';

const MESSAGES: Record<CoopEvent, (name: string, reason: string | null) => [string, string]> = {
  suspend: (n, r) => [
    `${n} is suspended by the federation`,
    `The federation suspended ${n}: operations are restricted until it is reinstated. Reason: ${r ?? ''}`,
  ],
  reinstate: (n, r) => [
    `${n} is reinstated`,
    `The federation reinstated ${n}: operations are open again. Reason: ${r ?? ''}`,
  ],
  start_offboarding: (n, r) => [
    `${n} is leaving the federation`,
    `The federation started the offboarding of ${n}. Operations are restricted; your coop admins can download an export of all your data (zip of JSON and CSV files) from the console until access closes. Reason: ${r ?? ''}`,
  ],
  complete_offboarding: (n) => [
    `${n} has left the federation`,
    `The offboarding of ${n} is complete: access to the platform is now closed.`,
  ],
};

/** A coop's member share, as the federation directory sees it (figures only, across coops). */
interface ComplianceFigures {
  coop_id: string;
  share: number | null;
  below_since: Date | null;
}

/** What a transition does besides moving the status, in the same transaction (offboarding closes access). */
export type TransitionEffect = (tx: Tx, now: Date) => Promise<void>;

/** The federation admin's side of a member coop: directory and lifecycle (suspend, reinstate, offboard). */
@Injectable()
export class CoopLifecycleService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(FederationMailer) private readonly mailer: FederationMailer,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SettingsReader) private readonly settings: SettingsReader,
  ) {}

  /**
   * Moves the coop by `event` in one platform transaction: the state machine decides, the status
   * changes only from the state it was read in (a concurrent transition loses with 409), the trail
   * and the coop's audit record it, `effect` runs, and the coop's contact is mailed afterwards.
   */
  async transition(
    coopId: string,
    event: CoopEvent,
    reason: string | undefined,
    effect?: TransitionEffect,
  ): Promise<{ id: string; status: CoopState }> {
    const now = this.clock.now();
    const result = await this.db.platform(async (tx) => {
      const coop = await tx.manager.findOne(Coop, {
        where: { id: coopId },
        select: { id: true, name: true, status: true, contactEmail: true },
        lock: { mode: 'pessimistic_write' },
      });
      if (!coop) throw ApiException.notFound('Cooperative');
      let record;
      try {
        record = coopLifecycle.apply({ from: coop.status, event, actorId: 'federation', reason, at: now });
      } catch (error) {
        lifecycleError(error);
      }
      const { affected } = await tx.manager.update(
        Coop,
        { id: coopId, status: record.from },
        { status: record.to, updatedAt: () => 'now()' },
      );
      if (affected !== 1) throw new ApiException(409, 'ILLEGAL_TRANSITION', 'The cooperative changed meanwhile');
      await recordTransition(tx, {
        subjectType: 'coop',
        subjectId: coopId,
        event,
        from: record.from,
        to: record.to,
        reason: record.reason,
        at: now,
      });
      await auditForCoop(tx, coopId, {
        action: `coop.${event}`,
        subjectType: 'coop',
        subjectId: coopId,
        data: { from: record.from, to: record.to, reason: record.reason },
      });
      if (effect) await effect(tx, now);
      return { coop, to: record.to, reason: record.reason };
    });
    const [subject, text] = MESSAGES[event](result.coop.name, result.reason);
    this.mailer.notify(result.coop.contactEmail, subject, text, this.mailer.url('/licence'));
    return { id: coopId, status: result.to };
  }

  /** One page of the directory with each coop's standing; read statement by statement (GET). */
  async directory(limit: number, offset: number): Promise<Page<CoopDirectoryEntry>> {
    const now = this.clock.now();
    const settings = await this.settings.federation();
    return this.db.readPlatform(async (manager) => {
      const { entities: coops, raw } = await manager
        .getRepository(Coop)
        .createQueryBuilder('c')
        .addSelect('count(*) over ()', 'total')
        .orderBy('c.name')
        .addOrderBy('c.id')
        .limit(limit)
        .offset(offset)
        .getRawAndEntities<{ total: string }>();
      if (coops.length === 0) {
        return { items: [], total: offset === 0 ? 0 : await manager.count(Coop) };
      }
      const ids = coops.map((c) => c.id);
      const licences = await latestLicences(manager, ids);
      const figures = await complianceFigures(manager, ids);
      const items = coops.map((c): CoopDirectoryEntry => {
        const licence = licences.get(c.id) ?? null;
        const share = figures.get(c.id) ?? null;
        const standing = standingFor({
          coopStatus: c.status,
          licence: licence
            ? {
                status: licence.revokedAt ? 'revoked' : 'active',
                expiresAt: licence.expiresAt,
                revokedAt: licence.revokedAt,
              }
            : null,
          now,
          graceDays: settings.licence_grace_days,
          ownershipGraceDays: settings.worker_ownership_grace_days,
          workerOwnership:
            share === null || (share.share === null && share.below_since === null)
              ? null
              : { share: share.share, threshold: settings.worker_ownership_threshold, belowSince: share.below_since },
        });
        return {
          id: c.id,
          slug: c.slug,
          name: c.name,
          city: c.city,
          country: c.country,
          status: c.status,
          standing: standing.mode,
          licenceExpiresAt: licence ? licence.expiresAt.toISOString() : null,
          memberShare: share?.share ?? null,
        };
      });
      return { items, total: Number(raw[0]?.total ?? 0) };
    });
  }
}

/** The latest licence of each coop (a renewal supersedes), by coop id. */
async function latestLicences(manager: EntityManager, coopIds: string[]): Promise<Map<string, Licence>> {
  const licences = await manager
    .getRepository(Licence)
    .createQueryBuilder('l')
    .distinctOn(['l.licensedCoopId'])
    .where('l.licensedCoopId IN (:...coopIds)', { coopIds })
    .orderBy('l.licensedCoopId')
    .addOrderBy('l.issuedAt', 'DESC')
    .addOrderBy('l.createdAt', 'DESC')
    .getMany();
  return new Map(licences.map((l) => [l.licensedCoopId, l]));
}

/**
 * The member share of coops, across coops: coop_compliance is a tenant table, so the platform reads
 * it only through the SECURITY DEFINER function `federation_compliance_overview()` (figures only).
 */
async function complianceFigures(manager: EntityManager, coopIds: string[]): Promise<Map<string, ComplianceFigures>> {
  const rows: ComplianceFigures[] = await manager.query(
    'select coop_id, share, below_since from federation_compliance_overview() where coop_id = any($1::uuid[])',
    [coopIds],
  );
  return new Map(rows.map((r) => [r.coop_id, r]));
}
