import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { DeliveryPartnerView, PartnerPrice } from '@federacycle/contracts';
import { Access, CurrentPrincipal, UuidPipe, coopOf, type Caller } from '@federacycle/platform-http';
import { PartnerPriceDto } from './partner-deliveries.dto';
import { PartnerDeliveriesService } from './partner-deliveries.service';

export class DeliveryPartnerViewDto implements DeliveryPartnerView {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty() clientName!: string;
  @ApiProperty() test!: boolean;
  @ApiProperty({ type: PartnerPriceDto, nullable: true }) price!: PartnerPrice | null;
}

/** The coop's people see which partner created a delivery (the Deliveries page's detail). */
@ApiTags('ordering')
@Controller('api/ordering/deliveries')
export class DeliveryPartnerController {
  constructor(@Inject(PartnerDeliveriesService) private readonly partnerDeliveries: PartnerDeliveriesService) {}

  @Get(':id/partner')
  @Access({ action: 'read', subject: 'Delivery' })
  @ApiOkResponse({ type: DeliveryPartnerViewDto, description: '404 when no partner created it' })
  partner(@CurrentPrincipal() caller: Caller, @Param('id', UuidPipe) id: string): Promise<DeliveryPartnerView> {
    return this.partnerDeliveries.partnerOf(coopOf(caller), id);
  }
}
