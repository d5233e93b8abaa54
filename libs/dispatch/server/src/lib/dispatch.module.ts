import { BullModule } from '@nestjs/bullmq';
import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CoopExportRegistry } from '@federacycle/platform-database';
import { SettingsModule } from '@federacycle/federation-server';
import { FLEET_ENTITIES } from '@federacycle/fleet-server';
import { GEO_ENTITIES, GeoModule } from '@federacycle/geo-server';
import { RealtimeModule } from '@federacycle/platform-realtime';
import { AssignmentsController } from './assignments/assignments.controller';
import { AssignmentsService } from './assignments/assignments.service';
import { BoardController } from './board/board.controller';
import { BoardEvents } from './board/board-events';
import { BoardService } from './board/board.service';
import { DeliveriesController, OwnTasksController, TasksController } from './deliveries/deliveries.controller';
import { DeliveriesService } from './deliveries/deliveries.service';
import { CreateDeliveryUseCase } from './deliveries/usecases/create-delivery/create-delivery.usecase';
import { DISPATCH_ENTITIES } from './dispatch.entities';
import { DISPATCH_EXPORT_TABLES } from './dispatch-export';
import { DISPATCH_QUEUE } from './planning/dispatch.jobs';
import { DispatchProcessor } from './planning/dispatch.processor';
import { PlanningService } from './planning/planning.service';

/** The dispatch domain. Needs the host app's global ConfigModule, DatabaseModule and RedisModule. */
@Module({
  imports: [TypeOrmModule.forFeature(DISPATCH_ENTITIES), GeoModule, RealtimeModule],
  controllers: [DeliveriesController, TasksController, OwnTasksController, AssignmentsController, BoardController],
  providers: [CreateDeliveryUseCase, DeliveriesService, AssignmentsService, BoardEvents, BoardService],
  exports: [CreateDeliveryUseCase, DeliveriesService, AssignmentsService],
})
export class DispatchModule implements OnModuleInit {
  constructor(@Inject(CoopExportRegistry) private readonly exports: CoopExportRegistry) {}

  onModuleInit(): void {
    this.exports.register('dispatch', DISPATCH_EXPORT_TABLES);
  }
}

/**
 * What the worker needs of dispatch: its queue and processor (work changes → one debounced
 * planning run per coop), composed by apps/worker next to the other domains' worker modules.
 */
@Module({
  imports: [
    BullModule.registerQueue({ name: DISPATCH_QUEUE }),
    // the worker has no FleetModule or GeoModule: the entities dispatch's relate to are registered here
    TypeOrmModule.forFeature([...GEO_ENTITIES, ...FLEET_ENTITIES, ...DISPATCH_ENTITIES]),
    SettingsModule,
    // the planner's assignments reach the boards through the same Redis channel as the API's
    RealtimeModule,
  ],
  providers: [AssignmentsService, BoardEvents, PlanningService, DispatchProcessor],
})
export class DispatchWorkerModule {}
