import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID } from 'class-validator';
import type {
  AcceptProposalRequest,
  AcceptProposalResult,
  PlanProposalResponse,
  PlanProposalView,
  ProposalConflict,
} from '@federacycle/contracts';

/** How many couriers one accept may name (a coop's on-duty fleet fits well within it). */
export const MAX_ACCEPT_COURIERS = 500;

export class AcceptProposalDto implements AcceptProposalRequest {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_ACCEPT_COURIERS,
    description: 'accept for these couriers only (all when omitted)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ACCEPT_COURIERS)
  @IsUUID('all', { each: true })
  courierIds?: string[];
}

class ProposedCourierDto {
  @ApiProperty({ format: 'uuid' })
  courierId!: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'open tasks for this courier, in route order' })
  taskIds!: string[];
}

class ProposalStatsDto {
  @ApiProperty({ description: 'the plan’s riding distance, km' })
  distanceKm!: number;

  @ApiProperty({ description: 'tasks the plan serves after their window closes' })
  lateTasks!: number;
}

export class PlanProposalViewDto implements PlanProposalView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: [ProposedCourierDto] })
  couriers!: ProposedCourierDto[];

  @ApiProperty({ type: [String], format: 'uuid', description: 'open tasks the plan could not place' })
  unassignedTaskIds!: string[];

  @ApiProperty({ type: ProposalStatsDto })
  stats!: ProposalStatsDto;
}

export class PlanProposalResponseDto implements PlanProposalResponse {
  @ApiProperty({ type: PlanProposalViewDto, nullable: true })
  proposal!: PlanProposalViewDto | null;
}

class ProposalConflictDto implements ProposalConflict {
  @ApiProperty({ format: 'uuid' })
  taskId!: string;

  @ApiProperty({ example: 'PROPOSAL_STALE', description: 'PROPOSAL_STALE, TASK_ALREADY_ASSIGNED, …' })
  code!: string;
}

export class AcceptProposalResultDto implements AcceptProposalResult {
  @ApiProperty({ description: 'tasks assigned' })
  assigned!: number;

  @ApiProperty({ type: [ProposalConflictDto], description: 'proposed tasks left as they are now, and why' })
  conflicts!: ProposalConflictDto[];
}
