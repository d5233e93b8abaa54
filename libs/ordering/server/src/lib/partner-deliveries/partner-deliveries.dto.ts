import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  DELIVERY_STATES,
  MAX_PACKAGE_LINES,
  MAX_TASKS_PER_DELIVERY,
  TASK_KINDS,
  TASK_STATES,
  type DeliveryState,
  type PackageLine,
  type PartnerCheckProblem,
  type PartnerCheckView,
  type PartnerDeliveryPage,
  type PartnerDeliveryRequest,
  type PartnerDeliveryView,
  type PartnerPrice,
  type PartnerQuoteView,
  type PartnerTaskRequest,
  type PartnerTaskView,
  type TaskKind,
  type TaskState,
} from '@federacycle/contracts';
import { PackageLineDto } from '@federacycle/dispatch-server';
import { CursorQueryDto } from '@federacycle/platform-http';

/** A finite number (ranges are checked by the service, with their own code). */
const IsFinite = () => IsNumber({ allowNaN: false, allowInfinity: false });

/** One stop. No state, no price: a partner sets neither (unknown fields are refused). */
export class PartnerTaskDto implements PartnerTaskRequest {
  @ApiPropertyOptional({ enum: TASK_KINDS, description: 'in a tasks list: pickup or dropoff' })
  @IsOptional()
  @IsIn(TASK_KINDS, { message: 'type must be pickup or dropoff' })
  type?: TaskKind;

  @ApiPropertyOptional({ minLength: 3, maxLength: 300, example: '10 cours Vitton, 69006 Lyon' })
  @IsOptional()
  @IsString()
  @Length(3, 300)
  address?: string;

  @ApiPropertyOptional({ minimum: -90, maximum: 90, example: 45.7699 })
  @IsOptional()
  @IsFinite()
  lat?: number;

  @ApiPropertyOptional({ minimum: -180, maximum: 180, example: 4.8531 })
  @IsOptional()
  @IsFinite()
  lng?: number;

  @ApiPropertyOptional({
    description: "the client's store (its saved address); the default of a pickup without address",
  })
  @IsOptional()
  @IsBoolean()
  store?: boolean;

  @ApiPropertyOptional({ format: 'date-time', nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true })
  after?: string | null;

  @ApiPropertyOptional({ format: 'date-time', nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true })
  before?: string | null;

  @ApiPropertyOptional({ maxLength: 120, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  contactName?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '+33612345678' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  contactPhone?: string | null;

  @ApiPropertyOptional({ maxLength: 254, nullable: true, description: "a dropoff's recipient (tracking mails)" })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  contactEmail?: string | null;

  @ApiPropertyOptional({ maxLength: 1000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comments?: string | null;

  @ApiPropertyOptional({ type: [PackageLineDto], maxItems: MAX_PACKAGE_LINES })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PACKAGE_LINES)
  @ValidateNested({ each: true })
  @Type(() => PackageLineDto)
  packages?: PackageLine[];

  @ApiPropertyOptional({ minimum: 0, maximum: 1_000_000, description: 'grams' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  weightGrams?: number;
}

export class PartnerDeliveryDto implements PartnerDeliveryRequest {
  @ApiPropertyOptional({ maxLength: 80, nullable: true, example: 'ORD-1042' })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  reference?: string | null;

  @ApiPropertyOptional({ type: PartnerTaskDto, description: "default: the client's store" })
  @IsOptional()
  @ValidateNested()
  @Type(() => PartnerTaskDto)
  pickup?: PartnerTaskDto;

  @ApiPropertyOptional({ type: PartnerTaskDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PartnerTaskDto)
  dropoff?: PartnerTaskDto;

  @ApiPropertyOptional({
    type: [PartnerTaskDto],
    maxItems: MAX_TASKS_PER_DELIVERY,
    description: 'multi-stop: one pickup and several dropoffs, or several pickups and one dropoff',
  })
  @IsOptional()
  @IsArray()
  // more than MAX_TASKS_PER_DELIVERY is refused with TOO_MANY_TASKS by the service; this bounds the body
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PartnerTaskDto)
  tasks?: PartnerTaskDto[];

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: "a coop time slot for the dropoffs' window" })
  @IsOptional()
  @IsUUID('all')
  timeSlotId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'create the delivery a quote priced (alone)' })
  @IsOptional()
  @IsUUID('all')
  quoteId?: string | null;
}

export class PartnerDeliveriesFilterDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATES })
  @IsOptional()
  @IsIn(DELIVERY_STATES)
  state?: DeliveryState;

  @ApiPropertyOptional({ format: 'date-time', description: 'created at or after' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'created before' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class PartnerDeliveriesQueryDto extends IntersectionType(CursorQueryDto, PartnerDeliveriesFilterDto) {}

export class PartnerPriceDto implements PartnerPrice {
  @ApiProperty({ description: 'minor units, VAT included' }) amountMinor!: number;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ type: Object }) breakdown!: Record<string, unknown>;
}

export class PartnerTaskViewDto implements PartnerTaskView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: TASK_KINDS }) type!: TaskKind;
  @ApiProperty({ enum: TASK_STATES }) state!: TaskState;
  @ApiProperty() address!: string;
  @ApiProperty() lat!: number;
  @ApiProperty() lng!: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) after!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) before!: string | null;
  @ApiProperty({ nullable: true, type: String }) contactName!: string | null;
  @ApiProperty({ nullable: true, type: String }) contactPhone!: string | null;
  @ApiProperty({ nullable: true, type: String }) comments!: string | null;
  @ApiProperty({ type: [PackageLineDto] }) packages!: PackageLine[];
  @ApiProperty() weightGrams!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class PartnerDeliveryViewDto implements PartnerDeliveryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String }) reference!: string | null;
  @ApiProperty({ enum: DELIVERY_STATES }) state!: DeliveryState;
  @ApiProperty() trackingUrl!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) timeSlotId!: string | null;
  @ApiProperty({ type: PartnerPriceDto, nullable: true }) price!: PartnerPrice | null;
  @ApiProperty() test!: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) quoteId!: string | null;
  @ApiProperty({ type: [PartnerTaskViewDto] }) tasks!: PartnerTaskView[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class PartnerDeliveryPageDto implements PartnerDeliveryPage {
  @ApiProperty({ type: [PartnerDeliveryViewDto] }) items!: PartnerDeliveryView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class PartnerCheckProblemDto implements PartnerCheckProblem {
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
}

export class PartnerCheckViewDto implements PartnerCheckView {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ type: [PartnerCheckProblemDto] }) problems!: PartnerCheckProblem[];
  @ApiProperty({ type: Object, isArray: true }) tasks!: PartnerCheckView['tasks'];
  @ApiProperty({ type: PartnerPriceDto, nullable: true }) price!: PartnerPrice | null;
}

export class PartnerQuoteViewDto implements PartnerQuoteView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() amountMinor!: number;
  @ApiProperty() currency!: string;
  @ApiProperty({ type: Object }) breakdown!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) deliveryId!: string | null;
}
