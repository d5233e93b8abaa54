import { Inject, Injectable } from '@nestjs/common';
import type { FederationSettingsView, FederationSettingValues } from '@federacycle/contracts';
import { SettingsReader } from './settings-reader';

/** The admin view of the federation settings the licence and compliance code use. */
export function federationSettingsView(values: FederationSettingValues): FederationSettingsView {
  return {
    licenceGraceDays: values.licence_grace_days,
    workerOwnershipThreshold: values.worker_ownership_threshold,
  };
}

/**
 * GET /api/federation/settings, through the {@link SettingsReader}. Nothing here writes: the
 * coops change federation settings by federation proposals (governance writes the versions).
 */
@Injectable()
export class FederationSettingsService {
  constructor(@Inject(SettingsReader) private readonly reader: SettingsReader) {}

  async get(): Promise<FederationSettingsView> {
    return federationSettingsView(await this.reader.federation());
  }
}
