import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type {
  BallotReceipt,
  ChainVerification,
  ProposalCommentView,
  ProposalTally,
  ProposalView,
} from '@federacycle/contracts';
import { Access, CurrentPrincipal, UuidPipe, coopOf, pageOf, type Caller } from '@federacycle/platform-http';
import { VotingService } from '../voting/voting.service';
import {
  BallotReceiptDto,
  CastBallotDto,
  ChainVerificationDto,
  CreateCommentDto,
  CreateProposalDto,
  EmptyDto,
  GrantProxyDto,
  ProposalCommentDto,
  ProposalListQueryDto,
  ProposalPageDto,
  ProposalViewDto,
  TallyDto,
  VoterDto,
} from './proposals.dto';
import { ProposalsService } from './proposals.service';

const READ = { action: 'read', subject: 'Proposal' } as const;
const TAKE_PART = { action: 'create', subject: 'Proposal' } as const;

/** A coop's proposals: drafting, discussing, voting, proxies, results and the chain check. */
@ApiTags('governance')
@Controller('api/governance/proposals')
export class ProposalsController {
  constructor(
    @Inject(ProposalsService) private readonly proposals: ProposalsService,
    @Inject(VotingService) private readonly voting: VotingService,
  ) {}

  @Get()
  @Access(READ)
  @ApiOkResponse({ type: ProposalPageDto })
  list(@CurrentPrincipal() caller: Caller, @Query() query: ProposalListQueryDto): Promise<ProposalPageDto> {
    const { limit, offset } = pageOf(query);
    return this.proposals.list(coopOf(caller), caller.userId, query.filter ?? 'all', limit, offset);
  }

  @Post()
  @HttpCode(201)
  @Access(TAKE_PART)
  @ApiCreatedResponse({ type: ProposalViewDto })
  create(@CurrentPrincipal() caller: Caller, @Body() body: CreateProposalDto): Promise<ProposalView> {
    return this.proposals.create(coopOf(caller), caller.userId, body);
  }

  @Get(':id')
  @Access(READ)
  @ApiOkResponse({ type: ProposalViewDto })
  get(@CurrentPrincipal() caller: Caller, @Param('id', UuidPipe) id: string): Promise<ProposalView> {
    return this.proposals.get(coopOf(caller), id, caller.userId);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Access(TAKE_PART)
  @ApiOkResponse({ type: ProposalViewDto })
  publish(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() _body: EmptyDto,
  ): Promise<ProposalView> {
    return this.proposals.publish(coopOf(caller), id, caller.userId);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Access(TAKE_PART)
  @ApiOkResponse({ type: ProposalViewDto })
  withdraw(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() _body: EmptyDto,
  ): Promise<ProposalView> {
    return this.proposals.withdraw(coopOf(caller), id, caller.userId);
  }

  @Get(':id/comments')
  @Access(READ)
  @ApiOkResponse({ type: [ProposalCommentDto] })
  comments(@CurrentPrincipal() caller: Caller, @Param('id', UuidPipe) id: string): Promise<ProposalCommentView[]> {
    return this.proposals.comments(coopOf(caller), id, caller.userId);
  }

  @Post(':id/comments')
  @HttpCode(201)
  @Access(TAKE_PART)
  @ApiCreatedResponse({ type: ProposalCommentDto })
  comment(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() body: CreateCommentDto,
  ): Promise<ProposalCommentView> {
    return this.proposals.comment(coopOf(caller), id, caller.userId, body.body);
  }

  @Get(':id/voters')
  @Access(READ)
  @ApiOkResponse({ type: [VoterDto] })
  voters(@CurrentPrincipal() caller: Caller, @Param('id', UuidPipe) id: string): Promise<VoterDto[]> {
    return this.proposals.voters(coopOf(caller), id);
  }

  @Post(':id/ballots')
  @HttpCode(201)
  @Access(TAKE_PART)
  @ApiCreatedResponse({ type: BallotReceiptDto })
  vote(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() body: CastBallotDto,
  ): Promise<BallotReceipt> {
    return this.voting.vote(coopOf(caller), id, caller.userId, body.choice, body.onBehalfOf?.toLowerCase());
  }

  @Post(':id/proxy')
  @HttpCode(201)
  @Access(TAKE_PART)
  @ApiCreatedResponse({ type: BallotReceiptDto })
  grantProxy(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() body: GrantProxyDto,
  ): Promise<BallotReceipt> {
    return this.voting.grantProxy(coopOf(caller), id, caller.userId, body.holderId.toLowerCase());
  }

  @Delete(':id/proxy')
  @Access(TAKE_PART)
  @ApiOkResponse({ type: BallotReceiptDto })
  revokeProxy(@CurrentPrincipal() caller: Caller, @Param('id', UuidPipe) id: string): Promise<BallotReceipt> {
    return this.voting.revokeProxy(coopOf(caller), id, caller.userId);
  }

  @Get(':id/tally')
  @Access(READ)
  @ApiOkResponse({ type: TallyDto })
  tally(@CurrentPrincipal() caller: Caller, @Param('id', UuidPipe) id: string): Promise<ProposalTally> {
    return this.proposals.tally(coopOf(caller), id);
  }

  @Get(':id/verify')
  @Access(READ)
  @ApiOkResponse({ type: ChainVerificationDto })
  verify(@CurrentPrincipal() caller: Caller, @Param('id', UuidPipe) id: string): Promise<ChainVerification> {
    return this.voting.verify(coopOf(caller), id);
  }
}
