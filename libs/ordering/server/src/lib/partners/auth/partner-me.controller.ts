import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { PARTNER_SCOPES, type PartnerPrincipal, type PartnerScope } from '@federacycle/contracts';
import { CurrentPartner, PartnerAccess } from './partner-access.decorator';

export class PartnerMeView {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) coopId!: string;
  @ApiProperty({ example: 'lyon' }) coopSlug!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) merchantId!: string | null;
  @ApiProperty({ enum: PARTNER_SCOPES, isArray: true }) scopes!: PartnerScope[];
}

/** Who the partner credential speaks for: a first call to check a key or token works. */
@ApiTags('partner API')
@Controller('api/partner/v1')
export class PartnerMeController {
  @Get('me')
  @PartnerAccess('any')
  @ApiOkResponse({ type: PartnerMeView })
  me(@CurrentPartner() partner: PartnerPrincipal): PartnerMeView {
    return {
      clientId: partner.clientId,
      name: partner.clientName,
      coopId: partner.coopId,
      coopSlug: partner.coopSlug,
      merchantId: partner.merchantId,
      scopes: partner.scopes,
    };
  }
}
