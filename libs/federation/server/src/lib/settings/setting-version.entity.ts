import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import {
  COOP_SETTING_KEYS,
  FEDERATION_SETTING_KEYS,
  type CoopSettingKey,
  type FederationSettingKey,
} from '@federacycle/contracts';
import { Coop } from '@federacycle/platform-database';
import { User } from '@federacycle/identity-server';

const sqlList = (keys: readonly string[]) => keys.map((k) => `'${k}'`).join(', ');

export type SettingVersionSource = 'initial' | 'proposal' | 'admin';

/** One version of one federation setting (platform row, append-only). */
@Entity({ name: 'federation_setting_versions' })
@Check('federation_setting_versions_check', `(source = 'proposal') = (proposal_id is not null)`)
@Check('federation_setting_versions_key_check', `key in (${sqlList(FEDERATION_SETTING_KEYS)})`)
@Check('federation_setting_versions_source_check', `source in ('initial', 'proposal', 'admin')`)
@Check('federation_setting_versions_version_check', 'version >= 1')
export class FederationSettingVersion {
  @PrimaryColumn({ type: 'text' })
  key!: FederationSettingKey;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  value!: unknown;

  @Column({ name: 'effective_at', type: 'timestamptz', default: () => 'now()' })
  effectiveAt!: Date;

  @Column({ type: 'text' })
  source!: SettingVersionSource;

  @Column({ name: 'proposal_id', type: 'uuid', nullable: true })
  proposalId!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'federation_setting_versions_created_by_fkey' })
  creator?: User;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

/** One version of one coop setting (tenant row, append-only). */
@Entity({ name: 'coop_setting_versions' })
@Check('coop_setting_versions_check', `(source = 'proposal') = (proposal_id is not null)`)
@Check('coop_setting_versions_key_check', `key in (${sqlList(COOP_SETTING_KEYS)})`)
@Check('coop_setting_versions_source_check', `source in ('initial', 'proposal')`)
@Check('coop_setting_versions_version_check', 'version >= 1')
export class CoopSettingVersion {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'coop_setting_versions_coop_id_fkey' })
  coop?: Coop;

  @PrimaryColumn({ type: 'text' })
  key!: CoopSettingKey;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  value!: unknown;

  @Column({ name: 'effective_at', type: 'timestamptz', default: () => 'now()' })
  effectiveAt!: Date;

  @Column({ type: 'text' })
  source!: Exclude<SettingVersionSource, 'admin'>;

  @Column({ name: 'proposal_id', type: 'uuid', nullable: true })
  proposalId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
