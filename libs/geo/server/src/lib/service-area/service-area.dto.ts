import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsLatitude, IsLongitude, IsNumber, Max, Min, ValidateNested } from 'class-validator';
import {
  GEO_LIMITS,
  type LatLng,
  type ServiceAreaResponse,
  type ServiceAreaView,
  type SetServiceAreaRequest,
} from '@federacycle/contracts';

export class LatLngDto implements LatLng {
  @ApiProperty({ minimum: -90, maximum: 90, example: 45.7578 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLatitude({ message: 'lat must be a latitude between -90 and 90' })
  lat!: number;

  @ApiProperty({ minimum: -180, maximum: 180, example: 4.832 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLongitude({ message: 'lng must be a longitude between -180 and 180' })
  lng!: number;
}

export class SetServiceAreaDto implements SetServiceAreaRequest {
  @ApiProperty({ type: LatLngDto })
  @ValidateNested()
  @Type(() => LatLngDto)
  centre!: LatLngDto;

  @ApiProperty({ minimum: GEO_LIMITS.minServiceRadiusM, maximum: GEO_LIMITS.maxServiceRadiusM, example: 15000 })
  @IsInt()
  @Min(GEO_LIMITS.minServiceRadiusM, { message: `radiusM must be at least ${GEO_LIMITS.minServiceRadiusM} metres` })
  @Max(GEO_LIMITS.maxServiceRadiusM, { message: `radiusM must be at most ${GEO_LIMITS.maxServiceRadiusM} metres` })
  radiusM!: number;
}

export class ServiceAreaViewDto implements ServiceAreaView {
  @ApiProperty({ type: LatLngDto }) centre!: LatLngDto;
  @ApiProperty() radiusM!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ServiceAreaResponseDto implements ServiceAreaResponse {
  @ApiProperty({ type: ServiceAreaViewDto, nullable: true }) area!: ServiceAreaViewDto | null;
}
