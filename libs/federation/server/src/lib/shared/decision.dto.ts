import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { DecisionRequest } from '@federacycle/contracts';

/** The body of a decision (approve, reject, suspend, reinstate, offboard, revoke): an optional reason. */
export class DecisionDto implements DecisionRequest {
  @ApiPropertyOptional({ maxLength: 2000, description: 'required to reject, suspend, reinstate, offboard or revoke' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

/**
 * The body of an action that takes none (start review, issue a licence, unpublish): `{}` or no
 * body; any field is refused (400 VALIDATION_FAILED) like on every other route.
 */
export class NoBodyDto {}
