import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  COOP_ROLES,
  type CoopRole,
  type ForgotPasswordRequest,
  type MeResponse,
  type MembershipSummary,
  type PlatformRole,
  type Principal,
  type RefreshRequest,
  type ResetPasswordRequest,
  type SessionResponse,
  type SignInRequest,
  SUPPORTED_LOCALES,
  type SupportedLocale,
  type SwitchCoopRequest,
  type UpdateMeRequest,
} from '@federacycle/contracts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../shared/passwords';

export class SignInDto implements SignInRequest {
  @ApiProperty({ example: 'admin@lyon.demo' })
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'federacycle-demo' })
  @IsString()
  @Length(1, MAX_PASSWORD_LENGTH)
  password!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'coop to open; defaults to the first membership' })
  @IsOptional()
  @IsUUID('all')
  coopId?: string;
}

export class RefreshDto implements RefreshRequest {
  @ApiProperty()
  @IsString()
  @Length(20, 200)
  refreshToken!: string;
}

export class SwitchCoopDto implements SwitchCoopRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  coopId!: string;
}

export class ForgotPasswordDto implements ForgotPasswordRequest {
  @ApiProperty()
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class ResetPasswordDto implements ResetPasswordRequest {
  @ApiProperty()
  @IsString()
  @Length(20, 200)
  token!: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;
}

export class UpdateMeDto implements UpdateMeRequest {
  @ApiProperty({
    enum: SUPPORTED_LOCALES,
    nullable: true,
    type: String,
    description: 'the language of the console and of the mails; null clears the choice',
  })
  @ValidateIf((_dto: UpdateMeDto, value: unknown) => value !== null)
  @IsIn(SUPPORTED_LOCALES, { message: `locale must be one of ${SUPPORTED_LOCALES.join(', ')} or null` })
  locale!: SupportedLocale | null;
}

export class MembershipSummaryDto implements MembershipSummary {
  @ApiProperty({ format: 'uuid' }) coopId!: string;
  @ApiProperty() coopSlug!: string;
  @ApiProperty() coopName!: string;
  @ApiProperty({ enum: COOP_ROLES, isArray: true }) roles!: CoopRole[];
}

export class PrincipalDto implements Principal {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) coopId!: string | null;
  @ApiProperty({ enum: COOP_ROLES, isArray: true }) roles!: CoopRole[];
  @ApiProperty({ enum: ['federation_admin'], isArray: true }) platformRoles!: PlatformRole[];
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ type: [String], format: 'uuid', description: 'merchant_staff: the merchants they act for' })
  merchantIds!: string[];
  @ApiProperty({
    enum: SUPPORTED_LOCALES,
    nullable: true,
    type: String,
    description: "the person's chosen language; null: their coop's language applies",
  })
  locale!: SupportedLocale | null;
}

export class MeResponseDto implements MeResponse {
  @ApiProperty({ type: PrincipalDto })
  @ValidateNested()
  @Type(() => PrincipalDto)
  principal!: PrincipalDto;

  @ApiProperty({ type: [MembershipSummaryDto] }) memberships!: MembershipSummaryDto[];
}

export class SessionResponseDto extends MeResponseDto implements SessionResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ description: 'opaque, single use: every refresh returns a new one' }) refreshToken!: string;
  @ApiProperty({ description: 'seconds until the access token expires' }) expiresIn!: number;
}
