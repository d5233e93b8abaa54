import { Body, Controller, Get, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type {
  CourierCandidateView,
  CourierView,
  DutyPeriodView,
  Page,
  WorkerOwnershipFiguresView,
} from '@federacycle/contracts';
import { Database } from '@federacycle/platform-database';
import {
  Access,
  CurrentPrincipal,
  PageQueryDto,
  UuidPipe,
  coopOf,
  pageOf,
  type Caller,
} from '@federacycle/platform-http';
import { DutyService } from '../duty/duty.service';
import { workerOwnershipView } from '../ownership/worker-ownership-figures';
import {
  CourierCandidateViewDto,
  CourierPageDto,
  CourierPatchDto,
  CourierViewDto,
  CouriersQueryDto,
  CreateCourierDto,
  DutyPeriodPageDto,
  WorkerOwnershipFiguresDto,
} from './couriers.dto';
import { CouriersService } from './couriers.service';

const READ = { action: 'read', subject: 'Courier' } as const;

/** The coop's couriers: coop admins manage them, dispatchers read them. */
@ApiTags('fleet')
@Controller('api/fleet')
export class CouriersController {
  constructor(
    @Inject(CouriersService) private readonly couriers: CouriersService,
    @Inject(DutyService) private readonly duty: DutyService,
    @Inject(Database) private readonly db: Database,
  ) {}

  @Get('couriers')
  @Access(READ)
  @ApiOkResponse({ type: CourierPageDto })
  list(@CurrentPrincipal() caller: Caller, @Query() query: CouriersQueryDto): Promise<Page<CourierView>> {
    const { limit, offset } = pageOf(query);
    return this.couriers.list(coopOf(caller), query, limit, offset);
  }

  @Get('couriers/candidates')
  @Access({ action: 'create', subject: 'Courier' })
  @ApiOkResponse({ type: [CourierCandidateViewDto] })
  candidates(@CurrentPrincipal() caller: Caller): Promise<CourierCandidateView[]> {
    return this.couriers.candidates(coopOf(caller));
  }

  @Get('couriers/:id')
  @Access(READ)
  @ApiOkResponse({ type: CourierViewDto })
  get(@CurrentPrincipal() caller: Caller, @Param('id', UuidPipe) id: string): Promise<CourierView> {
    return this.couriers.get(coopOf(caller), id);
  }

  @Get('couriers/:id/duty-periods')
  @Access(READ)
  @ApiOkResponse({ type: DutyPeriodPageDto })
  dutyPeriods(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<DutyPeriodView>> {
    const { limit, offset } = pageOf(query);
    return this.duty.history(coopOf(caller), { id }, limit, offset);
  }

  @Post('couriers')
  @Access({ action: 'create', subject: 'Courier' })
  @ApiCreatedResponse({ type: CourierViewDto })
  create(@CurrentPrincipal() caller: Caller, @Body() body: CreateCourierDto): Promise<CourierView> {
    return this.couriers.create(coopOf(caller), body);
  }

  @Patch('couriers/:id')
  @Access({ action: 'update', subject: 'Courier' })
  @ApiOkResponse({ type: CourierViewDto })
  update(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() body: CourierPatchDto,
  ): Promise<CourierView> {
    return this.couriers.update(coopOf(caller), id, body);
  }

  /** The coop's worker-ownership figures now, from real activity, with the federation's threshold. */
  @Get('ownership')
  @Access({ action: 'manage', subject: 'Courier' })
  @ApiOkResponse({ type: WorkerOwnershipFiguresDto })
  ownership(@CurrentPrincipal() caller: Caller): Promise<WorkerOwnershipFiguresView> {
    const coopId = coopOf(caller);
    return this.db.read((manager) => workerOwnershipView({ manager }, coopId));
  }
}
