import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  Max,
  Min,
  ValidateNested,
  IsArray,
  IsNumber,
} from 'class-validator';
import {
  MAX_COURIER_TAGS,
  VEHICLES,
  type AvailabilitySlot,
  type CourierCandidateView,
  type CourierCapacity,
  type CourierLocationView,
  type CourierPatch,
  type CourierRequest,
  type CourierView,
  type CouriersQuery,
  type DutyPeriodView,
  type LocationRequest,
  type OwnCourierPatch,
  type Page,
  type Vehicle,
  type WorkerOwnershipFiguresView,
} from '@federacycle/contracts';
import { PageQueryDto } from '@federacycle/platform-http';
import { AvailabilitySlotDto } from '../shared/availability.dto';

/** A finite number (ranges are checked by the service, with their own code). */
const IsNumberLike = () => IsNumber({ allowNaN: false, allowInfinity: false });

const VEHICLE_MESSAGE = `vehicle must be one of ${VEHICLES.join(', ')}`;

export class CapacityDto implements Partial<CourierCapacity> {
  @ApiPropertyOptional({ minimum: 0, maximum: 1000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  weightKg?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 5000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(5000)
  volumeLitres?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  boxes?: number;
}

/** The editable fields of a profile (coop admin). */
export class CourierPatchDto implements CourierPatch {
  @ApiPropertyOptional({ minLength: 1, maxLength: 80 })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  displayName?: string;

  @ApiPropertyOptional({
    nullable: true,
    example: '+33 6 12 34 56 78',
    description: 'international number (spaces, dots, dashes and brackets are dropped)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  phone?: string | null;

  @ApiPropertyOptional({ enum: VEHICLES })
  @IsOptional()
  @IsIn(VEHICLES, { message: VEHICLE_MESSAGE })
  vehicle?: Vehicle;

  @ApiPropertyOptional({ nullable: true, maxLength: 200, description: 'required for a car: why a car' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  vehicleNote?: string | null;

  @ApiPropertyOptional({ type: CapacityDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CapacityDto)
  capacity?: CapacityDto;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_COURIER_TAGS,
    description: 'known skills (cold_chain, heavy, …) or free tags (2-30 of a-z 0-9 _ -)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_COURIER_TAGS)
  @IsString({ each: true })
  @MaxLength(30, { each: true })
  skills?: string[];

  @ApiPropertyOptional({ description: 'the courier is a member of the coop (worker ownership)' })
  @IsOptional()
  @IsBoolean()
  memberOwner?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class CreateCourierDto extends CourierPatchDto implements CourierRequest {
  @ApiProperty({ format: 'uuid', description: 'the person: a member of the coop holding the courier role' })
  @IsUUID()
  userId!: string;

  @ApiProperty({ minLength: 1, maxLength: 80 })
  @IsString()
  @Length(1, 80)
  declare displayName: string;

  @ApiProperty({ enum: VEHICLES })
  @IsIn(VEHICLES, { message: VEHICLE_MESSAGE })
  declare vehicle: Vehicle;
}

/** What a courier may change of their own profile. */
export class OwnCourierPatchDto implements OwnCourierPatch {
  @ApiPropertyOptional({ nullable: true, example: '+33612345678' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  phone?: string | null;

  @ApiPropertyOptional({ type: [AvailabilitySlotDto], maxItems: 28 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(28)
  @ValidateNested({ each: true })
  @Type(() => AvailabilitySlotDto)
  availability?: AvailabilitySlotDto[];
}

export class CouriersQueryDto extends PageQueryDto implements CouriersQuery {
  @ApiPropertyOptional({ maxLength: 80, description: 'name, email or phone contains (case-insensitive)' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  q?: string;

  @ApiPropertyOptional({ enum: VEHICLES })
  @IsOptional()
  @IsIn(VEHICLES, { message: VEHICLE_MESSAGE })
  vehicle?: Vehicle;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'onDuty must be true or false' })
  onDuty?: 'true' | 'false';
}

export class LocationDto implements LocationRequest {
  @ApiProperty({ minimum: -90, maximum: 90 })
  @IsNumberLike()
  lat!: number;

  @ApiProperty({ minimum: -180, maximum: 180 })
  @IsNumberLike()
  lng!: number;

  @ApiPropertyOptional({ nullable: true, minimum: 0, maximum: 100000, description: 'metres' })
  @IsOptional()
  @IsNumberLike()
  accuracyM?: number | null;

  @ApiPropertyOptional({ format: 'date-time', description: 'when the device took the fix (default: now)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  recordedAt?: string;
}

export class EmptyBodyDto {}

export class CapacityViewDto implements CourierCapacity {
  @ApiProperty() weightKg!: number;
  @ApiProperty() volumeLitres!: number;
  @ApiProperty() boxes!: number;
}

export class CourierLocationViewDto implements CourierLocationView {
  @ApiProperty() lat!: number;
  @ApiProperty() lng!: number;
  @ApiProperty({ nullable: true, type: Number }) accuracyM!: number | null;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ description: 'older than five minutes' }) stale!: boolean;
}

export class CourierViewDto implements CourierView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ enum: VEHICLES }) vehicle!: Vehicle;
  @ApiProperty({ nullable: true, type: String }) vehicleNote!: string | null;
  @ApiProperty({ type: CapacityViewDto }) capacity!: CourierCapacity;
  @ApiProperty({ type: [String] }) skills!: string[];
  @ApiProperty() memberOwner!: boolean;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: [AvailabilitySlotDto] }) availability!: AvailabilitySlot[];
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) onDutySince!: string | null;
  @ApiProperty({ nullable: true, type: CourierLocationViewDto }) location!: CourierLocationView | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CourierPageDto implements Page<CourierView> {
  @ApiProperty({ type: [CourierViewDto] }) items!: CourierView[];
  @ApiProperty() total!: number;
}

export class CourierCandidateViewDto implements CourierCandidateView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty() member!: boolean;
}

export class DutyPeriodViewDto implements DutyPeriodView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) endedAt!: string | null;
}

export class DutyPeriodPageDto implements Page<DutyPeriodView> {
  @ApiProperty({ type: [DutyPeriodViewDto] }) items!: DutyPeriodView[];
  @ApiProperty() total!: number;
}

export class WorkerOwnershipFiguresDto implements WorkerOwnershipFiguresView {
  @ApiProperty() activeCouriers!: number;
  @ApiProperty() memberCouriers!: number;
  @ApiProperty({ nullable: true, type: Number }) share!: number | null;
  @ApiProperty() threshold!: number;
  @ApiProperty() belowThreshold!: boolean;
}
