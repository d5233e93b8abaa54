import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsISO8601, IsNumber, ValidateNested } from 'class-validator';
import {
  MAX_LOCATION_FIXES,
  type LocationBatchRequest,
  type LocationBatchResult,
  type LocationFix,
} from '@federacycle/contracts';

const IsNumberLike = () => IsNumber({ allowNaN: false, allowInfinity: false });

export class LocationFixDto implements LocationFix {
  @ApiProperty({ minimum: -90, maximum: 90 })
  @IsNumberLike()
  lat!: number;

  @ApiProperty({ minimum: -180, maximum: 180 })
  @IsNumberLike()
  lng!: number;

  @ApiProperty({ exclusiveMinimum: true, minimum: 0, maximum: 5000, description: 'metres (the device’s estimate)' })
  @IsNumberLike()
  accuracyM!: number;

  @ApiProperty({ format: 'date-time', description: 'when the device took the fix' })
  @IsISO8601({ strict: true })
  recordedAt!: string;
}

export class LocationBatchDto implements LocationBatchRequest {
  @ApiProperty({ type: LocationFixDto, isArray: true, minItems: 1, maxItems: MAX_LOCATION_FIXES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LOCATION_FIXES)
  @ValidateNested({ each: true })
  @Type(() => LocationFixDto)
  fixes!: LocationFixDto[];
}

export class LocationBatchResultDto implements LocationBatchResult {
  @ApiProperty() received!: number;
  @ApiProperty({ format: 'date-time' }) newest!: string;
}
