import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@federacycle/platform-database';
import { CLOCK, type Clock } from '../nest/clock';
import { auditForCoop } from '../nest/federation-audit';
import { FederationMailer } from '../nest/federation-mailer';
import { readSettings } from '../nest/federation-settings.service';
import {
  computeWorkerOwnership,
  nextBelowSince,
  type CourierOwnershipRecord,
  type WorkerOwnership,
} from './worker-ownership';

export interface ComplianceCheckResult extends WorkerOwnership {
  coopId: string;
  belowSince: Date | null;
  /** true when this run found the coop newly below the threshold and sent the warning notice */
  warned: boolean;
}

/**
 * The daily worker-ownership check of one coop (the `compliance.check-coop` job).
 *
 * Until the courier domain records activity, couriers are the coop's active memberships holding
 * the `courier` role, all treated as active (last activity = now); a courier whose membership
 * also holds the `member` role counts as a member. When courier activity exists, replace
 * {@link courierRecords} with a query over it (same record shape).
 *
 * Idempotent: running it twice changes nothing the second time (`below_since` is kept while
 * below; the warning notice is sent once per breach, marked by `warned_at`).
 */
@Injectable()
export class ComplianceService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(FederationMailer) private readonly mailer: FederationMailer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Coops the daily fan-out checks: every coop still operating or suspended. */
  async coopsToCheck(): Promise<string[]> {
    const rows = await this.db.platform((tx) =>
      tx.query<{ id: string }>("select id from coops where status in ('active', 'suspended') order by id"),
    );
    return rows.map((r) => r.id);
  }

  async checkCoop(coopId: string): Promise<ComplianceCheckResult | null> {
    const now = this.clock.now();
    const result = await this.db.forCoop(coopId, async (tx) => {
      const coop = await tx.maybeOne<{
        name: string;
        contact_email: string | null;
      }>('select name, contact_email from coops where id = $1', [coopId]);
      if (!coop) return null;
      const settings = await readSettings(tx);
      const couriers = await tx.query<{ user_id: string; is_member: boolean }>(
        `select user_id, 'member' = any(roles) as is_member from memberships
          where coop_id = $1 and status = 'active' and 'courier' = any(roles)`,
        [coopId],
      );
      const records: CourierOwnershipRecord[] = couriers.map((c) => ({
        userId: c.user_id,
        isMember: c.is_member,
        lastActiveAt: now,
      }));
      const ownership = computeWorkerOwnership(records, now, settings.workerOwnershipThreshold);
      const previous = await tx.maybeOne<{
        below_since: Date | null;
        warned_at: Date | null;
      }>('select below_since, warned_at from coop_compliance where coop_id = $1 for update', [coopId]);
      const belowSince = nextBelowSince(previous?.below_since ?? null, ownership, now);
      const warn = ownership.belowThreshold && (previous?.warned_at ?? null) === null;
      const warnedAt = ownership.belowThreshold ? (previous?.warned_at ?? now) : null;
      await tx.execute(
        `insert into coop_compliance (coop_id, share, active_couriers, member_couriers, threshold, below_since, warned_at, checked_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8)
         on conflict (coop_id) do update set share = excluded.share, active_couriers = excluded.active_couriers,
           member_couriers = excluded.member_couriers, threshold = excluded.threshold, below_since = excluded.below_since,
           warned_at = excluded.warned_at, checked_at = excluded.checked_at`,
        [
          coopId,
          ownership.share,
          ownership.activeCouriers,
          ownership.memberCouriers,
          ownership.threshold,
          belowSince,
          warnedAt,
          now,
        ],
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
    if (warn && coop.contact_email) {
      const share = `${Math.round((ownership.share ?? 0) * 1000) / 10} %`;
      const threshold = `${Math.round(ownership.threshold * 1000) / 10} %`;
      await this.mailer.send(
        coop.contact_email,
        `Worker ownership warning: ${coop.name}`,
        `Only ${share} of the active couriers of ${coop.name} are members of the cooperative (the federation requires ${threshold}). Operations will be restricted at the end of the grace period unless this is corrected.`,
        this.mailer.url('/licence'),
      );
    }
    return { coopId, ...ownership, belowSince, warned: warn };
  }
}
