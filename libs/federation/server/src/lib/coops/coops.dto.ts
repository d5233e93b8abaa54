import { ApiProperty } from '@nestjs/swagger';
import type { CoopDirectoryEntry, Page, StandingMode } from '@federacycle/contracts';
import { COOP_STATES, type CoopState } from '../lifecycle/coop-lifecycle';

export class CoopDirectoryEntryDto implements CoopDirectoryEntry {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() name!: string;
  @ApiProperty() city!: string;
  @ApiProperty() country!: string;
  @ApiProperty({ enum: COOP_STATES }) status!: CoopState;
  @ApiProperty({ enum: ['licensed', 'grace', 'sandbox', 'restricted'] }) standing!: StandingMode;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) licenceExpiresAt!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'share of active couriers who are members' })
  memberShare!: number | null;
}

export class CoopDirectoryPageDto implements Page<CoopDirectoryEntry> {
  @ApiProperty({ type: [CoopDirectoryEntryDto] }) items!: CoopDirectoryEntryDto[];
  @ApiProperty() total!: number;
}

/** The answer of a coop transition. */
export class CoopTransitionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: COOP_STATES }) status!: CoopState;
}
