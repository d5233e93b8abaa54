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
import type { ContactLanguage, FailureReason, PackageLine, TaskKind, TaskState } from '@federacycle/contracts';
import { Coop } from '@federacycle/platform-database';
import { Delivery } from './delivery.entity';

/** One pickup or dropoff of a delivery. A failed task tried again is a new row (attempt + 1). */
@Entity({ name: 'delivery_tasks' })
@Index('delivery_tasks_delivery', ['coopId', 'deliveryId', 'seq'])
// an expression index (migration 0056: the board's day of a task) TypeORM cannot describe: it leaves it alone
@Index('delivery_tasks_day', { synchronize: false })
@Index('delivery_tasks_live', ['coopId', 'state'], { where: `state in ('open', 'assigned', 'started')` })
// the worker's sweep of delayed pickups (dispatch_delayed_pickup_coops, across coops)
@Index('delivery_tasks_pickup_window', ['windowAfter'], {
  where: `kind = 'pickup' and state in ('open', 'assigned') and superseded_by is null`,
})
@Index('delivery_tasks_one_retry', ['coopId', 'previousTaskId'], {
  unique: true,
  where: 'previous_task_id is not null',
})
@ForeignKey(() => Delivery, ['coopId', 'deliveryId'], ['coopId', 'id'], {
  name: 'delivery_tasks_delivery_fkey',
  onDelete: 'CASCADE',
})
@ForeignKey(() => DeliveryTask, ['coopId', 'previousTaskId'], ['coopId', 'id'], {
  name: 'delivery_tasks_previous_fkey',
})
@Check('delivery_tasks_kind_check', `kind in ('pickup', 'dropoff')`)
@Check('delivery_tasks_seq_check', 'seq between 0 and 99')
@Check('delivery_tasks_state_check', `state in ('open', 'assigned', 'started', 'done', 'failed', 'cancelled')`)
@Check('delivery_tasks_attempt_check', 'attempt between 1 and 20')
@Check('delivery_tasks_address_check', 'length(btrim(address)) between 3 and 300')
@Check('delivery_tasks_lat_check', 'lat between -90 and 90')
@Check('delivery_tasks_lng_check', 'lng between -180 and 180')
@Check('delivery_tasks_service_minutes_check', 'service_minutes between 0 and 240')
@Check('delivery_tasks_contact_name_check', 'length(contact_name) <= 120')
@Check('delivery_tasks_contact_phone_check', `contact_phone ~ '^\\+[1-9][0-9]{6,14}$'`)
@Check('delivery_tasks_contact_email_check', `length(contact_email) <= 254 and contact_email ~ '^[^@\\s]+@[^@\\s]+$'`)
@Check('delivery_tasks_contact_language_check', `contact_language in ('en', 'fr')`)
@Check('delivery_tasks_comments_check', 'length(comments) <= 1000')
@Check('delivery_tasks_packages_check', `jsonb_typeof(packages) = 'array'`)
@Check('delivery_tasks_weight_grams_check', 'weight_grams between 0 and 1000000')
@Check(
  'delivery_tasks_failure_reason_check',
  `failure_reason in ('recipient_absent', 'address_not_found', 'refused', 'damaged', 'not_ready', 'closed', 'other')`,
)
@Check('delivery_tasks_window_check', 'window_before is null or window_after is null or window_before > window_after')
export class DeliveryTask {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'delivery_tasks_coop_id_fkey' })
  coop?: Coop;

  @Column({ name: 'delivery_id', type: 'uuid' })
  deliveryId!: string;

  @Column({ type: 'text' })
  kind!: TaskKind;

  @Column({ type: 'smallint' })
  seq!: number;

  @Column({ type: 'text', default: 'open' })
  state!: TaskState;

  @Column({ type: 'smallint', default: 1 })
  attempt!: number;

  @Column({ name: 'previous_task_id', type: 'uuid', nullable: true })
  previousTaskId!: string | null;

  @Column({ name: 'superseded_by', type: 'uuid', nullable: true })
  supersededBy!: string | null;

  @Column({ type: 'text' })
  address!: string;

  @Column({ type: 'double precision' })
  lat!: number;

  @Column({ type: 'double precision' })
  lng!: number;

  @Column({ name: 'window_after', type: 'timestamptz', nullable: true })
  windowAfter!: Date | null;

  @Column({ name: 'window_before', type: 'timestamptz', nullable: true })
  windowBefore!: Date | null;

  @Column({ name: 'service_minutes', type: 'smallint', default: 0 })
  serviceMinutes!: number;

  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName!: string | null;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone!: string | null;

  /** the recipient's email for the tracking mails (dropoffs), and the language they are written in */
  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail!: string | null;

  @Column({ name: 'contact_language', type: 'text', nullable: true })
  contactLanguage!: ContactLanguage | null;

  /** when the recipient was mailed that the parcel is on its way / delivered (each mail once) */
  @Column({ name: 'mailed_on_way_at', type: 'timestamptz', nullable: true })
  mailedOnWayAt!: Date | null;

  @Column({ name: 'mailed_delivered_at', type: 'timestamptz', nullable: true })
  mailedDeliveredAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  comments!: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  packages!: PackageLine[];

  @Column({ name: 'weight_grams', type: 'integer', default: 0 })
  weightGrams!: number;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason!: FailureReason | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
