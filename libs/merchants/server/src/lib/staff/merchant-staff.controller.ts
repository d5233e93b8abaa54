import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { MerchantStaffView } from '@federacycle/contracts';
import { Access, CurrentPrincipal, UuidPipe, type Caller } from '@federacycle/platform-http';
import { MerchantStaffViewDto, SetMerchantStaffDto } from '../merchants/merchants.dto';
import { MerchantStaffService } from './merchant-staff.service';

/** A coop admin assigns merchant staff to the coop's merchants. */
@ApiTags('merchants')
@Controller('api/merchant-staff')
export class MerchantStaffController {
  constructor(@Inject(MerchantStaffService) private readonly staff: MerchantStaffService) {}

  @Get()
  @Access({ action: 'update', subject: 'Merchant' })
  @ApiOkResponse({ type: [MerchantStaffViewDto] })
  list(@CurrentPrincipal() caller: Caller): Promise<MerchantStaffView[]> {
    return this.staff.list(caller);
  }

  @Put(':userId')
  @Access({ action: 'update', subject: 'Merchant' })
  @ApiOkResponse({ type: MerchantStaffViewDto })
  set(
    @CurrentPrincipal() caller: Caller,
    @Param('userId', UuidPipe) userId: string,
    @Body() body: SetMerchantStaffDto,
  ): Promise<MerchantStaffView> {
    return this.staff.set(caller, userId, body.merchantIds);
  }
}
