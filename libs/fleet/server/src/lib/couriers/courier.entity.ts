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
import type { AvailabilitySlot, Vehicle } from '@federacycle/contracts';
import { Membership } from '@federacycle/identity-server';
import { Coop } from '@federacycle/platform-database';

/**
 * A courier's profile in one coop: one per courier membership (coop_id, user_id). Tenant row:
 * coop_id first in every key, RLS forced (migration 0020).
 */
@Entity({ name: 'couriers' })
@Index('couriers_user_unique', ['coopId', 'userId'], { unique: true })
@ForeignKey(() => Membership, ['coopId', 'userId'], ['coopId', 'userId'], { name: 'couriers_membership_fkey' })
@Check('couriers_display_name_check', 'length(btrim(display_name)) between 1 and 80')
@Check('couriers_phone_check', `phone ~ '^\\+[1-9][0-9]{6,14}$'`)
@Check('couriers_vehicle_check', `vehicle in ('bike', 'cargo_bike', 'e_bike', 'on_foot', 'car')`)
@Check('couriers_vehicle_note_check', 'length(vehicle_note) <= 200')
@Check('couriers_capacity_weight_kg_check', 'capacity_weight_kg between 0 and 1000')
@Check('couriers_capacity_volume_litres_check', 'capacity_volume_litres between 0 and 5000')
@Check('couriers_capacity_boxes_check', 'capacity_boxes between 0 and 100')
@Check('couriers_skills_check', 'cardinality(skills) <= 12')
@Check('couriers_availability_check', `jsonb_typeof(availability) = 'array'`)
@Check('couriers_car_note_check', `vehicle <> 'car' or length(btrim(vehicle_note)) > 0`)
export class Courier {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'couriers_coop_id_fkey' })
  coop?: Coop;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text' })
  vehicle!: Vehicle;

  @Column({ name: 'vehicle_note', type: 'text', nullable: true })
  vehicleNote!: string | null;

  @Column({ name: 'capacity_weight_kg', type: 'integer', default: 0 })
  capacityWeightKg!: number;

  @Column({ name: 'capacity_volume_litres', type: 'integer', default: 0 })
  capacityVolumeLitres!: number;

  @Column({ name: 'capacity_boxes', type: 'integer', default: 0 })
  capacityBoxes!: number;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  skills!: string[];

  @Column({ name: 'member_owner', type: 'boolean', default: false })
  memberOwner!: boolean;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  availability!: AvailabilitySlot[];

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
