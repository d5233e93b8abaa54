import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import type { AvailabilitySlot } from '@federacycle/contracts';

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/;

/** One recurring weekly slot, in the coop's local time. */
export class AvailabilitySlotDto implements AvailabilitySlot {
  @ApiProperty({ minimum: 1, maximum: 7, description: '1 = Monday … 7 = Sunday' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: number;

  @ApiProperty({ example: '08:00', pattern: 'HH:MM' })
  @IsString()
  @Matches(TIME, { message: 'start must be a time HH:MM' })
  start!: string;

  @ApiProperty({ example: '14:30', pattern: 'HH:MM (24:00 ends at midnight)' })
  @IsString()
  @Matches(TIME, { message: 'end must be a time HH:MM' })
  end!: string;
}
