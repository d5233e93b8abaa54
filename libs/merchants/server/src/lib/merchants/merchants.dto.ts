import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  FULFILMENT_METHODS,
  GEOCODED_BY,
  MERCHANT_KINDS,
  type BusyPeriod,
  type FulfilmentMethod,
  type GeocodedBy,
  type HoursPreview,
  type HoursPreviewRequest,
  type MerchantKind,
  type MerchantStaffView,
  type MerchantSummary,
  type MerchantView,
  type OpenInterval,
  type OpeningState,
  type PauseMerchantRequest,
  type SetMerchantStaffRequest,
} from '@federacycle/contracts';
import { PageQueryDto } from '@federacycle/platform-http';

const COUNTRY = /^[A-Z]{2}$/;
const CURRENCY = /^[A-Z]{3}$/;
const REGION = /^[A-Za-z0-9-]{1,10}$/;

export class PostalAddressDto {
  @ApiProperty({ example: '12 rue de la République' }) @IsString() @Length(1, 200) line1!: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) line2!: string | null;
  @ApiProperty({ example: '69002' }) @IsString() @Length(1, 20) postalCode!: string;
  @ApiProperty({ example: 'Lyon' }) @IsString() @Length(1, 100) city!: string;
  @ApiProperty({ example: 'FR', description: 'ISO 3166-1 alpha-2' }) @IsString() @Matches(COUNTRY) country!: string;
}

