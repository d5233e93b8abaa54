import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Matches,
  Min,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import {
  CONTACT_LANGUAGES,
  DELIVERY_STATES,
  EVENT_SOURCES,
  FAILURE_REASONS,
  MAX_PACKAGE_LINES,
  MAX_TASKS_PER_DELIVERY,
  PACKAGE_TYPES,
  TASK_ACTIONS,
  TASK_EVENT_TYPES,
  PROOF_KINDS,
  TASK_KINDS,
  TASK_STATES,
  type ContactLanguage,
  type CreateDeliveryRequest,
  type DeliveryProofView,
  type DeliverySearch,
  type DeliveryState,
  type DeliverySummaryView,
  type DeliveryView,
  type EventSource,
  type FailureReason,
  type PackageLine,
  type PackageType,
  type ProofKind,
  type Page,
  type RescheduleRequest,
  type TaskAction,
  type TaskActionRequest,
  type TaskAssignmentView,
  type TaskEventData,
  type TaskEventType,
  type TaskEventView,
  type TaskKind,
  type TaskRequest,
  type TaskState,
  type TaskView,
} from '@federacycle/contracts';
import { PageQueryDto } from '@federacycle/platform-http';

/** A finite number (ranges are checked by the service, with their own code). */
const IsFinite = () => IsNumber({ allowNaN: false, allowInfinity: false });

export class PackageLineDto implements PackageLine {
  @ApiProperty({ enum: PACKAGE_TYPES })
  @IsIn(PACKAGE_TYPES, { message: `type must be one of ${PACKAGE_TYPES.join(', ')}` })
  type!: PackageType;

  @ApiProperty({ minimum: 1, maximum: 999 })
  @IsInt()
  @Min(1)
  @Max(999)
  quantity!: number;
}

export class TaskRequestDto implements TaskRequest {
  @ApiProperty({ enum: TASK_KINDS })
  @IsIn(TASK_KINDS, { message: 'kind must be pickup or dropoff' })
  kind!: TaskKind;

  @ApiProperty({ minLength: 3, maxLength: 300, example: '12 rue de la République, 69002 Lyon' })
  @IsString()
  @Length(3, 300)
  address!: string;

  @ApiProperty({ minimum: -90, maximum: 90, example: 45.764 })
  @IsFinite()
  lat!: number;

