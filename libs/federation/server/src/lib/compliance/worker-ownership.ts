/**
 * Worker ownership: the share of a coop's active couriers who are members of the coop.
 * Computed daily by a job (one per coop); the standing uses its result.
 */

/** A courier is active when seen within this many days before `now`. */
export const ACTIVE_COURIER_WINDOW_DAYS = 30;
/** Default federation setting: at least half of the active couriers must be members. */
export const DEFAULT_WORKER_OWNERSHIP_THRESHOLD = 0.5;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface CourierOwnershipRecord {
  userId: string;
  lastActiveAt: Date | null;
  isMember: boolean;
}

export interface WorkerOwnership {
  activeCouriers: number;
  memberCouriers: number;
  /**
   * members / active, in [0, 1]; `null` when there is no active courier. With no active courier
   * there is nothing to judge (a coop that is setting up, or idle), so it is never below the
   * threshold; the UI shows "no active couriers" rather than a misleading 100 %.
   */
  share: number | null;
  belowThreshold: boolean;
  threshold: number;
}

/**
 * Counts active couriers (last activity within {@link ACTIVE_COURIER_WINDOW_DAYS} days, bounds
 * included; an activity time slightly in the future, from clock skew, counts as active) and how
 * many of them are members. A courier listed twice counts once (member if any record says so).
 * Below the threshold means share < threshold (exactly at the threshold is compliant).
 * Throws a RangeError for a threshold outside (0, 1].
 */
export function computeWorkerOwnership(
  couriers: readonly CourierOwnershipRecord[],
  now: Date,
  threshold: number = DEFAULT_WORKER_OWNERSHIP_THRESHOLD,
): WorkerOwnership {
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError('The worker-ownership threshold must be in (0, 1].');
  const since = now.getTime() - ACTIVE_COURIER_WINDOW_DAYS * DAY_MS;
  const active = new Map<string, boolean>();
  for (const c of couriers) {
    if (c.lastActiveAt === null || Number.isNaN(c.lastActiveAt.getTime()) || c.lastActiveAt.getTime() < since) continue;
    active.set(c.userId, (active.get(c.userId) ?? false) || c.isMember);
  }
  const activeCouriers = active.size;
  const memberCouriers = [...active.values()].filter(Boolean).length;
  // a correctly rounded division equals the threshold literal when the true ratio equals it
  const share = activeCouriers === 0 ? null : memberCouriers / activeCouriers;
  return {
    activeCouriers,
    memberCouriers,
    share,
    belowThreshold: share !== null && share < threshold,
    threshold,
  };
}

/**
 * The `belowSince` to store after a daily computation: unchanged while still below, `now` on the
 * first day below, `null` once compliant again (the grace period restarts at the next breach).
 */
export function nextBelowSince(
  previous: Date | null,
  ownership: Pick<WorkerOwnership, 'belowThreshold'>,
  now: Date,
): Date | null {
  if (!ownership.belowThreshold) return null;
  return previous ?? now;
}
