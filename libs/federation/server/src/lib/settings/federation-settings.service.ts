import { Inject, Injectable } from '@nestjs/common';
import type { FederationSettingsView, FederationSettingValues } from '@federacycle/contracts';
import { Database } from '@federacycle/platform-database';
import { CLOCK, type Clock } from '../shared/clock';
import type { UpdateFederationSettingsDto } from './federation-settings.dto';
import { SettingsReader } from './settings-reader';
import { readFederationSettings, writeSettingVersions, type SettingVersionWrite } from './settings-store';

/** The admin view of the federation settings the licence and compliance code use. */
export function federationSettingsView(values: FederationSettingValues): FederationSettingsView {
  return {
    licenceGraceDays: values.licence_grace_days,
    workerOwnershipThreshold: values.worker_ownership_threshold,
  };
}

/**
 * GET/PATCH /api/federation/settings. Reads through the {@link SettingsReader}; a federation
 * admin's direct change is recorded as a version with source 'admin' (the coops' proposals
 * write source 'proposal' versions through governance).
 */
@Injectable()
export class FederationSettingsService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(SettingsReader) private readonly reader: SettingsReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async get(): Promise<FederationSettingsView> {
    return federationSettingsView(await this.reader.federation());
  }

  /** Changes what differs: one new version for each changed key. */
  async update(patch: UpdateFederationSettingsDto, actorId: string | null): Promise<FederationSettingsView> {
    const after = await this.db.platform(async (tx) => {
      const before = await readFederationSettings(tx.manager);
      const changes: SettingVersionWrite[] = [];
      if (patch.licenceGraceDays !== undefined && patch.licenceGraceDays !== before.licence_grace_days) {
        changes.push({ key: 'licence_grace_days', value: patch.licenceGraceDays });
      }
      if (
        patch.workerOwnershipThreshold !== undefined &&
        patch.workerOwnershipThreshold !== before.worker_ownership_threshold
      ) {
        changes.push({ key: 'worker_ownership_threshold', value: patch.workerOwnershipThreshold });
      }
      if (changes.length === 0) return null;
      await writeSettingVersions(tx, 'federation', null, changes, {
        source: 'admin',
        proposalId: null,
        effectiveAt: this.clock.now(),
        actorId,
      });
      return readFederationSettings(tx.manager);
    });
    if (after === null) return this.get();
    await this.reader.announce('federation', null);
    return federationSettingsView(after);
  }
}
