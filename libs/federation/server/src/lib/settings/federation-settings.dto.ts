import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import type { FederationSettingsView } from '@federacycle/contracts';

/** Upper bound of the grace period setting, in days. */
export const MAX_GRACE_DAYS = 365;

export class FederationSettingsDto implements FederationSettingsView {
  @ApiProperty({ minimum: 0, maximum: MAX_GRACE_DAYS }) licenceGraceDays!: number;
  @ApiProperty({
    exclusiveMinimum: true,
    minimum: 0,
    maximum: 1,
    description: 'share of active couriers who must be members',
  })
  workerOwnershipThreshold!: number;
}

/** PATCH /api/federation/settings: only known keys, each in range. */
export class UpdateFederationSettingsDto implements Partial<FederationSettingsView> {
  @ApiPropertyOptional({ minimum: 0, maximum: MAX_GRACE_DAYS })
  @IsOptional()
  @IsInt({ message: `The grace period is a whole number of days between 0 and ${MAX_GRACE_DAYS}.` })
  @Min(0, { message: `The grace period is a whole number of days between 0 and ${MAX_GRACE_DAYS}.` })
  @Max(MAX_GRACE_DAYS, { message: `The grace period is a whole number of days between 0 and ${MAX_GRACE_DAYS}.` })
  licenceGraceDays?: number;

  @ApiPropertyOptional({ exclusiveMinimum: true, minimum: 0, maximum: 1 })
  @IsOptional()
  @IsNumber(
    { allowNaN: false, allowInfinity: false },
    { message: 'The threshold is a share above 0 and at most 1 (e.g. 0.5).' },
  )
  @Min(Number.MIN_VALUE, { message: 'The threshold is a share above 0 and at most 1 (e.g. 0.5).' })
  @Max(1, { message: 'The threshold is a share above 0 and at most 1 (e.g. 0.5).' })
  workerOwnershipThreshold?: number;
}
