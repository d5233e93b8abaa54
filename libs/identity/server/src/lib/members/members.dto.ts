import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsIn } from 'class-validator';
import {
  COOP_ROLES,
  type CoopRole,
  type MemberView,
  type Page,
  type UpdateMemberRolesRequest,
  type UserStatus,
} from '@federacycle/contracts';

export class UpdateMemberRolesDto implements UpdateMemberRolesRequest {
  @ApiProperty({ enum: COOP_ROLES, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(COOP_ROLES.length)
  @ArrayUnique()
  @IsIn(COOP_ROLES, { each: true })
  roles!: CoopRole[];
}

export class MemberViewDto implements MemberView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: COOP_ROLES, isArray: true }) roles!: CoopRole[];
  @ApiProperty({ enum: ['active', 'disabled'] }) status!: UserStatus;
  @ApiProperty({ enum: ['active', 'disabled'] }) membershipStatus!: 'active' | 'disabled';
  @ApiProperty({ format: 'date-time' }) joinedAt!: string;
}

export class MemberPageDto implements Page<MemberView> {
  @ApiProperty({ type: [MemberViewDto] }) items!: MemberViewDto[];
  @ApiProperty() total!: number;
}
