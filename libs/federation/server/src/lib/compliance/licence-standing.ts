import type { CoopState } from '../lifecycle/coop-lifecycle';

/**
 * A coop's standing with the federation, computed without I/O from its lifecycle state, its
 * current licence and its worker-ownership record, and the decision derived from it for each
 * operational capability. The licence guard calls {@link canOperate} and answers 403 with the
 * decision's code and message when it is not allowed.
 *
 * Modes:
 * - `licensed`: everything allowed;
 * - `grace`: licence expired less than `graceDays` ago, or worker ownership below the threshold
 *   for less than `graceDays`: everything allowed, with a warning (a licensed coop with an
 *   ownership warning stays `licensed` with a warning);
 * - `sandbox`: no licence yet: set-up, training and test orders (capped) only;
 * - `restricted`: nothing operational allowed, not even test orders.
 *
 * Precedence: coop not active (COOP_SUSPENDED) > licence revoked (LICENCE_REQUIRED) > no licence
 * (sandbox, LICENCE_REQUIRED) > licence expired (grace, then LICENCE_EXPIRED) > worker ownership
 * (warning, then COOP_NOT_WORKER_OWNED). Worker ownership never restricts a sandbox coop (it is
 * still setting up; it gets the warning only) and is not evaluated once already restricted.
 */

export const DEFAULT_GRACE_DAYS = 30;
/** Test orders a coop in sandbox may create per day, unless the federation setting says otherwise. */
export const SANDBOX_TEST_ORDERS_PER_DAY = 20;

export const OPERATIONAL_CAPABILITIES = [
  'take_orders',
  'publish_storefront',
  'partner_api',
  'auto_dispatch',
  'test_orders',
] as const;
export type OperationalCapability = (typeof OPERATIONAL_CAPABILITIES)[number];

export type StandingMode = 'licensed' | 'grace' | 'sandbox' | 'restricted';
export type StandingCode = 'LICENCE_REQUIRED' | 'LICENCE_EXPIRED' | 'COOP_SUSPENDED' | 'COOP_NOT_WORKER_OWNED';
export type StandingWarningCode = 'LICENCE_EXPIRED' | 'COOP_NOT_WORKER_OWNED';

export interface StandingWarning {
  code: StandingWarningCode;
  message: string;
  /** when the coop becomes restricted if nothing changes (`null`: would not restrict, e.g. in sandbox) */
  restrictsAt: Date | null;
}

export interface LicenceStanding {
  mode: StandingMode;
  /** why the coop is not fully licensed; absent when licensed or in grace */
  code?: StandingCode;
  /** English, for humans */
  message: string;
  /** the most urgent warning, if any (first of `warnings`) */
  warning?: StandingWarning;
  /** every warning, most urgent first */
  warnings: StandingWarning[];
  /** the earliest date at which a warning turns into a restriction */
  graceEndsAt?: Date;
}

/** The coop's current licence, as stored (the latest one issued to the coop). */
export interface StandingLicence {
  status: 'active' | 'revoked';
  expiresAt: Date;
  /** a revocation time in the future is not yet effective */
  revokedAt: Date | null;
}

export interface StandingWorkerOwnership {
  /** `null` when the coop has no active courier (nothing to judge) */
  share: number | null;
  threshold: number;
  /** first day of the current breach, as stored by the daily job (`null` if compliant so far) */
  belowSince: Date | null;
}

