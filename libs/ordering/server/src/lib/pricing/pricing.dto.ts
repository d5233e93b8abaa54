import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
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
  MAX_PACKAGE_LINES,
  PACKAGE_TYPES,
  PRICE_KINDS,
  PRICING_LIMITS,
  PRICING_SCOPES,
  PRICING_STRATEGIES,
  VEHICLES,
  type CreatePricingRuleSetRequest,
  type PerKmRange,
  type PriceBreakdown,
  type PriceKind,
  type PriceLine,
  type PricingQuoteRequest,
  type PricingRuleFields,
  type PricingRuleSetSummary,
  type PricingRuleSetView,
  type PricingRuleView,
  type PricingScope,
  type PricingStrategy,
  type RuleEvaluation,
  type RuleReason,
} from '@federacycle/contracts';

const IsFinite = () => IsNumber({ allowNaN: false, allowInfinity: false });

export class PerKmRangeDto implements PerKmRange {
  @ApiProperty({ minimum: 0, example: 0 })
  @IsFinite()
  @Min(0)
  @Max(1000)
  fromKm!: number;

  @ApiProperty({ nullable: true, minimum: 0, example: 3, description: 'null: no end (last range only)' })
  @IsOptional()
  @IsFinite()
  @Min(0)
  @Max(1000)
  toKm!: number | null;

