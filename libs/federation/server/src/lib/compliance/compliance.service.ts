import { Inject, Injectable, Optional } from '@nestjs/common';
import { In } from 'typeorm';
import { Coop, Database } from '@federacycle/platform-database';
import { FederationMailer } from '../mail/federation-mailer';
import { SettingsReader } from '../settings/settings-reader';
import { CLOCK, type Clock } from '../shared/clock';
import { auditForCoop } from '../transitions/federation-audit';
import { CoopCompliance } from './coop-compliance.entity';
import { COURIER_ROSTER, membershipCourierRoster, type CourierRoster } from './courier-roster';
import { computeWorkerOwnership, nextBelowSince, type WorkerOwnership } from './worker-ownership';

export interface ComplianceCheckResult extends WorkerOwnership {
  coopId: string;
  belowSince: Date | null;
  /** true when this run found the coop newly below the threshold and sent the warning notice */
  warned: boolean;
}

/**
 * The daily worker-ownership check of one coop (the `compliance.check-coop` job).
 *
 * The couriers and their activity come from the {@link CourierRoster} the app composes (the fleet
 * domain's: on duty or on a shift in the last 30 days, and its member-owner flag); without one,
 * from identity's courier memberships, all counted as active.
 *
 * Idempotent: running it twice changes nothing the second time (`below_since` is kept while
 * below; the warning notice is sent once per breach, marked by `warned_at`).
 */
@Injectable()
export class ComplianceService {
  private readonly roster: CourierRoster;

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(FederationMailer) private readonly mailer: FederationMailer,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SettingsReader) private readonly settings: SettingsReader,
    @Optional() @Inject(COURIER_ROSTER) roster: CourierRoster | null = null,
  ) {
    this.roster = roster ?? membershipCourierRoster;
  }

  /** Coops the daily fan-out checks: every coop still operating or suspended. */
  async coopsToCheck(): Promise<string[]> {
    const coops = await this.db.platform(({ manager }) =>
      manager.find(Coop, {
        where: { status: In(['active', 'suspended']) },
        select: { id: true },
        order: { id: 'ASC' },
      }),
    );
    return coops.map((c) => c.id);
  }

  async checkCoop(coopId: string): Promise<ComplianceCheckResult | null> {
    const now = this.clock.now();
    const settings = await this.settings.federation();
    const result = await this.db.forCoop(coopId, async (tx) => {
      const { manager } = tx;
      const coop = await manager.findOne(Coop, {
        where: { id: coopId },
        select: { id: true, name: true, contactEmail: true },
      });
      if (!coop) return null;
      const records = await this.roster.records(tx, coopId, now);
      const ownership = computeWorkerOwnership(records, now, settings.worker_ownership_threshold);
      const previous = await manager.findOne(CoopCompliance, {
        where: { coopId },
        select: { coopId: true, belowSince: true, warnedAt: true },
        lock: { mode: 'pessimistic_write' },
      });
      const belowSince = nextBelowSince(previous?.belowSince ?? null, ownership, now);
      const warn = ownership.belowThreshold && (previous?.warnedAt ?? null) === null;
      const warnedAt = ownership.belowThreshold ? (previous?.warnedAt ?? now) : null;
      await manager.upsert(
        CoopCompliance,
        {
          coopId,
          share: ownership.share,
          activeCouriers: ownership.activeCouriers,
          memberCouriers: ownership.memberCouriers,
          threshold: ownership.threshold,
          belowSince,
          warnedAt,
          checkedAt: now,
        },
        { conflictPaths: ['coopId'] },
      );
      if (warn) {
        await auditForCoop(tx, coopId, {
          action: 'compliance.below_threshold',
          subjectType: 'coop',
          subjectId: coopId,
          data: {
            share: ownership.share,
            threshold: ownership.threshold,
            activeCouriers: ownership.activeCouriers,
            memberCouriers: ownership.memberCouriers,
          },
        });
      }
      return { coop, ownership, belowSince, warn };
    });
    if (!result) return null;
    const { coop, ownership, belowSince, warn } = result;
    if (warn && coop.contactEmail) {
      const share = `${Math.round((ownership.share ?? 0) * 1000) / 10} %`;
      const threshold = `${Math.round(ownership.threshold * 1000) / 10} %`;
      await this.mailer.send(
        coop.contactEmail,
        `Worker ownership warning: ${coop.name}`,
        `Only ${share} of the active couriers of ${coop.name} are members of the cooperative (the federation requires ${threshold}). Operations will be restricted at the end of the grace period unless this is corrected.`,
        this.mailer.url('/licence'),
      );
    }
    return { coopId, ...ownership, belowSince, warned: warn };
  }
}
