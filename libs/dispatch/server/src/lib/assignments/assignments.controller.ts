import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TaskView } from '@federacycle/contracts';
import { Access, CurrentPrincipal, UuidPipe, coopOf, type Caller } from '@federacycle/platform-http';
import { EmptyBodyDto, TaskPageDto, TaskViewDto } from '../deliveries/deliveries.dto';
import { AssignDto, BulkAssignDto, ReassignDto, CourierTaskOrderDto } from './assignments.dto';
import { AssignmentsService } from './assignments.service';

const DISPATCH = { action: 'update', subject: 'Dispatch' } as const;

/** Giving tasks to couriers: dispatchers only. */
@ApiTags('dispatch')
@Controller('api/dispatch')
export class AssignmentsController {
  constructor(@Inject(AssignmentsService) private readonly assignments: AssignmentsService) {}

  @Post('tasks/:id/assign')
  @HttpCode(200)
  @Access(DISPATCH)
  @ApiOkResponse({ type: TaskViewDto })
  assign(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() body: AssignDto,
  ): Promise<TaskView> {
    return this.assignments.assign(coopOf(caller), id, body.courierId, {
      pinned: body.pinned ?? true,
      source: 'console',
    });
  }

  @Post('tasks/:id/unassign')
  @HttpCode(200)
  @Access(DISPATCH)
  @ApiOkResponse({ type: TaskViewDto })
  unassign(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() _body: EmptyBodyDto,
  ): Promise<TaskView> {
    return this.assignments.unassign(coopOf(caller), id, 'console');
  }

  @Post('tasks/:id/reassign')
  @HttpCode(200)
  @Access(DISPATCH)
  @ApiOkResponse({ type: TaskViewDto })
  reassign(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() body: ReassignDto,
  ): Promise<TaskView> {
    return this.assignments.reassign(coopOf(caller), id, body.fromCourierId, body.toCourierId, {
      pinned: true,
      source: 'console',
    });
  }

  @Post('assignments/bulk')
  @HttpCode(200)
  @Access(DISPATCH)
  @ApiOkResponse({ type: TaskPageDto })
  async bulk(
    @CurrentPrincipal() caller: Caller,
    @Body() body: BulkAssignDto,
  ): Promise<{ items: TaskView[]; total: number }> {
    const items = await this.assignments.bulkAssign(coopOf(caller), body.taskIds, body.courierId, {
      pinned: true,
      source: 'console',
    });
    return { items, total: items.length };
  }

  @Get('couriers/:id/tasks')
  @Access({ action: 'read', subject: 'Dispatch' })
  @ApiOkResponse({ type: TaskPageDto })
  async courierList(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
  ): Promise<{ items: TaskView[]; total: number }> {
    const items = await this.assignments.courierList(coopOf(caller), id);
    return { items, total: items.length };
  }

  @Put('couriers/:id/tasks/order')
  @Access(DISPATCH)
  @ApiOkResponse({ type: TaskPageDto })
  async reorder(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() body: CourierTaskOrderDto,
  ): Promise<{ items: TaskView[]; total: number }> {
    const items = await this.assignments.reorder(coopOf(caller), id, body.taskIds, 'console');
    return { items, total: items.length };
  }
}
