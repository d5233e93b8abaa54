import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import {
  PARTNER_CLIENT_KINDS,
  PARTNER_SCOPES,
  type CreatePartnerClientRequest,
  type CreatedApiKey,
  type CreatedOAuthSecret,
  type PartnerApiKeyView as PartnerApiKeyWire,
  type PartnerCredentialsView,
  type PartnerClientKind,
  type PartnerClientView as PartnerClientWire,
  type PartnerScope,
} from '@federacycle/contracts';

export class CreatePartnerClientDto implements CreatePartnerClientRequest {
  @ApiProperty({ minLength: 1, maxLength: 120, example: 'Épicerie Croix-Rousse (WooCommerce)' })
  @IsString()
  @Length(1, 120)
  name!: string;

  @ApiProperty({ enum: PARTNER_CLIENT_KINDS })
  @IsIn(PARTNER_CLIENT_KINDS)
  kind!: PartnerClientKind;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'the store this client speaks for' })
  @IsOptional()
  @IsUUID()
  merchantId?: string | null;

  @ApiProperty({ enum: PARTNER_SCOPES, isArray: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(PARTNER_SCOPES.length)
  @ArrayUnique()
  @IsIn(PARTNER_SCOPES, { each: true })
  scopes!: PartnerScope[];

  @ApiPropertyOptional({ minimum: 1, maximum: 100000, default: 120 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  rateLimitPerMinute?: number;
}

export class PartnerClientView implements PartnerClientWire {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PARTNER_CLIENT_KINDS }) kind!: PartnerClientKind;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) merchantId!: string | null;
  @ApiProperty({ enum: PARTNER_SCOPES, isArray: true }) scopes!: PartnerScope[];
  @ApiProperty() rateLimitPerMinute!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastUsedAt!: string | null;
  @ApiProperty({ type: [String], example: ['fcp_live_1a2b3c4d'] }) apiKeyPrefixes!: string[];
  @ApiProperty({ nullable: true, type: String, example: 'fco_…' }) oauthClientKey!: string | null;
}

export class PartnerApiKeyView implements PartnerApiKeyWire {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'fcp_live_1a2b3c4d' }) prefix!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastUsedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt!: string | null;
}

export class CreatedApiKeyView extends PartnerApiKeyView implements CreatedApiKey {
  @ApiProperty({ description: 'the whole key: shown in this answer only', example: 'fcp_live_1a2b3c4d_…' })
  key!: string;
}

export class CreatedOAuthSecretView implements CreatedOAuthSecret {
  @ApiProperty({ example: 'fco_…' }) clientKey!: string;
  @ApiProperty({ description: 'the secret: shown in this answer only', example: 'fcs_…' }) clientSecret!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class PartnerOAuthView {
  @ApiProperty() clientKey!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastUsedAt!: string | null;
}

export class PartnerCredentialsViewDto implements PartnerCredentialsView {
  @ApiProperty({ type: [PartnerApiKeyView] }) apiKeys!: PartnerApiKeyView[];
  @ApiProperty({ type: PartnerOAuthView, nullable: true }) oauth!: PartnerOAuthView | null;
}

/** A write that takes no body: unknown fields are refused. */
export class EmptyBodyDto {}

export class PartnerClientPage {
  @ApiProperty({ type: [PartnerClientView] })
  items!: PartnerClientView[];

  @ApiProperty()
  total!: number;
}
