import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogController } from './catalog/catalog.controller';
import { CatalogService } from './catalog/catalog.service';
import { MERCHANTS_ENTITIES } from './merchants.entities';
import { GEOCODER, manualGeocoder } from './merchants/geocoder.port';
import { MerchantsController } from './merchants/merchants.controller';
import { MerchantsService } from './merchants/merchants.service';
import { MerchantStaffController } from './staff/merchant-staff.controller';
import { MerchantStaffService } from './staff/merchant-staff.service';

/** The merchants domain. Needs the host app's global ConfigModule, DatabaseModule and RedisModule. */
@Module({
  imports: [TypeOrmModule.forFeature(MERCHANTS_ENTITIES)],
  controllers: [MerchantsController, MerchantStaffController, CatalogController],
  providers: [MerchantsService, MerchantStaffService, CatalogService, { provide: GEOCODER, useValue: manualGeocoder }],
  exports: [MerchantsService, CatalogService],
})
export class MerchantsModule {}