export class LocationDto {
  /** range checked by the service (COORDINATES_OUT_OF_RANGE) */
  @ApiProperty({ minimum: -90, maximum: 90, example: 45.764 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  lat!: number;
  @ApiProperty({ minimum: -180, maximum: 180, example: 4.8357 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  lng!: number;
  @ApiProperty({ enum: GEOCODED_BY }) @IsIn(GEOCODED_BY) geocodedBy!: GeocodedBy;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) geocoderRef?: string | null;
}

export class ContactDto {
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(120) name?: string | null;
  @ApiPropertyOptional({ nullable: true, example: '+33 4 78 00 00 00' })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 ().-]{6,40}$/, { message: 'phone must be digits, spaces and + ( ) . - only' })
  phone?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsEmail() @MaxLength(254) email?: string | null;
}

export class BusyPeriodDto implements BusyPeriod {
  @ApiProperty({ description: 'an opening_hours selector', example: 'Fr,Sa 19:00-21:30' })
  @IsString()
  @Length(1, 200)
  when!: string;
  @ApiProperty({ minimum: 0, maximum: 240 }) @IsInt() @Min(0) @Max(240) minutes!: number;
}

export class PreparationDto {
  @ApiProperty({ minimum: 0, maximum: 240, example: 15 }) @IsInt() @Min(0) @Max(240) defaultMinutes!: number;
  @ApiProperty({ type: [BusyPeriodDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => BusyPeriodDto)
  busy!: BusyPeriodDto[];
}

export class PerimeterDto {
  @ApiProperty({ enum: ['radius', 'zone'] }) @IsIn(['radius', 'zone']) kind!: 'radius' | 'zone';
  @ApiPropertyOptional({ minimum: 100, maximum: 50000, description: 'kind radius: metres' })
  @ValidateIf((o: PerimeterDto) => o.kind === 'radius')
  @IsInt()
  @Min(100)
  @Max(50000)
  radiusM?: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'kind zone: one of the coop’s zones' })
  @ValidateIf((o: PerimeterDto) => o.kind === 'zone')
  @IsUUID()
  zoneId?: string;
}

export class MoneyDto {
  @ApiProperty({ minimum: 0, description: 'integer minor units' }) @IsInt() @Min(0) @Max(100000000) amount!: number;
  @ApiProperty({ example: 'EUR' }) @IsString() @Matches(CURRENCY) currency!: string;
}

export class CreateMerchantDto {
  @ApiProperty({ example: 'Chez Mado' }) @IsString() @Length(1, 120) name!: string;
  @ApiProperty({ enum: MERCHANT_KINDS }) @IsIn(MERCHANT_KINDS) kind!: MerchantKind;
  @ApiProperty({ type: PostalAddressDto }) @ValidateNested() @Type(() => PostalAddressDto) address!: PostalAddressDto;
  @ApiProperty({ type: LocationDto }) @ValidateNested() @Type(() => LocationDto) location!: LocationDto;
  @ApiPropertyOptional({ type: ContactDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactDto)
  contact?: ContactDto;
  @ApiProperty({ description: 'OpenStreetMap opening_hours syntax', example: 'Mo-Sa 11:30-14:30,18:30-22:30; PH off' })
  @IsString()
  @Length(1, 1000)
  openingHours!: string;
  @ApiPropertyOptional({ nullable: true, description: 'region for regional holidays' })
  @IsOptional()
  @IsString()
  @Matches(REGION)
  holidayRegion?: string | null;
  @ApiPropertyOptional({ type: PreparationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PreparationDto)
  preparation?: PreparationDto;
  @ApiProperty({ enum: FULFILMENT_METHODS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(FULFILMENT_METHODS, { each: true })
  fulfilment!: FulfilmentMethod[];
  @ApiProperty({ type: PerimeterDto }) @ValidateNested() @Type(() => PerimeterDto) perimeter!: PerimeterDto;
  @ApiPropertyOptional({ type: MoneyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  minimumOrder?: MoneyDto;
}

/** Every field optional: only what is sent changes. */
export class UpdateMerchantDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 120) name?: string;
  @ApiPropertyOptional({ enum: MERCHANT_KINDS }) @IsOptional() @IsIn(MERCHANT_KINDS) kind?: MerchantKind;
  @ApiPropertyOptional({ type: PostalAddressDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PostalAddressDto)
  address?: PostalAddressDto;
  @ApiPropertyOptional({ type: LocationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto;
  @ApiPropertyOptional({ type: ContactDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactDto)
  contact?: ContactDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 1000) openingHours?: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @Matches(REGION) holidayRegion?: string | null;
  @ApiPropertyOptional({ type: PreparationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PreparationDto)
  preparation?: PreparationDto;
  @ApiPropertyOptional({ enum: FULFILMENT_METHODS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(FULFILMENT_METHODS, { each: true })
  fulfilment?: FulfilmentMethod[];
  @ApiPropertyOptional({ type: PerimeterDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PerimeterDto)
  perimeter?: PerimeterDto;
  @ApiPropertyOptional({ type: MoneyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  minimumOrder?: MoneyDto;
}

export class PauseMerchantDto implements PauseMerchantRequest {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Kitchen overwhelmed' })
  @IsString()
  @Length(1, 200)
  reason!: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, description: 'automatic end; omitted: until unpaused' })
  @IsOptional()
  @IsISO8601({ strict: true })
  until?: string | null;
}

/** A route that takes no body still refuses unknown fields. */
export class EmptyBodyDto {}

const booleanQuery = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class MerchantsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'part of the name or the city' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
  @ApiPropertyOptional({ enum: MERCHANT_KINDS }) @IsOptional() @IsIn(MERCHANT_KINDS) kind?: MerchantKind;
  @ApiPropertyOptional({ description: 'only merchants open now (hours and not paused)' })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  openNow?: boolean;
  @ApiPropertyOptional({ description: 'only paused (true) or not paused (false) merchants' })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  paused?: boolean;
  @ApiPropertyOptional({ description: 'archived merchants instead of the current ones' })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  archived?: boolean;
}

export class HoursPreviewDto implements HoursPreviewRequest {
  @ApiProperty() @IsString() @Length(1, 1000) openingHours!: string;
  @ApiProperty({ example: 'FR' }) @IsString() @Matches(COUNTRY) country!: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @Matches(REGION) holidayRegion?: string | null;
}

export class SetMerchantStaffDto implements SetMerchantStaffRequest {
  @ApiProperty({ type: [String], format: 'uuid', maxItems: 50 })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  merchantIds!: string[];
}

// ---- answers ----

class AddressViewDto {
  @ApiProperty() line1!: string;
  @ApiProperty({ nullable: true, type: String }) line2!: string | null;
  @ApiProperty() postalCode!: string;
  @ApiProperty() city!: string;
  @ApiProperty() country!: string;
}
class LocationViewDto {
  @ApiProperty() lat!: number;
  @ApiProperty() lng!: number;
  @ApiProperty({ enum: GEOCODED_BY }) geocodedBy!: GeocodedBy;
  @ApiProperty({ nullable: true, type: String }) geocoderRef!: string | null;
}
class ContactViewDto {
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
}
class PreparationViewDto {
  @ApiProperty() defaultMinutes!: number;
  @ApiProperty({ type: [BusyPeriodDto] }) busy!: BusyPeriodDto[];
}
class PerimeterViewDto {
  @ApiProperty({ enum: ['radius', 'zone'] }) kind!: 'radius' | 'zone';
  @ApiPropertyOptional() radiusM?: number;
  @ApiPropertyOptional({ format: 'uuid' }) zoneId?: string;
}
class PauseViewDto {
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) pausedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) until!: string | null;
}
export class OpeningStateDto implements OpeningState {
  @ApiProperty() openNow!: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) nextChange!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) opensAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closesAt!: string | null;
  @ApiProperty() holidayToday!: boolean;
}

export class MerchantViewDto implements MerchantView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: MERCHANT_KINDS }) kind!: MerchantKind;
  @ApiProperty({ type: AddressViewDto }) address!: AddressViewDto;
  @ApiProperty({ type: LocationViewDto }) location!: LocationViewDto;
  @ApiProperty({ type: ContactViewDto }) contact!: ContactViewDto;
  @ApiProperty() openingHours!: string;
  @ApiProperty({ nullable: true, type: String }) holidayRegion!: string | null;
  @ApiProperty({ type: PreparationViewDto }) preparation!: PreparationViewDto;
  @ApiProperty({ enum: FULFILMENT_METHODS, isArray: true }) fulfilment!: FulfilmentMethod[];
  @ApiProperty({ type: PerimeterViewDto }) perimeter!: MerchantView['perimeter'];
  @ApiProperty({ type: MoneyDto }) minimumOrder!: MoneyDto;
  @ApiProperty({ type: PauseViewDto, nullable: true }) pause!: PauseViewDto | null;
  @ApiProperty() archived!: boolean;
  @ApiProperty({ example: 'Europe/Paris' }) timezone!: string;
  @ApiProperty({ type: OpeningStateDto }) state!: OpeningStateDto;
  @ApiProperty() preparationMinutesNow!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class MerchantSummaryDto implements MerchantSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: MERCHANT_KINDS }) kind!: MerchantKind;
  @ApiProperty() city!: string;
  @ApiProperty() paused!: boolean;
  @ApiProperty() archived!: boolean;
  @ApiProperty() openNow!: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) nextChange!: string | null;
}

export class MerchantPageDto {
  @ApiProperty({ type: [MerchantSummaryDto] }) items!: MerchantSummaryDto[];
  @ApiProperty() total!: number;
}

class OpenIntervalDto implements OpenInterval {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty() unknown!: boolean;
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
}

export class HoursPreviewViewDto implements HoursPreview {
  @ApiProperty() normalized!: string;
  @ApiProperty({ type: [String] }) warnings!: string[];
  @ApiProperty({ type: OpeningStateDto }) state!: OpeningStateDto;
  @ApiProperty({ type: [OpenIntervalDto] }) week!: OpenIntervalDto[];
  @ApiProperty() timezone!: string;
}

export class MerchantStaffViewDto implements MerchantStaffView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) merchantIds!: string[];
}
