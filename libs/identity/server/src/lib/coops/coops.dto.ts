import { ApiProperty } from '@nestjs/swagger';
import {
  IsString,
  Length,
  Matches,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import type { CoopStatus, CoopView, CreateCoopRequest, Page } from '@federacycle/contracts';

/** An IANA time zone the runtime knows (Europe/Paris), not an offset or an abbreviation. */
@ValidatorConstraint({ name: 'isTimeZone' })
export class IsTimeZone implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || !/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$/.test(value)) return false;
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }

  defaultMessage(): string {
    return 'timezone must be an IANA time zone such as Europe/Paris';
  }
}

export class CreateCoopDto implements CreateCoopRequest {
  @ApiProperty({ example: 'lyon', pattern: '^[a-z0-9][a-z0-9-]{1,40}$' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,40}$/, { message: 'slug must be 2–41 lower-case letters, digits or dashes' })
  slug!: string;

  @ApiProperty({ example: 'Coursiers Lyonnais' })
  @IsString()
  @Length(1, 120)
  name!: string;

  @ApiProperty({ example: 'Lyon' })
  @IsString()
  @Length(1, 120)
  city!: string;

  @ApiProperty({ example: 'FR', description: 'ISO 3166-1 alpha-2' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as FR' })
  country!: string;

  @ApiProperty({ example: 'Europe/Paris' })
  @Validate(IsTimeZone)
  timezone!: string;

  @ApiProperty({ example: 'EUR', description: 'ISO 4217' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency!: string;
}

export class CoopViewDto implements CoopView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() name!: string;
  @ApiProperty() city!: string;
  @ApiProperty() country!: string;
  @ApiProperty() timezone!: string;
  @ApiProperty() currency!: string;
  @ApiProperty({ enum: ['active', 'suspended', 'offboarding', 'offboarded'] }) status!: CoopStatus;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class CoopPageDto implements Page<CoopView> {
  @ApiProperty({ type: [CoopViewDto] }) items!: CoopViewDto[];
  @ApiProperty() total!: number;
}
