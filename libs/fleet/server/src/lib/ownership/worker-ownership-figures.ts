import type { EntityManager } from 'typeorm';
import type { WorkerOwnershipFiguresView } from '@federacycle/contracts';
import {
  computeWorkerOwnership,
  readFederationSettings,
  type CourierOwnershipRecord,
} from '@federacycle/federation-server';

/** What a unit of work (`Tx`) or the read path offers: a manager. */
export interface HasManager {
  manager: EntityManager;
}

/**
 * Each active-flagged courier of the coop with their last activity: now while on duty, else the
 * latest of the end of a duty period and the start of a shift that has begun (future shifts are
 * plans, not activity). The federation's worker-ownership rule (`computeWorkerOwnership`)
 * decides who counts as active (within 30 days). One statement; names the coop explicitly.
 */
export async function courierOwnershipRecords(
  { manager }: HasManager,
  coopId: string,
  now: Date = new Date(),
): Promise<CourierOwnershipRecord[]> {
  const rows: Array<{ user_id: string; member_owner: boolean; last_active_at: Date | null }> = await manager.query(
    `select c.user_id, c.member_owner,
            greatest(
              (select case when bool_or(d.ended_at is null) then $2::timestamptz else max(d.ended_at) end
                 from courier_duty_periods d where d.coop_id = c.coop_id and d.courier_id = c.id),
              (select max(s.starts_at) from courier_shifts s
                where s.coop_id = c.coop_id and s.courier_id = c.id and s.starts_at <= $2::timestamptz)
            ) as last_active_at
       from couriers c
      where c.coop_id = $1 and c.active`,
    [coopId, now],
  );
  return rows.map((r) => ({
    userId: r.user_id,
    isMember: r.member_owner,
    lastActiveAt: r.last_active_at ? new Date(r.last_active_at) : null,
  }));
}

export interface WorkerOwnershipFigures {
  activeCouriers: number;
  memberCouriers: number;
  /** members / active, null with no active courier */
  share: number | null;
}

/**
 * The worker-ownership figures from real activity: active = active flag set and on duty or a
 * duty period or a begun shift in the last 30 days; member = the member-owner flag. For the
 * federation's daily compliance job (through a port the API wires) and the Couriers page.
 */
export async function workerOwnershipFigures(
  tx: HasManager,
  coopId: string,
  now: Date = new Date(),
): Promise<WorkerOwnershipFigures> {
  const { activeCouriers, memberCouriers, share } = computeWorkerOwnership(
    await courierOwnershipRecords(tx, coopId, now),
    now,
  );
  return { activeCouriers, memberCouriers, share };
}

/** The figures with the federation's current threshold (the Couriers page's card). */
export async function workerOwnershipView(
  tx: HasManager,
  coopId: string,
  now: Date = new Date(),
): Promise<WorkerOwnershipFiguresView> {
  const [records, settings] = await Promise.all([
    courierOwnershipRecords(tx, coopId, now),
    readFederationSettings(tx.manager),
  ]);
  const o = computeWorkerOwnership(records, now, settings.worker_ownership_threshold);
  return {
    activeCouriers: o.activeCouriers,
    memberCouriers: o.memberCouriers,
    share: o.share,
    threshold: o.threshold,
    belowThreshold: o.belowThreshold,
  };
}
