import { BullModule } from '@nestjs/bullmq';
import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CoopExportRegistry } from '@federacycle/platform-database';
import { CLOCK, SettingsModule, StandingService, clockFromEnvironment } from '@federacycle/federation-server';
import { FLEET_ENTITIES, FLEET_EVENTS_QUEUE } from '@federacycle/fleet-server';
import { GEO_ENTITIES } from '@federacycle/geo-server';
import { AssignmentsController } from './assignments/assignments.controller';
import { AssignmentsService } from './assignments/assignments.service';
import { CourierController } from './courier/courier.controller';
import { CourierService } from './courier/courier.service';
import { DeliveriesController, OwnTasksController, TasksController } from './deliveries/deliveries.controller';
import { DeliveriesService } from './deliveries/deliveries.service';
import { CreateDeliveryUseCase } from './deliveries/usecases/create-delivery/create-delivery.usecase';
import { DISPATCH_ENTITIES } from './dispatch.entities';
import { DISPATCH_EXPORT_TABLES } from './dispatch-export';
import { DISPATCH_QUEUE } from './planning/dispatch.jobs';
import { DispatchProcessor, FleetEventsProcessor } from './planning/dispatch.processor';
import { PlanningMetrics } from './planning/planning-metrics';
import { PlanningService } from './planning/planning.service';
import { ProposalsController } from './planning/proposals.controller';
import { ProposalsService } from './planning/proposals.service';

/** The dispatch domain. Needs the host app's global ConfigModule, DatabaseModule and RedisModule. */
@Module({
  imports: [TypeOrmModule.forFeature(DISPATCH_ENTITIES), SettingsModule],
  controllers: [
    DeliveriesController,
    TasksController,
    OwnTasksController,
    AssignmentsController,
    ProposalsController,
    CourierController,
  ],
  providers: [
    CreateDeliveryUseCase,
    DeliveriesService,
    AssignmentsService,
    ProposalsService,
    PlanningMetrics,
    CourierService,
  ],
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
 * planning run per coop), fleet's events queue (dispatch consumes it: duty changes), composed by
 * apps/worker next to the other domains' worker modules. The licence check of auto mode is
 * federation's StandingService, provided here with its clock (the worker has no FederationModule).
 */
@Module({
  imports: [
    BullModule.registerQueue({ name: DISPATCH_QUEUE }, { name: FLEET_EVENTS_QUEUE }),
    // the worker has no FleetModule or GeoModule: the entities dispatch's relate to are registered here
    TypeOrmModule.forFeature([...GEO_ENTITIES, ...FLEET_ENTITIES, ...DISPATCH_ENTITIES]),
    SettingsModule,
  ],
  providers: [
    { provide: CLOCK, useFactory: () => clockFromEnvironment() },
    StandingService,
    PlanningMetrics,
    AssignmentsService,
    PlanningService,
    DispatchProcessor,
    FleetEventsProcessor,
  ],
})
export class DispatchWorkerModule {}
