import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RealtimeModule } from '@federacycle/platform-realtime';
import { SettingsModule } from '@federacycle/federation-server';
import { WorkerOwnershipService } from './ownership/worker-ownership-figures';
import { CoopExportRegistry } from '@federacycle/platform-database';
import { CouriersController } from './couriers/couriers.controller';
import { CouriersService } from './couriers/couriers.service';
import { DutyService } from './duty/duty.service';
import { OwnCourierController } from './duty/own-courier.controller';
import { FLEET_ENTITIES } from './fleet.entities';
import { FLEET_EXPORT_TABLES } from './fleet-export';
import { ShiftsController } from './shifts/shifts.controller';
import { ShiftsService } from './shifts/shifts.service';

/** The fleet domain. Needs the host app's global ConfigModule, DatabaseModule and RedisModule. */
@Module({
  imports: [TypeOrmModule.forFeature(FLEET_ENTITIES), SettingsModule, RealtimeModule],
  controllers: [CouriersController, ShiftsController, OwnCourierController],
  providers: [CouriersService, ShiftsService, DutyService, WorkerOwnershipService],
  exports: [CouriersService, ShiftsService, DutyService],
})
export class FleetModule implements OnModuleInit {
  constructor(@Inject(CoopExportRegistry) private readonly exports: CoopExportRegistry) {}

  onModuleInit(): void {
    this.exports.register('fleet', FLEET_EXPORT_TABLES);
  }
}
