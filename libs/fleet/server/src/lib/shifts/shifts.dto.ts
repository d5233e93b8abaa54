import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { ShiftRequest, ShiftView, ShiftsQuery } from '@federacycle/contracts';

export class CreateShiftDto implements ShiftRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  courierId!: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-07T08:00:00Z' })
  @IsString()
  @MaxLength(40)
  startsAt!: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-07T14:00:00Z' })
  @IsString()
  @MaxLength(40)
  endsAt!: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'a zone of the coop (geo)' })
  @IsOptional()
  @IsUUID()
  zoneId?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string | null;
}

export class UpdateShiftDto implements Partial<Omit<ShiftRequest, 'courierId'>> {
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  startsAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  endsAt?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  zoneId?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string | null;
}

export class ShiftsQueryDto implements ShiftsQuery {
  @ApiProperty({ format: 'date-time', description: 'window start (a day or a week)' })
  @IsString()
  @MaxLength(40)
  from!: string;

  @ApiProperty({ format: 'date-time', description: 'window end, at most 31 days after from' })
  @IsString()
  @MaxLength(40)
  to!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  courierId?: string;
}

export class OwnShiftsQueryDto {
  @ApiProperty({ format: 'date-time' })
  @IsString()
  @MaxLength(40)
  from!: string;

  @ApiProperty({ format: 'date-time' })
  @IsString()
  @MaxLength(40)
  to!: string;
}

export class ShiftViewDto implements ShiftView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) courierId!: string;
  @ApiProperty() courierName!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) zoneId!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
}

export class ShiftListDto {
  @ApiProperty({ type: [ShiftViewDto] }) items!: ShiftView[];
}
