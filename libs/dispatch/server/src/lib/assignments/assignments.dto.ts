import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional, IsUUID } from 'class-validator';
import {
  MAX_BULK_ASSIGN,
  type AssignRequest,
  type BulkAssignRequest,
  type ReassignRequest,
  type CourierTaskOrderRequest,
} from '@federacycle/contracts';

export class AssignDto implements AssignRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  courierId!: string;

  @ApiPropertyOptional({ default: true, description: 'a manual decision the planner keeps' })
  @IsOptional()
  @IsBoolean()
  pinned?: boolean;
}

export class ReassignDto implements ReassignRequest {
  @ApiProperty({ format: 'uuid', description: 'the courier holding the task when the dispatcher looked' })
  @IsUUID()
  fromCourierId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  toCourierId!: string;
}

export class BulkAssignDto implements BulkAssignRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  courierId!: string;

  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: MAX_BULK_ASSIGN })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_ASSIGN)
  @IsUUID('all', { each: true })
  taskIds!: string[];
}

export class CourierTaskOrderDto implements CourierTaskOrderRequest {
  @ApiProperty({ type: [String], format: 'uuid', maxItems: 500 })
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  taskIds!: string[];
}
