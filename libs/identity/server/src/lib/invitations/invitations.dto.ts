import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  COOP_ROLES,
  type AcceptInvitationRequest,
  type CoopRole,
  type CreateInvitationRequest,
  type InvitationPreview,
  type InvitationView,
  type Page,
} from '@federacycle/contracts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../shared/passwords';

export class CreateInvitationDto implements CreateInvitationRequest {
  @ApiProperty({ example: 'new.rider@example.org' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: COOP_ROLES, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(COOP_ROLES.length)
  @ArrayUnique()
  @IsIn(COOP_ROLES, { each: true })
  roles!: CoopRole[];
}

export class AcceptInvitationDto implements AcceptInvitationRequest {
  @ApiPropertyOptional({ description: 'required for a new user' })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  name?: string;

  @ApiPropertyOptional({ description: 'required for a new user', minLength: MIN_PASSWORD_LENGTH })
  @IsOptional()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password?: string;
}

export class InvitationViewDto implements InvitationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: COOP_ROLES, isArray: true }) roles!: CoopRole[];
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) acceptedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({
    description:
      "only in an invite's answer: it replaced the email's earlier pending invitation (that link no longer works)",
  })
  replaced?: boolean;
  @ApiPropertyOptional({
    description: "only in an invite's answer: the ids of the invitations it replaced",
    type: [String],
    format: 'uuid',
  })
  replacedIds?: string[];
}

export class InvitationPageDto implements Page<InvitationView> {
  @ApiProperty({ type: [InvitationViewDto] }) items!: InvitationViewDto[];
  @ApiProperty() total!: number;
}

export class InvitationPreviewDto implements InvitationPreview {
  @ApiProperty() coopName!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: COOP_ROLES, isArray: true }) roles!: CoopRole[];
  @ApiProperty() existingUser!: boolean;
}
