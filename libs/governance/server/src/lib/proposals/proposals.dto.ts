import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDefined,
  IsIn,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import {
  BALLOT_CHOICES,
  SETTING_KEYS,
  type BallotChoice,
  type BallotReceipt,
  type ChainVerification,
  type ProposalChangeView,
  type ProposalCommentView,
  type ProposalMe,
  type ProposalOutcome,
  type ProposalStatus,
  type ProposalSummary,
  type ProposalTally,
  type ProposalView,
  type SettingKey,
  type SettingValue,
} from '@federacycle/contracts';
import { PageQueryDto } from '@federacycle/platform-http';

/** One setting change: the key and its new value (checked against the catalogue's schema). */
export class ProposalChangeDto {
  @ApiProperty({ enum: SETTING_KEYS, example: 'dispatch_mode' })
  @IsString()
  @Length(1, 64)
  key!: string;

  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }], example: 'suggest' })
  @IsDefined()
  value!: unknown;
}

export class CreateProposalDto {
  @ApiProperty({ minLength: 3, maxLength: 160 })
  @IsString()
  @Length(3, 160)
  title!: string;

  @ApiProperty({ description: 'Markdown, rendered safely', maxLength: 20000 })
  @IsString()
  @Length(1, 20000)
  rationale!: string;

  @ApiProperty({ type: [ProposalChangeDto] })
  @ValidateNested({ each: true })
  @Type(() => ProposalChangeDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  changes!: ProposalChangeDto[];

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  opensAt!: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  closesAt!: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'share of voters who must vote, percent' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  quorumPercent?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'share of yes among yes + no, percent' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  thresholdPercent?: number;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  hiddenResults?: boolean;
}

export const PROPOSAL_LIST_FILTERS = ['open', 'upcoming', 'closed', 'draft', 'all'] as const;
export type ProposalListFilter = (typeof PROPOSAL_LIST_FILTERS)[number];

export class ProposalListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PROPOSAL_LIST_FILTERS, default: 'all' })
  @IsOptional()
  @IsIn(PROPOSAL_LIST_FILTERS)
  filter?: ProposalListFilter;
}

/** A route that takes no body still refuses unknown fields. */
export class EmptyDto {}

export class CastBallotDto {
  @ApiProperty({ enum: BALLOT_CHOICES })
  @IsIn(BALLOT_CHOICES)
  choice!: BallotChoice;

  @ApiPropertyOptional({ format: 'uuid', description: 'the member whose proxy the caller holds' })
  @IsOptional()
  @IsUUID()
  onBehalfOf?: string;
}

export class GrantProxyDto {
  @ApiProperty({ format: 'uuid', description: 'the member who will vote for the caller' })
  @IsUUID()
  holderId!: string;
}

export class CreateCommentDto {
  @ApiProperty({ minLength: 1, maxLength: 4000 })
  @IsString()
  @Length(1, 4000)
  body!: string;
}

export class ProposalChangeViewDto implements ProposalChangeView {
  @ApiProperty({ enum: SETTING_KEYS }) key!: SettingKey;
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] }) from!: SettingValue;
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] }) to!: SettingValue;
}

export class ProposalSummaryDto implements ProposalSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() status!: ProposalStatus;
  @ApiProperty({ nullable: true, type: String }) outcome!: ProposalOutcome | null;
  @ApiProperty({ format: 'date-time' }) opensAt!: string;
  @ApiProperty({ format: 'date-time' }) closesAt!: string;
  @ApiProperty() hiddenResults!: boolean;
  @ApiProperty() voters!: number;
  @ApiProperty() voted!: number;
  @ApiProperty({ nullable: true, type: Number }) participationPercent!: number | null;
  @ApiProperty({ type: [ProposalChangeViewDto] }) changes!: ProposalChangeView[];
}

export class ProposalPageDto {
  @ApiProperty({ type: [ProposalSummaryDto] }) items!: ProposalSummary[];
  @ApiProperty() total!: number;
}

export class ProposalViewDto extends ProposalSummaryDto implements ProposalView {
  @ApiProperty({ format: 'uuid' }) authorId!: string;
  @ApiProperty() authorName!: string;
  @ApiProperty() rationale!: string;
  @ApiProperty() quorumPercent!: number;
  @ApiProperty() thresholdPercent!: number;
  @ApiProperty() statutory!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) openedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) enactedAt!: string | null;
  @ApiProperty() chainHead!: string;
  @ApiProperty() ballotCount!: number;
  @ApiProperty({ nullable: true, type: Object, description: 'null while hidden' }) tally!: ProposalTally | null;
  @ApiProperty({ type: Object }) me!: ProposalMe;
}

export class TallyDto {
  @ApiProperty() voters!: number;
  @ApiProperty() voted!: number;
  @ApiProperty() yes!: number;
  @ApiProperty() no!: number;
  @ApiProperty() abstain!: number;
  @ApiProperty() participationPercent!: number;
  @ApiProperty({ nullable: true, type: Number }) yesPercent!: number | null;
  @ApiProperty({ type: [Object] }) colleges!: ProposalTally['colleges'];
  @ApiProperty() quorumReached!: boolean;
  @ApiProperty() outcome!: ProposalOutcome;
  @ApiProperty() chainHead!: string;
  @ApiProperty() ballots!: number;
}

export class BallotReceiptDto implements BallotReceipt {
  @ApiProperty() seq!: number;
  @ApiProperty() hash!: string;
  @ApiProperty() chainHead!: string;
  @ApiProperty({ format: 'date-time' }) castAt!: string;
}

export class ChainVerificationDto implements ChainVerification {
  @ApiProperty() ok!: boolean;
  @ApiProperty() ballots!: number;
  @ApiProperty() head!: string;
  @ApiProperty({ nullable: true, type: Number }) brokenAt!: number | null;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
}

export class ProposalCommentDto implements ProposalCommentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) authorId!: string;
  @ApiProperty() authorName!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class VoterDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) college!: string | null;
}
