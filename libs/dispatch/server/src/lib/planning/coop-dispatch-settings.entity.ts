import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { DispatchMode } from '@federacycle/contracts';
import { Coop } from '@federacycle/platform-database';

/** The coop's dispatch mode; no row = manual. Governance will own it as a voted setting. */
@Entity({ name: 'coop_dispatch_settings' })
@Check('coop_dispatch_settings_mode_check', `mode in ('manual', 'suggest', 'auto')`)
export class CoopDispatchSettings {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'coop_dispatch_settings_coop_id_fkey' })
  coop?: Coop;

  @Column({ type: 'text', default: 'manual' })
  mode!: DispatchMode;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