  @ApiProperty({ minimum: 0, example: 120, description: 'minor units per km of this range' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  perKmMinor!: number;
}

export class PricingRuleDto implements PricingRuleFields {
  @ApiPropertyOptional({ format: 'uuid', description: 'keep this rule (one of the set’s); absent: a new rule' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ minLength: 1, maxLength: PRICING_LIMITS.labelMaxLength, example: 'Base price' })
  @IsString()
  @Length(1, PRICING_LIMITS.labelMaxLength)
  label!: string;

  @ApiProperty({
    maxLength: PRICING_LIMITS.expressionMaxLength,
    example: 'distance_km <= 10 && in_zone("pickup", "Centre")',
    description: 'an expression; empty: always',
  })
  @IsString()
  @MaxLength(PRICING_LIMITS.expressionMaxLength)
  condition!: string;

  @ApiProperty({ enum: PRICE_KINDS })
  @IsIn(PRICE_KINDS, { message: `priceKind must be one of ${PRICE_KINDS.join(', ')}` })
  priceKind!: PriceKind;

  @ApiPropertyOptional({ nullable: true, minimum: 0, description: 'fixed, per_package, per_stop: minor units' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(PRICING_LIMITS.maxAmountMinor)
  amountMinor?: number | null;

  @ApiPropertyOptional({ nullable: true, minimum: -10000, maximum: 100000, description: 'percentage: basis points' })
  @IsOptional()
  @IsInt()
  @Min(-10000)
  @Max(100000)
  percentBp?: number | null;

  @ApiPropertyOptional({ type: [PerKmRangeDto], nullable: true, maxItems: PRICING_LIMITS.kmRangesPerRule })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PRICING_LIMITS.kmRangesPerRule)
  @ValidateNested({ each: true })
  @Type(() => PerKmRangeDto)
  kmRanges?: PerKmRangeDto[] | null;

  @ApiPropertyOptional({ enum: PACKAGE_TYPES, nullable: true })
  @IsOptional()
  @IsIn(PACKAGE_TYPES, { message: `packageType must be one of ${PACKAGE_TYPES.join(', ')}` })
  packageType?: string | null;

  @ApiPropertyOptional({ nullable: true, minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  includedStops?: number | null;

  @ApiPropertyOptional({
    nullable: true,
    maxLength: PRICING_LIMITS.expressionMaxLength,
    example: '300 + 120 * distance_km',
  })
  @IsOptional()
  @IsString()
  @MaxLength(PRICING_LIMITS.expressionMaxLength)
  formula?: string | null;
}

export class CreatePricingRuleSetDto implements CreatePricingRuleSetRequest {
  @ApiProperty({ minLength: 1, maxLength: PRICING_LIMITS.nameMaxLength, example: 'Lyon city' })
  @IsString()
  @Length(1, PRICING_LIMITS.nameMaxLength)
  name!: string;

  @ApiProperty({ enum: PRICING_STRATEGIES })
  @IsIn(PRICING_STRATEGIES, { message: `strategy must be one of ${PRICING_STRATEGIES.join(', ')}` })
  strategy!: PricingStrategy;

  @ApiProperty({ enum: PRICING_SCOPES })
  @IsIn(PRICING_SCOPES, { message: `scope must be one of ${PRICING_SCOPES.join(', ')}` })
  scope!: PricingScope;

  @ApiProperty({ minimum: 0, maximum: 10000, example: 2000, description: 'basis points (2000 = 20 %)' })
  @IsInt()
  @Min(0)
  @Max(10000)
  vatRateBp!: number;

  @ApiProperty({ example: true })
  @IsBoolean()
  pricesIncludeVat!: boolean;

  @ApiProperty({ type: [PricingRuleDto], maxItems: PRICING_LIMITS.rulesPerSet })
  @IsArray()
  @ArrayMaxSize(PRICING_LIMITS.rulesPerSet)
  @ValidateNested({ each: true })
  @Type(() => PricingRuleDto)
  rules!: PricingRuleDto[];
}

export class UpdatePricingRuleSetDto extends PartialType(CreatePricingRuleSetDto) {}

export class ReorderPricingRulesDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'every rule of the set, in the new order' })
  @IsArray()
  @ArrayMaxSize(PRICING_LIMITS.rulesPerSet)
  @IsUUID('all', { each: true })
  ruleIds!: string[];
}

/** No body: declared so that unknown fields are refused. */
export class EmptyPricingBodyDto {}

export class QuotePackageDto {
  @ApiProperty({ enum: PACKAGE_TYPES })
  @IsIn(PACKAGE_TYPES, { message: `type must be one of ${PACKAGE_TYPES.join(', ')}` })
  type!: string;

  @ApiProperty({ minimum: 1, maximum: 999 })
  @IsInt()
  @Min(1)
  @Max(999)
  quantity!: number;
}

export class QuoteTaskDto {
  @ApiProperty({ enum: ['pickup', 'dropoff'] })
  @IsIn(['pickup', 'dropoff'], { message: 'type must be pickup or dropoff' })
  type!: 'pickup' | 'dropoff';

  @ApiProperty({ minimum: -90, maximum: 90, example: 45.7578 })
  @IsFinite()
  @Min(-90)
  @Max(90)
  lat!: number;

  @ApiProperty({ minimum: -180, maximum: 180, example: 4.832 })
  @IsFinite()
  @Min(-180)
  @Max(180)
  lng!: number;

  @ApiPropertyOptional({ format: 'date-time', nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true })
  after?: string | null;

  @ApiPropertyOptional({ format: 'date-time', nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true })
  before?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 64 })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  timeSlotId?: string | null;

  @ApiPropertyOptional({ nullable: true, minimum: 0, maximum: 1_000_000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  weightGrams?: number | null;

  @ApiPropertyOptional({ type: [QuotePackageDto], maxItems: MAX_PACKAGE_LINES })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PACKAGE_LINES)
  @ValidateNested({ each: true })
  @Type(() => QuotePackageDto)
  packages?: QuotePackageDto[];
}

export class PricingQuoteDto implements PricingQuoteRequest {
  @ApiProperty({ type: [QuoteTaskDto], minItems: 2, maxItems: PRICING_LIMITS.tasksPerQuote })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(PRICING_LIMITS.tasksPerQuote)
  @ValidateNested({ each: true })
  @Type(() => QuoteTaskDto)
  tasks!: QuoteTaskDto[];

