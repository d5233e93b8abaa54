import { ApiProperty } from '@nestjs/swagger';
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
