import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  COURIER_STEPS,
  FAILURE_REASONS,
  PROOF_KINDS,
  type CourierActionRequest,
  type CourierActionResult,
  type CourierStep,
  type DevicePosition,
  type FailureReason,
  type ProofKind,
  type ProofPolicyView,
  type ProofRequirement,
  type TaskProofView,
  type TaskView,
} from '@federacycle/contracts';
import { TaskViewDto } from '../deliveries/deliveries.dto';

const IsNumberLike = () => IsNumber({ allowNaN: false, allowInfinity: false });
const REQUIREMENTS = ['photo', 'signature', 'code'] as const;

export class DevicePositionDto implements DevicePosition {
  @ApiProperty({ minimum: -90, maximum: 90 })
  @IsNumberLike()
  lat!: number;

  @ApiProperty({ minimum: -180, maximum: 180 })
  @IsNumberLike()
  lng!: number;

  @ApiPropertyOptional({ nullable: true, description: 'metres' })
  @IsOptional()
  @IsNumberLike()
  accuracyM?: number | null;
}

export class CourierActionDto implements CourierActionRequest {
  @ApiProperty({ format: 'uuid', description: 'chosen on the device; the same id synced again changes nothing' })
  @IsUUID('all')
  clientActionId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  taskId!: string;

  @ApiProperty({ enum: COURIER_STEPS })
  @IsIn(COURIER_STEPS, { message: `step must be one of ${COURIER_STEPS.join(', ')}` })
  step!: CourierStep;

  @ApiPropertyOptional({ enum: FAILURE_REASONS, description: 'required to fail' })
  @IsOptional()
  @IsIn(FAILURE_REASONS)
  reason?: FailureReason;

  @ApiPropertyOptional({ maxLength: 500, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'the handover code the recipient gave (6 digits)' })
  @IsOptional()
  @IsString()
  @Matches(/^\s*[0-9]{1,12}\s*$/, { message: 'code is the digits the recipient gave' })
  code?: string | null;

  @ApiPropertyOptional({ type: DevicePositionDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DevicePositionDto)
  position?: DevicePositionDto | null;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, description: 'when the courier acted on the device' })
  @IsOptional()
  @IsISO8601({ strict: true })
  actedAt?: string | null;
}

export class CourierActionResultDto implements CourierActionResult {
  @ApiProperty({ format: 'uuid' }) clientActionId!: string;
  @ApiProperty({ enum: COURIER_STEPS }) step!: CourierStep;
  @ApiProperty({ type: TaskViewDto }) task!: TaskView;
  @ApiProperty({ format: 'date-time' }) appliedAt!: string;
}

export class ProofQueryDto {
  @ApiProperty({ enum: PROOF_KINDS })
  @IsIn(PROOF_KINDS, { message: `kind must be one of ${PROOF_KINDS.join(', ')}` })
  kind!: ProofKind;
}

export class TaskProofViewDto implements TaskProofView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) taskId!: string;
  @ApiProperty({ enum: PROOF_KINDS }) kind!: ProofKind;
  @ApiProperty() contentType!: string;
  @ApiProperty() size!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ProofPolicyViewDto implements ProofPolicyView {
  @ApiProperty({ enum: REQUIREMENTS, isArray: true }) pickup!: ProofRequirement[];
  @ApiProperty({ enum: REQUIREMENTS, isArray: true }) dropoff!: ProofRequirement[];
}
