import {
  Check,
  Column,
  Entity,
  ForeignKey,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { DeliveryState, EventSource } from '@federacycle/contracts';
import { Merchant } from '@federacycle/merchants-server';
import { Coop } from '@federacycle/platform-database';
import { TimeSlot } from '../time-slots/time-slot.entity';

/** A delivery: one or more pickups and one or more dropoffs (its tasks). Migrations 0050, 0057, 0063. */
@Entity({ name: 'deliveries' })
@Index('deliveries_tracking_token', ['coopId', 'trackingToken'], { unique: true })
@Index('deliveries_tracking_lookup', ['trackingToken'])
@Index('deliveries_created', ['coopId', 'createdAt', 'id'])
@Index('deliveries_state', ['coopId', 'state', 'createdAt'])
@Index('deliveries_merchant', ['coopId', 'merchantId', 'createdAt'], { where: 'merchant_id is not null' })
@ForeignKey(() => Merchant, ['coopId', 'merchantId'], ['coopId', 'id'], { name: 'deliveries_merchant_fkey' })
@ForeignKey(() => TimeSlot, ['coopId', 'timeSlotId'], ['coopId', 'id'], { name: 'deliveries_time_slot_fkey' })
@Index('deliveries_time_slot', ['coopId', 'timeSlotId', 'timeSlotStart'], { where: 'time_slot_id is not null' })
@Check('deliveries_time_slot_check', '(time_slot_id is null) = (time_slot_start is null)')
@Check('deliveries_reference_check', 'length(reference) between 1 and 80')
@Check('deliveries_state_check', `state in ('open', 'in_progress', 'completed', 'failed', 'cancelled')`)
@Check('deliveries_tracking_token_check', `tracking_token ~ '^[A-Za-z0-9_-]{43}$'`)
@Check('deliveries_handover_code_check', `handover_code ~ '^[0-9]{6}$'`)
@Check('deliveries_source_check', `source in ('console', 'courier_app', 'partner_api', 'storefront', 'worker')`)
export class Delivery {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'deliveries_coop_id_fkey' })
  coop?: Coop;

  @Column({ type: 'text', nullable: true })
  reference!: string | null;

  @Column({ type: 'text', default: 'open' })
  state!: DeliveryState;

  /** the merchant it is for (the storefront and the partner API set it), or null */
  @Column({ name: 'merchant_id', type: 'uuid', nullable: true })
  merchantId!: string | null;

  /** the time slot it was booked in and the start of its window (migration 0063), or null */
  @Column({ name: 'time_slot_id', type: 'uuid', nullable: true })
  timeSlotId!: string | null;

  @Column({ name: 'time_slot_start', type: 'timestamptz', nullable: true })
  timeSlotStart!: Date | null;

  @Column({ name: 'tracking_token', type: 'text' })
  trackingToken!: string;

  /** the code the recipient gives the courier at delivery (a `code` proof policy); migration 0052 */
  @Column({ name: 'handover_code', type: 'text', default: () => 'new_handover_code()' })
  handoverCode!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'text' })
  source!: EventSource;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
