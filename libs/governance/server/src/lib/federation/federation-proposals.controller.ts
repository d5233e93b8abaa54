import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsUUID } from 'class-validator';
import {
  BALLOT_CHOICES,
  type BallotChoice,
  type BallotReceipt,
  type ChainVerification,
  type ProposalCommentView,
} from '@federacycle/contracts';
import { Access, CurrentPrincipal, UuidPipe, coopOf, type Caller } from '@federacycle/platform-http';
import {
  BallotReceiptDto,
  ChainVerificationDto,
  CreateCommentDto,
  CreateProposalDto,
  EmptyDto,
  ProposalCommentDto,
} from '../proposals/proposals.dto';
import { FederationProposalsService, type FederationProposalView } from './federation-proposals.service';

export class FederationBallotBodyDto {
  @ApiProperty({ enum: BALLOT_CHOICES })
  @IsIn(BALLOT_CHOICES)
  choice!: BallotChoice;
}

export class FederationProposalDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: Object, nullable: true }) tally!: unknown;
}

export class DelegatesDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'the members who vote for the coop' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  userIds!: string[];
}

export class DelegateDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() name!: string;
}

/**
 * Federation proposals: any coop member or admin and the federation admins read them; a
 * federation admin or a coop's delegate drafts; a delegate votes for their coop. Who may do what
 * depends on the caller's platform role or their coop's delegates, checked by the service.
 */
@ApiTags('governance (federation)')
@Controller('api/governance/federation/proposals')
export class FederationProposalsController {
  constructor(@Inject(FederationProposalsService) private readonly proposals: FederationProposalsService) {}

  @Get()
  @Access('authenticated')
  @ApiOkResponse({ type: [FederationProposalDto] })
  list(@CurrentPrincipal() caller: Caller): Promise<FederationProposalView[]> {
    return this.proposals.list(caller);
  }

  @Post()
  @HttpCode(201)
  @Access('authenticated')
  @ApiCreatedResponse({ type: FederationProposalDto })
  create(@CurrentPrincipal() caller: Caller, @Body() body: CreateProposalDto): Promise<FederationProposalView> {
    return this.proposals.create(caller, body);
  }

  @Get(':id')
  @Access('authenticated')
  @ApiOkResponse({ type: FederationProposalDto })
  get(@CurrentPrincipal() caller: Caller, @Param('id', UuidPipe) id: string): Promise<FederationProposalView> {
    return this.proposals.get(caller, id);
  }

  @Put(':id')
  @Access('authenticated')
  @ApiOkResponse({ type: FederationProposalDto })
  update(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() body: CreateProposalDto,
  ): Promise<FederationProposalView> {
    return this.proposals.update(caller, id, body);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Access('authenticated')
  @ApiOkResponse({ type: FederationProposalDto })
  publish(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() _body: EmptyDto,
  ): Promise<FederationProposalView> {
    return this.proposals.publish(caller, id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Access('authenticated')
  @ApiOkResponse({ type: FederationProposalDto })
  withdraw(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() _body: EmptyDto,
  ): Promise<FederationProposalView> {
    return this.proposals.withdraw(caller, id);
  }

  @Get(':id/comments')
  @Access('authenticated')
  @ApiOkResponse({ type: [ProposalCommentDto] })
  comments(@CurrentPrincipal() caller: Caller, @Param('id', UuidPipe) id: string): Promise<ProposalCommentView[]> {
    return this.proposals.comments(caller, id);
  }

  @Post(':id/comments')
  @HttpCode(201)
  @Access('authenticated')
  @ApiCreatedResponse({ type: ProposalCommentDto })
  comment(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() body: CreateCommentDto,
  ): Promise<ProposalCommentView> {
    return this.proposals.comment(caller, id, body.body);
  }

  @Post(':id/ballots')
  @HttpCode(201)
  @Access('authenticated')
  @ApiCreatedResponse({ type: BallotReceiptDto })
  vote(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() body: FederationBallotBodyDto,
  ): Promise<BallotReceipt> {
    return this.proposals.vote(caller, id, body.choice);
  }

  @Get(':id/verify')
  @Access('authenticated')
  @ApiOkResponse({ type: ChainVerificationDto })
  verify(@CurrentPrincipal() caller: Caller, @Param('id', UuidPipe) id: string): Promise<ChainVerification> {
    return this.proposals.verify(caller, id);
  }
}

/** A coop's delegates to the federation's votes. */
@ApiTags('governance (federation)')
@Controller('api/governance/delegates')
export class DelegatesController {
  constructor(@Inject(FederationProposalsService) private readonly proposals: FederationProposalsService) {}

  @Get()
  @Access({ action: 'read', subject: 'Proposal' })
  @ApiOkResponse({ type: [DelegateDto] })
  list(@CurrentPrincipal() caller: Caller): Promise<DelegateDto[]> {
    return this.proposals.delegates(coopOf(caller));
  }

  @Put()
  @Access({ action: 'manage', subject: 'Settings' })
  @ApiOkResponse({ type: [DelegateDto] })
  set(@CurrentPrincipal() caller: Caller, @Body() body: DelegatesDto): Promise<DelegateDto[]> {
    return this.proposals.setDelegates(
      coopOf(caller),
      body.userIds.map((id) => id.toLowerCase()),
    );
  }
}
