import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GeoModule } from '@federacycle/geo-server';
import { CoopExportRegistry } from '@federacycle/platform-database';
import { ORDERING_ENTITIES } from './ordering.entities';
import { PricingController } from './pricing/pricing.controller';
import { PRICING_EXPORT_TABLES } from './pricing/pricing-export';
import { PricingService } from './pricing/pricing.service';
import { OrderingSamplesController } from './samples/ordering-samples.controller';
import { OrderingSamplesService } from './samples/ordering-samples.service';

/** The ordering domain. Needs the host app's global ConfigModule, DatabaseModule and RedisModule. */
@Module({
  imports: [TypeOrmModule.forFeature(ORDERING_ENTITIES), GeoModule],
  controllers: [
    OrderingSamplesController,
    // pricing rule sets and the quote tester
    PricingController,
  ],
  providers: [
    OrderingSamplesService,
    // pricing: rule sets, priceIn for other use cases
    PricingService,
  ],
  exports: [
    OrderingSamplesService,
    // pricing: priceIn(tx, coopId, input) for the partner API and orders
    PricingService,
  ],
})
export class OrderingModule implements OnModuleInit {
  constructor(@Inject(CoopExportRegistry) private readonly exports: CoopExportRegistry) {}

  onModuleInit(): void {
    // pricing's rule sets and rules in the coop's data export
    this.exports.register('ordering-pricing', PRICING_EXPORT_TABLES);
  }
}
