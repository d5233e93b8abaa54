import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '@federacycle/identity-server';

export type FederationSettingKey = 'licence_grace_days' | 'worker_ownership_threshold';

/** One federation setting (platform row): a JSON value with a version bumped on every change. */
@Entity({ name: 'federation_settings' })
@Check('federation_settings_key_check', `key in ('licence_grace_days', 'worker_ownership_threshold')`)
export class FederationSetting {
  @PrimaryColumn({ type: 'text' })
  key!: FederationSettingKey;

  @Column({ type: 'jsonb' })
  value!: unknown;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'updated_by', foreignKeyConstraintName: 'federation_settings_updated_by_fkey' })
  updater?: User;
}
