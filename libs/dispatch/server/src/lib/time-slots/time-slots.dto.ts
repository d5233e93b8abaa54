import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import {
  MAX_SLOT_INTERVAL_MINUTES,
  MIN_SLOT_INTERVAL_MINUTES,
  type TimeSlotChoice,
  type TimeSlotChoicesView,
  type TimeSlotRequest,
  type TimeSlotView,
} from '@federacycle/contracts';

export class TimeSlotDto implements TimeSlotRequest {
  @ApiProperty({ minLength: 1, maxLength: 80, example: 'Afternoon, 2 hours' })
  @IsString()
  @Length(1, 80)
  name!: string;

  @ApiProperty({ minimum: MIN_SLOT_INTERVAL_MINUTES, maximum: MAX_SLOT_INTERVAL_MINUTES, example: 120 })
  @IsInt()
  @Min(MIN_SLOT_INTERVAL_MINUTES)
  @Max(MAX_SLOT_INTERVAL_MINUTES)
  intervalMinutes!: number;

  @ApiProperty({ maxLength: 500, example: 'Mo-Sa 10:00-20:00', description: 'OpenStreetMap opening_hours' })
  @IsString()
  @Length(1, 500)
  openingHours!: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 10080, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10080)
  priorNoticeMinutes?: number;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  workingDaysOnly?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 100000, nullable: true, description: 'null: no limit' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  capacity?: number | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 60, default: 7 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  horizonDays?: number;
}

export class TimeSlotChoicesQueryDto {
  @ApiPropertyOptional({ description: 'also list full windows (remaining 0)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeFull?: boolean;
}

export class TimeSlotViewDto implements TimeSlotView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() intervalMinutes!: number;
  @ApiProperty() openingHours!: string;
  @ApiProperty() priorNoticeMinutes!: number;
  @ApiProperty() workingDaysOnly!: boolean;
  @ApiProperty({ nullable: true, type: Number }) capacity!: number | null;
  @ApiProperty() horizonDays!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class TimeSlotListDto {
  @ApiProperty({ type: [TimeSlotViewDto] }) items!: TimeSlotView[];
}

export class TimeSlotChoiceDto implements TimeSlotChoice {
  @ApiProperty({ format: 'date-time' }) start!: string;
  @ApiProperty({ format: 'date-time' }) end!: string;
  @ApiProperty() booked!: number;
  @ApiProperty({ nullable: true, type: Number }) remaining!: number | null;
}

export class TimeSlotChoicesDto implements TimeSlotChoicesView {
  @ApiProperty({ format: 'uuid' }) slotId!: string;
  @ApiProperty({ example: 'Europe/Paris' }) timeZone!: string;
  @ApiProperty({ type: [TimeSlotChoiceDto] }) items!: TimeSlotChoice[];
}
