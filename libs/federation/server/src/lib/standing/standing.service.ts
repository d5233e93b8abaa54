import { Inject, Injectable } from '@nestjs/common';
import type { FederationSettingValues, StandingView } from '@federacycle/contracts';
import type { EntityManager } from 'typeorm';
import { Coop, Database, TenantContext } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import {
  canOperate,
  standingFor,
  type CapabilityDecision,
  type LicenceStanding,
  type OperationalCapability,
} from '../compliance/licence-standing';
import type { CoopState } from '../lifecycle/coop-lifecycle';
import { CoopCompliance } from '../compliance/coop-compliance.entity';
import { latestLicence } from '../licences/licences.service';
import { SettingsReader } from '../settings/settings-reader';
import { CLOCK, type Clock } from '../shared/clock';

/** Everything the standing of one coop is computed from, read in one transaction. */
export interface CoopStandingFacts {
  coopStatus: CoopState;
  standing: LicenceStanding;
  compliance: CoopCompliance | null;
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
 * Reads a coop's standing facts, with a manager acting for that coop (coop_compliance is a tenant
 * table; coops, licences and settings are platform tables). Four reads, no writes.
 */
export async function readStandingFacts(
  manager: EntityManager,
  coopId: string,
  now: Date,
  settings: FederationSettingValues,
): Promise<CoopStandingFacts | null> {
  const coop = await manager.findOne(Coop, { where: { id: coopId }, select: { id: true, status: true } });
  if (!coop) return null;
  const licence = await latestLicence(manager, coopId);
  const compliance = await manager.findOneBy(CoopCompliance, { coopId });
  const standing = standingFor({
    coopStatus: coop.status,
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
    workerOwnership: compliance
      ? {
          share: compliance.share,
          threshold: settings.worker_ownership_threshold,
          belowSince: compliance.belowSince,
        }
      : null,
  });
  return {
    coopStatus: coop.status,
    standing,
    compliance,
    threshold: settings.worker_ownership_threshold,
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
    @Inject(SettingsReader) private readonly settings: SettingsReader,
  ) {}

  async facts(coopId: string): Promise<CoopStandingFacts> {
    const now = this.clock.now();
    const facts = await this.readFacts(coopId, now);
    if (!facts) throw ApiException.notFound('Cooperative');
    return facts;
  }

  /**
   * On a request acting for this very coop (the token's), the read path: each statement one
   * round trip with the request's session check. Elsewhere (the guard of another module, a job)
   * one transaction scoped to the coop.
   */
  private async readFacts(coopId: string, now: Date): Promise<CoopStandingFacts | null> {
    const settings = await this.settings.federation();
    if (TenantContext.current()?.coopId === coopId) {
      return this.db.read((manager) => readStandingFacts(manager, coopId, now, settings));
    }
    return this.db.forCoop(coopId, ({ manager }) => readStandingFacts(manager, coopId, now, settings));
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
    const standing = await this.standing(coopId);
    const { sandbox_test_orders_per_day: testOrdersPerDay } = await this.settings.federation();
    const decision = canOperate(standing, 'test_orders', { testOrdersToday, testOrdersPerDay });
    assertAllowed(decision);
    return decision;
  }
}
