import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ORDERING_ENTITIES } from './ordering.entities';
import { OrderingSamplesController } from './samples/ordering-samples.controller';
import { OrderingSamplesService } from './samples/ordering-samples.service';

/** The ordering domain. Needs the host app's global ConfigModule, DatabaseModule and RedisModule. */
@Module({
  imports: [TypeOrmModule.forFeature(ORDERING_ENTITIES)],
  controllers: [OrderingSamplesController],
  providers: [OrderingSamplesService],
  exports: [OrderingSamplesService],
})
export class OrderingModule {}
