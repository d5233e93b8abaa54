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
}

export class PartnerClientPage {
  @ApiProperty({ type: [PartnerClientView] })
  items!: PartnerClientView[];

  @ApiProperty()
  total!: number;
}
