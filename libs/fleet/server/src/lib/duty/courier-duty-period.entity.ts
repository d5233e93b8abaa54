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
import { Coop } from '@federacycle/platform-database';
import { Courier } from '../couriers/courier.entity';

/** The index that keeps at most one open duty period per courier. */
export const ONE_OPEN_DUTY_INDEX = 'courier_duty_periods_one_open';

/** One stretch on duty (ended_at null while it lasts): the on/off-duty history. */
@Entity({ name: 'courier_duty_periods' })
@Index(ONE_OPEN_DUTY_INDEX, ['coopId', 'courierId'], { unique: true, where: 'ended_at is null' })
@Index('courier_duty_periods_courier', ['coopId', 'courierId', 'startedAt'])
@ForeignKey(() => Courier, ['coopId', 'courierId'], ['coopId', 'id'], {
  name: 'courier_duty_periods_courier_fkey',
  onDelete: 'CASCADE',
})
@Check('courier_duty_periods_order_check', 'ended_at is null or ended_at >= started_at')
export class CourierDutyPeriod {
  @PrimaryColumn({ name: 'coop_id', type: 'uuid' })
  coopId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Coop)
  @JoinColumn({ name: 'coop_id', foreignKeyConstraintName: 'courier_duty_periods_coop_id_fkey' })
  coop?: Coop;

  @Column({ name: 'courier_id', type: 'uuid' })
  courierId!: string;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt!: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;
}
