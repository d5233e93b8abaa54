import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { DeliverySummaryView, DeliveryView, Page, TaskEventView, TaskView } from '@federacycle/contracts';
import { Access, CurrentPrincipal, UuidPipe, coopOf, pageOf, type Caller } from '@federacycle/platform-http';
import {
  CreateDeliveryDto,
  DeliveriesQueryDto,
  DeliveryPageDto,
  DeliveryViewDto,
  EmptyBodyDto,
  RescheduleDto,
  TaskActionDto,
  TaskEventListDto,
  TaskViewDto,
} from './deliveries.dto';
import { DeliveriesService } from './deliveries.service';

/** Deliveries as dispatchers manage them (coop admins read them). */
@ApiTags('dispatch')
@Controller('api/dispatch/deliveries')
export class DeliveriesController {
  constructor(@Inject(DeliveriesService) private readonly deliveries: DeliveriesService) {}

  @Get()
  @Access({ action: 'read', subject: 'Delivery' })
  @ApiOkResponse({ type: DeliveryPageDto })
  list(@CurrentPrincipal() caller: Caller, @Query() query: DeliveriesQueryDto): Promise<Page<DeliverySummaryView>> {
    const { limit, offset } = pageOf(query);
    return this.deliveries.list(coopOf(caller), query.state ?? null, limit, offset);
  }

  @Post()
  @HttpCode(201)
  @Access({ action: 'create', subject: 'Delivery' })
  @ApiCreatedResponse({ type: DeliveryViewDto })
  create(@Body() body: CreateDeliveryDto): Promise<DeliveryView> {
    return this.deliveries.create({ reference: body.reference, tasks: body.tasks, source: 'console' });
  }

  @Get(':id')
  @Access({ action: 'read', subject: 'Delivery' })
  @ApiOkResponse({ type: DeliveryViewDto })
  get(@CurrentPrincipal() caller: Caller, @Param('id', UuidPipe) id: string): Promise<DeliveryView> {
    return this.deliveries.get(coopOf(caller), id);
  }

  @Get(':id/events')
  @Access({ action: 'read', subject: 'Delivery' })
  @ApiOkResponse({ type: TaskEventListDto })
  async events(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
  ): Promise<{ items: TaskEventView[] }> {
    return { items: await this.deliveries.events(coopOf(caller), id) };
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Access({ action: 'update', subject: 'Delivery' })
  @ApiOkResponse({ type: DeliveryViewDto })
  cancel(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() _body: EmptyBodyDto,
  ): Promise<DeliveryView> {
    return this.deliveries.cancel(coopOf(caller), id, 'console');
  }
}

/** One task's lifecycle, by a dispatcher. */
@ApiTags('dispatch')
@Controller('api/dispatch/tasks')
export class TasksController {
  constructor(@Inject(DeliveriesService) private readonly deliveries: DeliveriesService) {}

  @Post(':id/actions')
  @HttpCode(200)
  @Access({ action: 'update', subject: 'Delivery' })
  @ApiOkResponse({ type: TaskViewDto })
  act(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() body: TaskActionDto,
  ): Promise<TaskView> {
    return this.deliveries.act(coopOf(caller), id, body, { kind: 'dispatcher' }, 'console');
  }

  @Post(':id/reschedule')
  @HttpCode(201)
  @Access({ action: 'update', subject: 'Delivery' })
  @ApiCreatedResponse({ type: TaskViewDto, description: 'the new attempt' })
  reschedule(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() body: RescheduleDto,
  ): Promise<TaskView> {
    return this.deliveries.reschedule(coopOf(caller), id, body, 'console');
  }
}

/** A courier's own tasks: only those assigned to them; any other task id answers 404. */
@ApiTags('dispatch (courier)')
@Controller('api/dispatch/me/tasks')
export class OwnTasksController {
  constructor(@Inject(DeliveriesService) private readonly deliveries: DeliveriesService) {}

  @Get()
  @Access({ action: 'read', subject: 'OwnTask' })
  @ApiOkResponse({ type: TaskViewDto, isArray: true })
  async list(@CurrentPrincipal() caller: Caller): Promise<{ items: TaskView[] }> {
    return { items: await this.deliveries.ownTasks(coopOf(caller), caller.userId) };
  }

  @Post(':id/actions')
  @HttpCode(200)
  @Access({ action: 'update', subject: 'OwnTask' })
  @ApiOkResponse({ type: TaskViewDto })
  act(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() body: TaskActionDto,
  ): Promise<TaskView> {
    return this.deliveries.act(coopOf(caller), id, body, { kind: 'courier', userId: caller.userId }, 'courier_app');
  }
}
