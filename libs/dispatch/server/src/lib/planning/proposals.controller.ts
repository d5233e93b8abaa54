import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AcceptProposalResult, PlanProposalResponse } from '@federacycle/contracts';
import { Access, CurrentPrincipal, coopOf, type Caller } from '@federacycle/platform-http';
import { AcceptProposalDto, AcceptProposalResultDto, PlanProposalResponseDto } from './proposals.dto';
import { ProposalsService } from './proposals.service';

/** The planner's proposal in suggest mode: dispatchers and admins read it, dispatchers accept it. */
@ApiTags('dispatch')
@Controller('api/dispatch/proposal')
export class ProposalsController {
  constructor(@Inject(ProposalsService) private readonly proposals: ProposalsService) {}

  @Get()
  @Access({ action: 'read', subject: 'Dispatch' })
  @ApiOkResponse({ type: PlanProposalResponseDto })
  async current(@CurrentPrincipal() caller: Caller): Promise<PlanProposalResponse> {
    return { proposal: await this.proposals.current(coopOf(caller)) };
  }

  @Post('accept')
  @HttpCode(200)
  @Access({ action: 'update', subject: 'Dispatch' })
  @ApiOkResponse({ type: AcceptProposalResultDto })
  @ApiNotFoundResponse({ description: 'NO_PROPOSAL: nothing to accept' })
  accept(@CurrentPrincipal() caller: Caller, @Body() body: AcceptProposalDto): Promise<AcceptProposalResult> {
    return this.proposals.accept(coopOf(caller), body.courierIds);
  }
}