  @ApiProperty({ minimum: -180, maximum: 180, example: 4.8357 })
  @IsFinite()
  lng!: number;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, description: 'service may start from' })
  @IsOptional()
  @IsISO8601({ strict: true })
  after?: string | null;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, description: 'service must start by' })
  @IsOptional()
  @IsISO8601({ strict: true })
  before?: string | null;

  @ApiPropertyOptional({ minimum: 0, maximum: 240, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(240)
  serviceMinutes?: number;

  @ApiPropertyOptional({ maxLength: 120, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  contactName?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '+33 6 12 34 56 78' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  contactPhone?: string | null;

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
  packages?: PackageLineDto[];

  @ApiPropertyOptional({ minimum: 0, maximum: 1_000_000, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  weightGrams?: number;

  @ApiPropertyOptional({ maxLength: 254, nullable: true, description: "a dropoff's recipient (tracking mails)" })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  contactEmail?: string | null;

  @ApiPropertyOptional({ enum: CONTACT_LANGUAGES, nullable: true, description: 'the language of the mails' })
  @IsOptional()
  @IsIn(CONTACT_LANGUAGES, { message: `contactLanguage must be one of ${CONTACT_LANGUAGES.join(', ')}` })
  contactLanguage?: ContactLanguage | null;
}

export class CreateDeliveryDto implements CreateDeliveryRequest {
  @ApiPropertyOptional({ maxLength: 80, nullable: true, example: 'ORD-1042' })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  reference?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'the merchant it is for' })
  @IsOptional()
  @IsUUID('all')
  merchantId?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'a time slot: the dropoffs take one of its windows (their after/before, or the first free one)',
  })
  @IsOptional()
  @IsUUID('all')
  timeSlotId?: string | null;

  @ApiProperty({ type: [TaskRequestDto], minItems: 2, maxItems: MAX_TASKS_PER_DELIVERY })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(MAX_TASKS_PER_DELIVERY)
  @ValidateNested({ each: true })
  @Type(() => TaskRequestDto)
  tasks!: TaskRequestDto[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The Deliveries page's filters (the list and its CSV export). */
export class DeliverySearchDto implements DeliverySearch {
  @ApiPropertyOptional({ enum: DELIVERY_STATES })
  @IsOptional()
  @IsIn(DELIVERY_STATES)
  state?: DeliveryState;

  @ApiPropertyOptional({ example: '2026-12-07', description: 'created on or after this day (Europe/Paris)' })
  @IsOptional()
  @Matches(DAY, { message: 'from must be a day, YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-07', description: 'created on or before this day (Europe/Paris)' })
  @IsOptional()
  @Matches(DAY, { message: 'to must be a day, YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  merchantId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'a courier holding one of its tasks' })
  @IsOptional()
  @IsUUID('all')
  courierId?: string;

  @ApiPropertyOptional({ maxLength: 100, description: "a piece of any task's address" })
  @IsOptional()
  @IsString()
  @Length(2, 100)
  address?: string;
}

/** The list's page and filters (mapped types carry the validators over). */
export class DeliveriesQueryDto extends IntersectionType(PageQueryDto, DeliverySearchDto) {}

export class TaskActionDto implements TaskActionRequest {
  @ApiProperty({ enum: TASK_ACTIONS })
  @IsIn(TASK_ACTIONS, { message: `action must be one of ${TASK_ACTIONS.join(', ')}` })
  action!: TaskAction;

  @ApiPropertyOptional({ enum: FAILURE_REASONS, description: 'required to fail a task' })
  @IsOptional()
  @IsIn(FAILURE_REASONS)
  reason?: FailureReason;

  @ApiPropertyOptional({ maxLength: 500, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

export class RescheduleDto implements RescheduleRequest {
  @ApiPropertyOptional({ format: 'date-time', nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true })
  after?: string | null;

  @ApiPropertyOptional({ format: 'date-time', nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true })
  before?: string | null;
}

/** A route without a body still refuses unknown fields. */
export class EmptyBodyDto {}

export class TaskAssignmentViewDto implements TaskAssignmentView {
  @ApiProperty({ format: 'uuid' }) courierId!: string;
  @ApiProperty() courierName!: string;
  @ApiProperty() position!: number;
  @ApiProperty() pinned!: boolean;
  @ApiProperty({ format: 'date-time' }) assignedAt!: string;
}

export class TaskViewDto implements TaskView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) deliveryId!: string;
  @ApiProperty({ enum: TASK_KINDS }) kind!: TaskKind;
  @ApiProperty({ enum: TASK_STATES }) state!: TaskState;
  @ApiProperty() attempt!: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) previousTaskId!: string | null;
  @ApiProperty() address!: string;
  @ApiProperty() lat!: number;
  @ApiProperty() lng!: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) after!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) before!: string | null;
  @ApiProperty() serviceMinutes!: number;
  @ApiProperty({ nullable: true, type: String }) contactName!: string | null;
  @ApiProperty({ nullable: true, type: String }) contactPhone!: string | null;
  @ApiProperty({ nullable: true, type: String }) contactEmail!: string | null;
  @ApiProperty({ enum: CONTACT_LANGUAGES, nullable: true }) contactLanguage!: ContactLanguage | null;
  @ApiProperty({ nullable: true, type: String }) comments!: string | null;
  @ApiProperty({ type: [PackageLineDto] }) packages!: PackageLine[];
  @ApiProperty() weightGrams!: number;
  @ApiProperty({ enum: FAILURE_REASONS, nullable: true }) failureReason!: FailureReason | null;
  @ApiProperty({ type: TaskAssignmentViewDto, nullable: true }) assignment!: TaskAssignmentView | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class DeliveryViewDto implements DeliveryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String }) reference!: string | null;
  @ApiProperty({ enum: DELIVERY_STATES }) state!: DeliveryState;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) merchantId!: string | null;
  @ApiProperty({ description: 'the public tracking page token' }) trackingToken!: string;
  @ApiProperty({ enum: EVENT_SOURCES }) source!: EventSource;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) timeSlotId!: string | null;
  @ApiProperty({ type: [TaskViewDto] }) tasks!: TaskView[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class DeliverySummaryViewDto implements DeliverySummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String }) reference!: string | null;
  @ApiProperty({ enum: DELIVERY_STATES }) state!: DeliveryState;
  @ApiProperty() pickups!: number;
  @ApiProperty() dropoffs!: number;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) after!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) before!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) merchantId!: string | null;
  @ApiProperty({ nullable: true, type: String }) merchantName!: string | null;
  @ApiProperty({ nullable: true, type: String }) courierName!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class DeliveryPageDto implements Page<DeliverySummaryView> {
  @ApiProperty({ type: [DeliverySummaryViewDto] }) items!: DeliverySummaryView[];
  @ApiProperty() total!: number;
}

export class TaskPageDto implements Page<TaskView> {
  @ApiProperty({ type: [TaskViewDto] }) items!: TaskView[];
  @ApiProperty() total!: number;
}

export class TaskEventViewDto implements TaskEventView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) taskId!: string;
  @ApiProperty({ enum: TASK_EVENT_TYPES }) type!: TaskEventType;
  @ApiProperty({ enum: TASK_STATES, nullable: true }) fromState!: TaskState | null;
  @ApiProperty({ enum: TASK_STATES, nullable: true }) toState!: TaskState | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId!: string | null;
  @ApiProperty({ nullable: true, type: String }) actorName!: string | null;
  @ApiProperty() requestId!: string;
  @ApiProperty({ enum: EVENT_SOURCES }) source!: EventSource;
  @ApiProperty({ type: Object }) data!: TaskEventData;
}

export class TaskEventListDto {
  @ApiProperty({ type: [TaskEventViewDto] }) items!: TaskEventView[];
}

export class DeliveryProofViewDto implements DeliveryProofView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) taskId!: string;
  @ApiProperty({ enum: TASK_KINDS }) taskKind!: TaskKind;
  @ApiProperty({ enum: PROOF_KINDS }) kind!: ProofKind;
  @ApiProperty({ enum: ['image/jpeg', 'image/png', 'image/webp'] }) contentType!: string;
  @ApiProperty({ description: 'bytes' }) size!: number;
  @ApiProperty({ description: "the courier's display name" }) courierName!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class DeliveryProofListDto {
  @ApiProperty({ type: [DeliveryProofViewDto] }) items!: DeliveryProofView[];
}
