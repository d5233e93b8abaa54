import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FederationSettingsView } from '@federacycle/contracts';
import { Database } from '@federacycle/platform-database';
import { DEFAULT_GRACE_DAYS } from '../compliance/licence-standing';
import { DEFAULT_WORKER_OWNERSHIP_THRESHOLD } from '../compliance/worker-ownership';
import { FederationSetting, type FederationSettingKey } from './federation-setting.entity';
import type { UpdateFederationSettingsDto } from './federation-settings.dto';

const KEYS: ReadonlyArray<[keyof FederationSettingsView, FederationSettingKey]> = [
  ['licenceGraceDays', 'licence_grace_days'],
  ['workerOwnershipThreshold', 'worker_ownership_threshold'],
];

/** The settings as values, defaults for a missing or unusable row. */
export function settingsOf(rows: readonly Pick<FederationSetting, 'key' | 'value'>[]): FederationSettingsView {
  const map = new Map(rows.map((r) => [r.key, r.value]));
  const grace = map.get('licence_grace_days');
  const threshold = map.get('worker_ownership_threshold');
  return {
    licenceGraceDays: typeof grace === 'number' && Number.isInteger(grace) && grace >= 0 ? grace : DEFAULT_GRACE_DAYS,
    workerOwnershipThreshold:
      typeof threshold === 'number' && threshold > 0 && threshold <= 1 ? threshold : DEFAULT_WORKER_OWNERSHIP_THRESHOLD,
  };
}

/** Reads the federation settings with any manager (a transaction's or the read path's). */
export async function readSettings(manager: EntityManager): Promise<FederationSettingsView> {
  return settingsOf(await manager.find(FederationSetting, { select: { key: true, value: true } }));
}

@Injectable()
export class FederationSettingsService {
  constructor(@Inject(Database) private readonly db: Database) {}

  get(): Promise<FederationSettingsView> {
    return this.db.readPlatform(readSettings);
  }

  /** Changes what differs; each changed key's version goes up by one. */
  update(patch: UpdateFederationSettingsDto, actorId: string | null): Promise<FederationSettingsView> {
    return this.db.platform(async ({ manager }) => {
      const before = await readSettings(manager);
      for (const [field, key] of KEYS) {
        const value = patch[field];
        if (value === undefined || value === before[field]) continue;
        const { affected } = await manager.update(
          FederationSetting,
          { key },
          { value, version: () => 'version + 1', updatedAt: () => 'now()', updatedBy: actorId },
        );
        if (!affected) await manager.insert(FederationSetting, { key, value, updatedBy: actorId });
      }
      return readSettings(manager);
    });
  }
}
