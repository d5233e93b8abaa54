import { Inject, Injectable } from '@nestjs/common';
import type { FederationSettingsView } from '@federacycle/contracts';
import { Database, type Tx } from '@federacycle/platform-database';
import { ApiException } from '@federacycle/platform-http';
import { DEFAULT_GRACE_DAYS } from '../compliance/licence-standing';
import { DEFAULT_WORKER_OWNERSHIP_THRESHOLD } from '../compliance/worker-ownership';

/** Upper bound of the grace period setting, in days. */
export const MAX_GRACE_DAYS = 365;

/** Reads the federation settings inside any transaction (defaults when a row is missing). */
export async function readSettings(tx: Tx): Promise<FederationSettingsView> {
  const rows = await tx.query<{ key: string; value: unknown }>('select key, value from federation_settings');
  const map = new Map(rows.map((r) => [r.key, r.value]));
  const grace = map.get('licence_grace_days');
  const threshold = map.get('worker_ownership_threshold');
  return {
    licenceGraceDays: typeof grace === 'number' && Number.isInteger(grace) && grace >= 0 ? grace : DEFAULT_GRACE_DAYS,
    workerOwnershipThreshold:
      typeof threshold === 'number' && threshold > 0 && threshold <= 1 ? threshold : DEFAULT_WORKER_OWNERSHIP_THRESHOLD,
  };
}

/** Validates a PATCH body: only known keys, each in range; every problem listed. */
export function parseSettingsPatch(body: unknown): Partial<FederationSettingsView> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw ApiException.validation([
      {
        field: '',
        code: 'NOT_AN_OBJECT',
        message: 'The body must be a JSON object.',
      },
    ]);
  }
  const errors: { field: string; code: string; message: string }[] = [];
  const patch: Partial<FederationSettingsView> = {};
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === 'licenceGraceDays') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_GRACE_DAYS) {
        errors.push({
          field: key,
          code: 'OUT_OF_RANGE',
          message: `The grace period is a whole number of days between 0 and ${MAX_GRACE_DAYS}.`,
        });
      } else patch.licenceGraceDays = value;
    } else if (key === 'workerOwnershipThreshold') {
      if (typeof value !== 'number' || !(value > 0 && value <= 1)) {
        errors.push({
          field: key,
          code: 'OUT_OF_RANGE',
          message: 'The threshold is a share above 0 and at most 1 (e.g. 0.5).',
        });
      } else patch.workerOwnershipThreshold = value;
    } else {
      errors.push({
        field: key.slice(0, 60),
        code: 'unknownField',
        message: `${key.slice(0, 60)} is not an accepted field`,
      });
    }
  }
  if (errors.length > 0) throw ApiException.validation(errors);
  return patch;
}

@Injectable()
export class FederationSettingsService {
  constructor(@Inject(Database) private readonly db: Database) {}

  get(): Promise<FederationSettingsView> {
    return this.db.platform(readSettings);
  }

  update(body: unknown, actorId: string | null): Promise<FederationSettingsView> {
    const patch = parseSettingsPatch(body);
    return this.db.platform(async (tx) => {
      const before = await readSettings(tx);
      const keys: Array<[keyof FederationSettingsView, string]> = [
        ['licenceGraceDays', 'licence_grace_days'],
        ['workerOwnershipThreshold', 'worker_ownership_threshold'],
      ];
      for (const [field, key] of keys) {
        const value = patch[field];
        if (value === undefined || value === before[field]) continue;
        await tx.execute(
          `insert into federation_settings (key, value, version, updated_at, updated_by) values ($1, $2, 1, now(), $3)
           on conflict (key) do update set value = excluded.value, version = federation_settings.version + 1,
             updated_at = now(), updated_by = excluded.updated_by`,
          [key, JSON.stringify(value), actorId],
        );
      }
      return readSettings(tx);
    });
  }
}
