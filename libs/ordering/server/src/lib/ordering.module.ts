import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ORDERING_ENTITIES } from './ordering.entities';
import { PartnerClientsController } from './partners/partner-clients.controller';
import { PartnerClientsService } from './partners/partner-clients.service';

/**
 * The ordering domain (partner API, pricing, webhooks; storefront and orders later).
 * Needs the host app's global ConfigModule, DatabaseModule and RedisModule.
 */
@Module({
  imports: [TypeOrmModule.forFeature(ORDERING_ENTITIES)],
  controllers: [PartnerClientsController],
  providers: [PartnerClientsService],
  exports: [PartnerClientsService],
})
export class OrderingModule {}
