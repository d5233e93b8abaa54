import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import {
  BOARD_COURIER_STATUSES,
  TASK_KINDS,
  TASK_STATES,
  VEHICLES,
  type BoardCourier,
  type BoardCourierStatus,
  type BoardTask,
  type BoardView,
  type TaskKind,
  type TaskState,
  type Vehicle,
} from '@federacycle/contracts';

export class BoardQueryDto {
  @ApiProperty({ description: "the day (YYYY-MM-DD, in the coop's time zone)" })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a day written YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'date must be a day of the calendar' })
  date!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'only the tasks inside this zone' })
  @IsOptional()
  @IsUUID()
  zoneId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'only the tasks of this merchant’s deliveries' })
  @IsOptional()
  @IsUUID()
  merchantId?: string;

  @ApiPropertyOptional({ enum: TASK_STATES })
  @IsOptional()
  @IsIn(TASK_STATES)
  state?: TaskState;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only the late tasks' })
  @IsOptional()
  @IsIn(['true', 'false'])
  late?: 'true' | 'false';
}

export class BoardStreamQueryDto {}

export class BoardTaskDto implements BoardTask {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) deliveryId!: string;
  @ApiProperty({ nullable: true, type: String }) reference!: string | null;
  @ApiProperty({ enum: TASK_KINDS }) kind!: TaskKind;
  @ApiProperty({ enum: TASK_STATES }) state!: TaskState;
  @ApiProperty() lat!: number;
  @ApiProperty() lng!: number;
  @ApiProperty() address!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) after!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) before!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) courierId!: string | null;
  @ApiProperty({ nullable: true, type: Number }) seq!: number | null;
  @ApiProperty() late!: boolean;
}

export class BoardCourierDto implements BoardCourier {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: VEHICLES }) vehicle!: Vehicle;
  @ApiProperty() onDuty!: boolean;
  @ApiProperty({ nullable: true, type: Number }) lat!: number | null;
  @ApiProperty({ nullable: true, type: Number }) lng!: number | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) locatedAt!: string | null;
  @ApiProperty({ enum: BOARD_COURIER_STATUSES }) status!: BoardCourierStatus;
  @ApiProperty() load!: number;
}

export class BoardViewDto implements BoardView {
  @ApiProperty() date!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: [BoardTaskDto] }) tasks!: BoardTask[];
  @ApiProperty({ type: [BoardCourierDto] }) couriers!: BoardCourier[];
}
