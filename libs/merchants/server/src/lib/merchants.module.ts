import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MERCHANTS_ENTITIES } from './merchants.entities';
import { GEOCODER, manualGeocoder } from './merchants/geocoder.port';
import { MerchantsController } from './merchants/merchants.controller';
import { MerchantsService } from './merchants/merchants.service';
import { MerchantStaffController } from './staff/merchant-staff.controller';
import { MerchantStaffService } from './staff/merchant-staff.service';

/** The merchants domain. Needs the host app's global ConfigModule, DatabaseModule and RedisModule. */
@Module({
  imports: [TypeOrmModule.forFeature(MERCHANTS_ENTITIES)],
  controllers: [MerchantsController, MerchantStaffController],
  providers: [MerchantsService, MerchantStaffService, { provide: GEOCODER, useValue: manualGeocoder }],
  exports: [MerchantsService],
})
export class MerchantsModule {}