  @ApiPropertyOptional({ enum: VEHICLES, nullable: true })
  @IsOptional()
  @IsIn(VEHICLES, { message: `vehicleType must be one of ${VEHICLES.join(', ')}` })
  vehicleType?: string | null;

  @ApiPropertyOptional({ format: 'date-time', description: 'the moment of the quote (default now)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'a rule set of the coop (default: its default rule set)' })
  @IsOptional()
  @IsUUID()
  ruleSetId?: string;
}

export class PricingRuleViewDto extends PricingRuleDto implements PricingRuleView {
  @ApiProperty({ format: 'uuid' })
  declare id: string;

  @ApiProperty()
  position!: number;
}

/** What a rule set's summary and its full view both say of it. */
class PricingRuleSetHeadDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({ enum: PRICING_STRATEGIES })
  strategy!: PricingStrategy;
  @ApiProperty({ enum: PRICING_SCOPES })
  scope!: PricingScope;
  @ApiProperty({ example: 'EUR' })
  currency!: string;
  @ApiProperty()
  vatRateBp!: number;
  @ApiProperty()
  pricesIncludeVat!: boolean;
  @ApiProperty()
  isDefault!: boolean;
  @ApiProperty()
  archived!: boolean;
}

export class PricingRuleSetSummaryDto extends PricingRuleSetHeadDto implements PricingRuleSetSummary {
  @ApiProperty({ description: 'number of rules' })
  rules!: number;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class PricingRuleSetPageDto {
  @ApiProperty({ type: [PricingRuleSetSummaryDto] })
  items!: PricingRuleSetSummaryDto[];
  @ApiProperty()
  total!: number;
}

export class PricingRuleSetViewDto extends PricingRuleSetHeadDto implements PricingRuleSetView {
  @ApiProperty({ type: [PricingRuleViewDto] })
  rules!: PricingRuleViewDto[];
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class PriceLineDto implements PriceLine {
  @ApiProperty({ format: 'uuid' })
  ruleId!: string;
  @ApiProperty()
  label!: string;
  @ApiProperty({ description: 'minor units' })
  amountMinor!: number;
  @ApiProperty({ nullable: true, type: Number })
  taskIndex!: number | null;
}

export class RuleEvaluationDto implements RuleEvaluation {
  @ApiProperty({ format: 'uuid' })
  ruleId!: string;
  @ApiProperty()
  label!: string;
  @ApiProperty()
  matched!: boolean;
  @ApiProperty({ example: 'condition is false: distance_km <= 3 (distance_km = 4.21)' })
  reason!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'the reason, structured: `code` (not_evaluated, condition_invalid, condition_failed, condition_false, ' +
      'condition_not_boolean, matched, no_price, surcharge_unused) and its parameters (expression, values, price, problem…)',
    example: {
      code: 'condition_false',
      expression: 'distance_km <= 3',
      values: [{ name: 'distance_km', value: 4.21 }],
    },
  })
  why!: RuleReason;
  @ApiProperty({ nullable: true, type: Number, description: 'the task evaluated (per-task rule sets), else null' })
  taskIndex!: number | null;
}

export class PriceBreakdownDto implements PriceBreakdown {
  @ApiProperty({ format: 'uuid' })
  ruleSetId!: string;
  @ApiProperty()
  ruleSetName!: string;
  @ApiProperty({ example: 'EUR' })
  currency!: string;
  @ApiProperty({ description: 'incl. VAT, minor units' })
  amountMinor!: number;
  @ApiProperty()
  amountExclVatMinor!: number;
  @ApiProperty()
  vatMinor!: number;
  @ApiProperty()
  vatRateBp!: number;
  @ApiProperty({ type: [PriceLineDto] })
  lines!: PriceLineDto[];
  @ApiProperty({ type: [RuleEvaluationDto] })
  evaluated!: RuleEvaluationDto[];
  @ApiProperty()
  distanceKm!: number;
}
