import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssignmentsController } from './assignments/assignments.controller';
import { AssignmentsService } from './assignments/assignments.service';
import { DeliveriesController, OwnTasksController, TasksController } from './deliveries/deliveries.controller';
import { DeliveriesService } from './deliveries/deliveries.service';
import { CreateDeliveryUseCase } from './deliveries/usecases/create-delivery/create-delivery.usecase';
import { DISPATCH_ENTITIES } from './dispatch.entities';
import { DISPATCH_QUEUE } from './planning/dispatch.jobs';
import { DispatchProcessor } from './planning/dispatch.processor';

/** The dispatch domain. Needs the host app's global ConfigModule, DatabaseModule and RedisModule. */
@Module({
  imports: [TypeOrmModule.forFeature(DISPATCH_ENTITIES)],
  controllers: [DeliveriesController, TasksController, OwnTasksController, AssignmentsController],
  providers: [CreateDeliveryUseCase, DeliveriesService, AssignmentsService],
  exports: [CreateDeliveryUseCase, DeliveriesService, AssignmentsService],
})
export class DispatchModule {}

/**
 * What the worker needs of dispatch: its queue and processor (work changes → one debounced
 * planning run per coop), composed by apps/worker next to the other domains' worker modules.
 */
@Module({
  imports: [BullModule.registerQueue({ name: DISPATCH_QUEUE }), TypeOrmModule.forFeature(DISPATCH_ENTITIES)],
  providers: [DispatchProcessor],
})
export class DispatchWorkerModule {}
