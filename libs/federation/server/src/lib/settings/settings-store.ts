import type { EntityManager } from 'typeorm';
import {
  COOP_SETTING_KEYS,
  FEDERATION_SETTING_KEYS,
  SETTINGS_CATALOGUE,
  coopSettingDefaults,
  federationSettingDefaults,
  settingValueProblem,
  type CoopSettingKey,
  type CoopSettingValues,
  type FederationSettingKey,
  type FederationSettingValues,
  type SettingKey,
  type SettingScope,
  type SettingValue,
} from '@federacycle/contracts';
import type { Tx } from '@federacycle/platform-database';
import { CoopSettingVersion, FederationSettingVersion, type SettingVersionSource } from './setting-version.entity';

/**
 * The versioned settings store: the latest version of each setting is its current value; a
 * setting with no version (or a stored value the catalogue no longer accepts) has the
 * catalogue's default. Reads take any manager (a transaction's or the read path's); writes take
 * the caller's transaction, so an enactment's versions commit with the proposal's state.
 */

/** A version as the store returns it, for either scope. */
export interface StoredSettingVersion {
  key: SettingKey;
  version: number;
  value: unknown;
  effectiveAt: Date;
  source: SettingVersionSource;
  proposalId: string | null;
}

function valuesOf<K extends SettingKey>(
  keys: readonly K[],
  rows: readonly StoredSettingVersion[],
): Record<K, SettingValue> {
  const latest = new Map<SettingKey, StoredSettingVersion>();
  for (const row of rows) {
    const seen = latest.get(row.key);
    if (!seen || row.version > seen.version) latest.set(row.key, row);
  }
  return Object.fromEntries(
    keys.map((key) => {
      const row = latest.get(key);
      const ok = row !== undefined && settingValueProblem(key, row.value) === null;
      return [key, ok ? (row.value as SettingValue) : SETTINGS_CATALOGUE[key].default];
    }),
  ) as Record<K, SettingValue>;
}

export function federationValuesOf(rows: readonly StoredSettingVersion[]): FederationSettingValues {
  return { ...federationSettingDefaults(), ...valuesOf(FEDERATION_SETTING_KEYS, rows) } as FederationSettingValues;
}

export function coopValuesOf(rows: readonly StoredSettingVersion[]): CoopSettingValues {
  return { ...coopSettingDefaults(), ...valuesOf(COOP_SETTING_KEYS, rows) } as CoopSettingValues;
}

/** The latest version of every federation setting (one statement). */
export function latestFederationVersions(manager: EntityManager): Promise<StoredSettingVersion[]> {
  return manager
    .getRepository(FederationSettingVersion)
    .createQueryBuilder('v')
    .distinctOn(['v.key'])
    .orderBy('v.key')
    .addOrderBy('v.version', 'DESC')
    .getMany();
}

/** The latest version of every setting of one coop (one statement; the manager acts for the coop). */
export function latestCoopVersions(manager: EntityManager, coopId: string): Promise<StoredSettingVersion[]> {
  return manager
    .getRepository(CoopSettingVersion)
    .createQueryBuilder('v')
    .distinctOn(['v.key'])
    .where('v.coopId = :coopId', { coopId })
    .orderBy('v.key')
    .addOrderBy('v.version', 'DESC')
    .getMany();
}

/** Every version of a scope's settings, oldest first (the settings page's history). */
export function settingVersions(
  manager: EntityManager,
  scope: SettingScope,
  coopId: string | null,
): Promise<StoredSettingVersion[]> {
  if (scope === 'federation') {
    return manager.find(FederationSettingVersion, { order: { key: 'ASC', version: 'ASC' } });
  }
  if (coopId === null) throw new Error('coop settings need a coop');
  return manager.find(CoopSettingVersion, { where: { coopId }, order: { key: 'ASC', version: 'ASC' } });
}

/** The federation's current settings, read with the given manager. */
export async function readFederationSettings(manager: EntityManager): Promise<FederationSettingValues> {
  return federationValuesOf(await latestFederationVersions(manager));
}

export interface SettingVersionWrite {
  key: SettingKey;
  value: SettingValue;
}

export interface SettingVersionMeta {
  source: SettingVersionSource;
  /** the enacting proposal (source 'proposal') */
  proposalId: string | null;
  effectiveAt: Date;
  actorId?: string | null;
}

/**
 * Writes one new version per change, in the caller's transaction (governance's enactment; the
 * federation admin's direct change). Each version is the setting's latest + 1: two writers of
 * the same setting at once collide on the primary key and one of them retries, none is lost.
 * Throws a RangeError for a key outside the scope or a value outside its schema (the proposal
 * was validated when drafted: reaching this is a bug, not bad input).
 */
export async function writeSettingVersions(
  tx: Tx,
  scope: SettingScope,
  coopId: string | null,
  changes: readonly SettingVersionWrite[],
  meta: SettingVersionMeta,
): Promise<void> {
  for (const { key, value } of changes) {
    const def = SETTINGS_CATALOGUE[key];
    if (!def || def.scope !== scope) throw new RangeError(`${key} is not a ${scope} setting`);
    const problem = settingValueProblem(key, value);
    if (problem) throw new RangeError(problem);
    if (scope === 'federation') {
      await tx.execute(
        `insert into federation_setting_versions (key, version, value, effective_at, source, proposal_id, created_by)
         select $1, coalesce(max(version), 0) + 1, $2::jsonb, $3, $4, $5, $6 from federation_setting_versions where key = $1`,
        [key, JSON.stringify(value), meta.effectiveAt, meta.source, meta.proposalId, meta.actorId ?? null],
      );
    } else {
      if (coopId === null) throw new Error('coop settings need a coop');
      await tx.execute(
        `insert into coop_setting_versions (coop_id, key, version, value, effective_at, source, proposal_id)
         select $1, $2, coalesce(max(version), 0) + 1, $3::jsonb, $4, $5, $6
           from coop_setting_versions where coop_id = $1 and key = $2`,
        [coopId, key, JSON.stringify(value), meta.effectiveAt, meta.source, meta.proposalId],
      );
    }
  }
}

export type { CoopSettingKey, FederationSettingKey };
