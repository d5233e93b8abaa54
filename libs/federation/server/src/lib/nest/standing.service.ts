import { Inject, Injectable } from '@nestjs/common';
import type { StandingView } from '@federacycle/contracts';
import { Database, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import {
  canOperate,
  standingFor,
  type CapabilityDecision,
  type LicenceStanding,
  type OperationalCapability,
} from '../compliance/licence-standing';
import type { CoopState } from '../lifecycle/coop-lifecycle';
import { CLOCK, type Clock } from './clock';
import { readSettings } from './federation-settings.service';
import { latestLicence } from './licences.service';

export interface ComplianceRow {
  share: number | null;
  active_couriers: number;
  member_couriers: number;
  threshold: number;
  below_since: Date | null;
  checked_at: Date;
}

/** Everything the standing of one coop is computed from, read in one transaction. */
export interface CoopStandingFacts {
  coopStatus: CoopState;
  standing: LicenceStanding;
  compliance: ComplianceRow | null;
  threshold: number;
}

export function standingView(standing: LicenceStanding): StandingView {
  return {
    mode: standing.mode,
    code: standing.code ?? null,
    message: standing.message,
    warnings: standing.warnings.map((w) => ({
      code: w.code,
      message: w.message,
    })),
    graceEndsAt: standing.graceEndsAt ? standing.graceEndsAt.toISOString() : null,
  };
}

/**
 * Reads a coop's standing facts. Must run in a transaction scoped to that coop (coop_compliance
 * is a tenant table); coops, licences and settings are platform tables.
 */
export async function readStandingFacts(tx: Tx, coopId: string, now: Date): Promise<CoopStandingFacts | null> {
  const coop = await tx.maybeOne<{ status: CoopState }>('select status from coops where id = $1', [coopId]);
  if (!coop) return null;
  const settings = await readSettings(tx);
  const licence = await latestLicence(tx, coopId);
  const compliance = await tx.maybeOne<ComplianceRow>(
    'select share, active_couriers, member_couriers, threshold, below_since, checked_at from coop_compliance where coop_id = $1',
    [coopId],
  );
  const standing = standingFor({
    coopStatus: coop.status,
    licence: licence
      ? {
          status: licence.revoked_at ? 'revoked' : 'active',
          expiresAt: licence.expires_at,
          revokedAt: licence.revoked_at,
        }
      : null,
    now,
    graceDays: settings.licenceGraceDays,
    workerOwnership: compliance
      ? {
          share: compliance.share,
          threshold: settings.workerOwnershipThreshold,
          belowSince: compliance.below_since,
        }
      : null,
  });
  return {
    coopStatus: coop.status,
    standing,
    compliance,
    threshold: settings.workerOwnershipThreshold,
  };
}

/** The decision as an exception: 403 with the standing code (429 for the sandbox test-order cap). */
export function assertAllowed(decision: CapabilityDecision): void {
  if (decision.allowed) return;
  throw new ApiException(decision.code === 'SANDBOX_TEST_ORDER_LIMIT' ? 429 : 403, decision.code, decision.message);
}

/**
 * A coop's standing with the federation, now (by the injected clock), and the checks the
 * operational modules call: `assertCapability` (what the guard does) and `assertTestOrder`
 * (the sandbox cap for the future ordering module, which counts its own test orders).
 */
@Injectable()
export class StandingService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async facts(coopId: string): Promise<CoopStandingFacts> {
    const now = this.clock.now();
    const facts = await this.db.forCoop(coopId, (tx) => readStandingFacts(tx, coopId, now));
    if (!facts) throw ApiException.notFound('Cooperative');
    return facts;
  }

  async standing(coopId: string): Promise<LicenceStanding> {
    return (await this.facts(coopId)).standing;
  }

  /** Throws 403 LICENCE_REQUIRED / LICENCE_EXPIRED / COOP_SUSPENDED / COOP_NOT_WORKER_OWNED. */
  async assertCapability(
    coopId: string,
    capability: Exclude<OperationalCapability, 'test_orders'>,
  ): Promise<CapabilityDecision> {
    const decision = canOperate(await this.standing(coopId), capability);
    assertAllowed(decision);
    return decision;
  }

  /**
   * For the ordering module: may the coop create one more test order, given how many it created
   * today? Sandbox coops: at most SANDBOX_TEST_ORDERS_PER_DAY (else 429 SANDBOX_TEST_ORDER_LIMIT);
   * restricted coops: 403 with the standing code; licensed and grace: always. Test orders are
   * flagged as test by the caller.
   */
  async assertTestOrder(coopId: string, testOrdersToday: number): Promise<CapabilityDecision> {
    const decision = canOperate(await this.standing(coopId), 'test_orders', {
      testOrdersToday,
    });
    assertAllowed(decision);
    return decision;
  }
}
