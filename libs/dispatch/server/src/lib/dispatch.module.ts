import { BullModule } from '@nestjs/bullmq';
import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CoopExportRegistry } from '@federacycle/platform-database';
import {
  CLOCK,
  FederationModule,
  SettingsModule,
  StandingService,
  clockFromEnvironment,
} from '@federacycle/federation-server';
import { FLEET_ENTITIES, FLEET_EVENTS_QUEUE } from '@federacycle/fleet-server';
import { GEO_ENTITIES, GeoModule } from '@federacycle/geo-server';
import { MailService } from '@federacycle/identity-server';
import { Merchant } from '@federacycle/merchants-server';
import { RealtimeModule } from '@federacycle/platform-realtime';
import { AssignmentsController } from './assignments/assignments.controller';
import { AssignmentsService } from './assignments/assignments.service';
import { BoardController } from './board/board.controller';
import { BoardEvents } from './board/board-events';
import { BoardService } from './board/board.service';
import { CourierController } from './courier/courier.controller';
import { CourierService } from './courier/courier.service';
import { DeliveryProofsService } from './courier/delivery-proofs.service';
import {
  DeliveriesController,
  DeliveriesExportController,
  OwnTasksController,
  TasksController,
} from './deliveries/deliveries.controller';
import { DeliveriesService } from './deliveries/deliveries.service';
import { CreateDeliveryUseCase } from './deliveries/usecases/create-delivery/create-delivery.usecase';
import { DISPATCH_ENTITIES } from './dispatch.entities';
import { DISPATCH_EXPORT_TABLES } from './dispatch-export';
import { DISPATCH_IMPROVE_QUEUE, DISPATCH_QUEUE } from './planning/dispatch.jobs';
import { DispatchProcessor, FleetEventsProcessor, ImproveProcessor } from './planning/dispatch.processor';
import { PlanningMetrics } from './planning/planning-metrics';
import { PlanningService } from './planning/planning.service';
import { ProposalsController } from './planning/proposals.controller';
import { ProposalsService } from './planning/proposals.service';
import { RecipientMailProcessor } from './tracking/recipient-mail.processor';
import { TrackingController } from './tracking/tracking.controller';
import { TRACKING_MAIL_QUEUE } from './tracking/tracking.jobs';
import { TrackingService } from './tracking/tracking.service';
import { TimeSlotsController } from './time-slots/time-slots.controller';
import { TimeSlotsService } from './time-slots/time-slots.service';

/** The dispatch domain. Needs the host app's global ConfigModule, DatabaseModule and RedisModule. */
@Module({
  imports: [TypeOrmModule.forFeature(DISPATCH_ENTITIES), SettingsModule, FederationModule, GeoModule, RealtimeModule],
  controllers: [
    DeliveriesController,
    DeliveriesExportController,
    TasksController,
    OwnTasksController,
    AssignmentsController,
    ProposalsController,
    CourierController,
    TrackingController,
    BoardController,
    TimeSlotsController,
  ],
  providers: [
    CreateDeliveryUseCase,
    DeliveriesService,
    AssignmentsService,
    ProposalsService,
    PlanningMetrics,
    CourierService,
    DeliveryProofsService,
    TrackingService,
    BoardEvents,
    BoardService,
    TimeSlotsService,
  ],
  exports: [CreateDeliveryUseCase, DeliveriesService, AssignmentsService, TimeSlotsService],
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
    BullModule.registerQueue(
      { name: DISPATCH_QUEUE },
      { name: DISPATCH_IMPROVE_QUEUE },
      { name: FLEET_EVENTS_QUEUE },
      { name: TRACKING_MAIL_QUEUE },
    ),
    // the worker has no FleetModule, GeoModule or MerchantsModule: the entities dispatch's relate to are registered here
    TypeOrmModule.forFeature([...GEO_ENTITIES, Merchant, ...FLEET_ENTITIES, ...DISPATCH_ENTITIES]),
    SettingsModule,
    // the planner's assignments reach the boards through the same Redis channel as the API's
    RealtimeModule,
  ],
  providers: [
    { provide: CLOCK, useFactory: () => clockFromEnvironment() },
    StandingService,
    PlanningMetrics,
    AssignmentsService,
    BoardEvents,
    PlanningService,
    DispatchProcessor,
    ImproveProcessor,
    FleetEventsProcessor,
    MailService,
    RecipientMailProcessor,
  ],
})
export class DispatchWorkerModule {}
