import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CoopDirectoryEntry, Page } from '@federacycle/contracts';
import { Access, UuidPipe } from '@federacycle/platform-http';
import type { CoopState } from '../lifecycle/coop-lifecycle';
import { DecisionDto } from '../shared/decision.dto';
import { PageQueryDto, pageOf } from '../shared/paging';
import { CoopLifecycleService } from './coop-lifecycle.service';
import { CoopDirectoryPageDto, CoopTransitionDto } from './coops.dto';
import { OffboardCoopUseCase } from './usecases/offboard-coop/offboard-coop.usecase';

const COOP = { action: 'manage', subject: 'Coop' } as const;

type Transitioned = Promise<{ id: string; status: CoopState }>;

/** The federation admin's directory of member coops and their lifecycle. */
@ApiTags('federation (admin)')
@Controller('api/federation')
export class CoopsController {
  constructor(
    @Inject(CoopLifecycleService) private readonly coops: CoopLifecycleService,
    @Inject(OffboardCoopUseCase) private readonly offboarding: OffboardCoopUseCase,
  ) {}

  @Get('directory')
  @Access(COOP)
  @ApiOkResponse({ type: CoopDirectoryPageDto })
  directory(@Query() query: PageQueryDto): Promise<Page<CoopDirectoryEntry>> {
    const { limit, offset } = pageOf(query);
    return this.coops.directory(limit, offset);
  }

  @Post('coops/:coopId/suspend')
  @Access(COOP)
  @HttpCode(200)
  @ApiOkResponse({ type: CoopTransitionDto })
  suspend(@Param('coopId', UuidPipe) coopId: string, @Body() body: DecisionDto): Transitioned {
    return this.coops.transition(coopId, 'suspend', body.reason);
  }

  @Post('coops/:coopId/reinstate')
  @Access(COOP)
  @HttpCode(200)
  @ApiOkResponse({ type: CoopTransitionDto })
  reinstate(@Param('coopId', UuidPipe) coopId: string, @Body() body: DecisionDto): Transitioned {
    return this.coops.transition(coopId, 'reinstate', body.reason);
  }

  @Post('coops/:coopId/offboard')
  @Access(COOP)
  @HttpCode(200)
  @ApiOkResponse({ type: CoopTransitionDto })
  offboard(@Param('coopId', UuidPipe) coopId: string, @Body() body: DecisionDto): Transitioned {
    return this.offboarding.start(coopId, body.reason);
  }

  @Post('coops/:coopId/complete-offboarding')
  @Access(COOP)
  @HttpCode(200)
  @ApiOkResponse({ type: CoopTransitionDto })
  completeOffboarding(@Param('coopId', UuidPipe) coopId: string, @Body() body: DecisionDto): Transitioned {
    return this.offboarding.complete(coopId, body.reason);
  }
}