export interface StandingInput {
  coopStatus: CoopState;
  licence: StandingLicence | null;
  now: Date;
  /** federation setting, whole days ≥ 0 (0: no grace) */
  graceDays: number;
  /** federation setting: days below the worker-ownership threshold before restriction (default: graceDays) */
  ownershipGraceDays?: number;
  /** `null` when never computed yet */
  workerOwnership: StandingWorkerOwnership | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const day = (d: Date) => d.toISOString().slice(0, 10);
const percent = (x: number) => `${Math.round(x * 1000) / 10} %`;

const COOP_NOT_ACTIVE_MESSAGES: Readonly<Record<Exclude<CoopState, 'active'>, string>> = {
  suspended: 'Your cooperative is suspended by the federation: operations are restricted until it is reinstated.',
  offboarding: 'Your cooperative is leaving the federation: operations are restricted.',
  offboarded: 'Your cooperative has left the federation: operations are no longer available.',
};

export function standingFor(input: StandingInput): LicenceStanding {
  const { coopStatus, licence, now, graceDays, workerOwnership } = input;
  if (!Number.isInteger(graceDays) || graceDays < 0)
    throw new RangeError('graceDays must be a whole number of days ≥ 0.');
  const graceMs = graceDays * DAY_MS;
  const ownershipGraceDays = input.ownershipGraceDays ?? graceDays;
  if (!Number.isInteger(ownershipGraceDays) || ownershipGraceDays < 0)
    throw new RangeError('ownershipGraceDays must be a whole number of days ≥ 0.');
  const ownershipGraceMs = ownershipGraceDays * DAY_MS;
  const t = now.getTime();

  if (coopStatus !== 'active') {
    return {
      mode: 'restricted',
      code: 'COOP_SUSPENDED',
      message: COOP_NOT_ACTIVE_MESSAGES[coopStatus],
      warnings: [],
    };
  }
  if (licence && (licence.status === 'revoked' || (licence.revokedAt !== null && licence.revokedAt.getTime() <= t))) {
    return {
      mode: 'restricted',
      code: 'LICENCE_REQUIRED',
      message:
        'Your cooperative’s licence was revoked by the federation: operations are restricted. Please contact the federation.',
      warnings: [],
    };
  }

  let mode: StandingMode;
  let code: StandingCode | undefined;
  let message: string;
  const warnings: StandingWarning[] = [];

  if (!licence) {
    mode = 'sandbox';
    code = 'LICENCE_REQUIRED';
    message = 'Your cooperative has no licence yet: it runs in sandbox mode (set-up, training and test orders only).';
  } else if (t >= licence.expiresAt.getTime()) {
    const graceEndsAt = new Date(licence.expiresAt.getTime() + graceMs);
    if (t < graceEndsAt.getTime()) {
      mode = 'grace';
      message = `Your cooperative’s licence expired on ${day(licence.expiresAt)}. Renew it before ${day(graceEndsAt)} to avoid restriction.`;
      warnings.push({
        code: 'LICENCE_EXPIRED',
        message,
        restrictsAt: graceEndsAt,
      });
    } else {
      return {
        mode: 'restricted',
        code: 'LICENCE_EXPIRED',
        message: `Your cooperative’s licence expired on ${day(licence.expiresAt)} and its grace period ended on ${day(graceEndsAt)}: operations are restricted until it is renewed.`,
        warnings: [],
      };
    }
  } else {
    mode = 'licensed';
    message = `Your cooperative is licensed until ${day(licence.expiresAt)}.`;
  }

  const wo = workerOwnership;
  if (wo && wo.share !== null && wo.share < wo.threshold) {
    const since = wo.belowSince ?? now;
    const restrictsAt = new Date(since.getTime() + ownershipGraceMs);
    const facts = `Only ${percent(wo.share)} of your active couriers are members of the cooperative (required: ${percent(wo.threshold)})`;
    if (mode === 'sandbox') {
      warnings.push({
        code: 'COOP_NOT_WORKER_OWNED',
        message: `${facts}. This must be corrected before the cooperative is licensed.`,
        restrictsAt: null,
      });
    } else if (t < restrictsAt.getTime()) {
      warnings.push({
        code: 'COOP_NOT_WORKER_OWNED',
        message: `${facts}. Operations will be restricted on ${day(restrictsAt)} unless this is corrected.`,
        restrictsAt,
      });
    } else {
      return finish(
        'restricted',
        'COOP_NOT_WORKER_OWNED',
        `${facts} since ${day(since)}: operations are restricted until the cooperative is worker-owned again.`,
        warnings,
      );
    }
  }

  return finish(mode, code, message, warnings);
}

/** Assembles a standing: warnings by urgency, the most urgent one and the earliest deadline. */
function finish(
  mode: StandingMode,
  code: StandingCode | undefined,
  message: string,
  warnings: StandingWarning[],
): LicenceStanding {
  const sorted = [...warnings].sort(
    (a, b) => (a.restrictsAt?.getTime() ?? Infinity) - (b.restrictsAt?.getTime() ?? Infinity),
  );
  const deadlines = sorted.map((w) => w.restrictsAt).filter((d): d is Date => d !== null);
  return {
    mode,
    ...(code ? { code } : {}),
    message,
    ...(sorted.length > 0 ? { warning: sorted[0] } : {}),
    warnings: sorted,
    ...(deadlines.length > 0 && mode !== 'restricted' ? { graceEndsAt: deadlines[0] } : {}),
  };
}

export type CapabilityDecision =
  | { allowed: true; warning?: StandingWarning }
  | {
      allowed: false;
      code: StandingCode | 'SANDBOX_TEST_ORDER_LIMIT';
      message: string;
    };

const CAPABILITY_LABELS: Readonly<Record<OperationalCapability, string>> = {
  take_orders: 'Taking real orders',
  publish_storefront: 'Publishing the storefront',
  partner_api: 'The partner API',
  auto_dispatch: 'Automatic dispatch',
  test_orders: 'Test orders',
};

/**
 * Whether a coop in `standing` may use `capability`. Licensed and grace: everything (with the
 * warning passed along). Sandbox: only `test_orders`, at most {@link SANDBOX_TEST_ORDERS_PER_DAY}
 * per day, or the federation setting `usage.testOrdersPerDay` (`usage.testOrdersToday` = test
 * orders already created today; without it the cap is
 * not checked); other capabilities → LICENCE_REQUIRED. Restricted: nothing, with the standing's
 * code. Licensed coops have no test-order cap.
 */
export function canOperate(
  standing: LicenceStanding,
  capability: OperationalCapability,
  usage: { testOrdersToday?: number; testOrdersPerDay?: number } = {},
): CapabilityDecision {
  const testOrdersPerDay = usage.testOrdersPerDay ?? SANDBOX_TEST_ORDERS_PER_DAY;
  switch (standing.mode) {
    case 'licensed':
    case 'grace':
      return standing.warning ? { allowed: true, warning: standing.warning } : { allowed: true };
    case 'sandbox':
      if (capability !== 'test_orders') {
        return {
          allowed: false,
          code: 'LICENCE_REQUIRED',
          message: `${CAPABILITY_LABELS[capability]} requires a licence from the federation; your cooperative runs in sandbox mode.`,
        };
      }
      if ((usage.testOrdersToday ?? 0) >= testOrdersPerDay) {
        return {
          allowed: false,
          code: 'SANDBOX_TEST_ORDER_LIMIT',
          message: `In sandbox mode a cooperative may create at most ${testOrdersPerDay} test orders per day.`,
        };
      }
      return standing.warning ? { allowed: true, warning: standing.warning } : { allowed: true };
    case 'restricted':
      return {
        allowed: false,
        code: standing.code ?? 'LICENCE_REQUIRED',
        message: standing.message,
      };
  }
}
