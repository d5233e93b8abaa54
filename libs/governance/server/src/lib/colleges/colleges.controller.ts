import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import type { CollegeView, CollegesView } from '@federacycle/contracts';
import { Access, CurrentPrincipal, UuidPipe, coopOf, type Caller } from '@federacycle/platform-http';
import { CollegesService } from './colleges.service';

const WEIGHT = { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 } as const;

export class CreateCollegeDto {
  @ApiProperty({ minLength: 1, maxLength: 80, example: 'Workers' })
  @IsString()
  @Length(1, 80)
  name!: string;

  @ApiProperty({ minimum: 0.001, maximum: 100, description: 'share of the vote, percent', example: 50 })
  @IsNumber(WEIGHT)
  @Min(0.001)
  @Max(100)
  weight!: number;
}

export class UpdateCollegeDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 80 })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  name?: string;

  @ApiPropertyOptional({ minimum: 0.001, maximum: 100, description: 'share of the vote, percent' })
  @IsOptional()
  @IsNumber(WEIGHT)
  @Min(0.001)
  @Max(100)
  weight?: number;
}

export class CollegeMembersDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'the members who vote in this college' })
  @IsArray()
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true })
  userIds!: string[];
}

class CollegeMemberDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() name!: string;
}

class CollegeDto implements CollegeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() weight!: number;
  @ApiProperty({ type: [CollegeMemberDto] }) members!: CollegeMemberDto[];
}

class VotingMemberDto extends CollegeMemberDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) collegeId!: string | null;
}

export class CollegesDto implements CollegesView {
  @ApiProperty({ type: [CollegeDto] }) colleges!: CollegeDto[];
  @ApiProperty({ type: [VotingMemberDto] }) members!: VotingMemberDto[];
  @ApiProperty({ description: 'the sum of the weights, percent (at most 100)' }) totalWeight!: number;
}

const MANAGE = { action: 'manage', subject: 'Settings' } as const;

/**
 * A coop's voting colleges: members read them (they decide how votes weigh), a coop admin
 * defines them and places members. Open proposals keep the colleges of their voters' snapshot.
 */
@ApiTags('governance')
@Controller('api/governance/colleges')
export class CollegesController {
  constructor(@Inject(CollegesService) private readonly colleges: CollegesService) {}

  @Get()
  @Access({ action: 'read', subject: 'Proposal' })
  @ApiOkResponse({ type: CollegesDto })
  view(@CurrentPrincipal() caller: Caller): Promise<CollegesView> {
    return this.colleges.view(coopOf(caller));
  }

  @Post()
  @HttpCode(201)
  @Access(MANAGE)
  @ApiCreatedResponse({ type: CollegesDto })
  create(@CurrentPrincipal() caller: Caller, @Body() body: CreateCollegeDto): Promise<CollegesView> {
    return this.colleges.create(coopOf(caller), body.name, body.weight);
  }

  @Patch(':id')
  @Access(MANAGE)
  @ApiOkResponse({ type: CollegesDto })
  update(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() body: UpdateCollegeDto,
  ): Promise<CollegesView> {
    return this.colleges.update(coopOf(caller), id, body);
  }

  @Delete(':id')
  @Access(MANAGE)
  @ApiOkResponse({ type: CollegesDto })
  remove(@CurrentPrincipal() caller: Caller, @Param('id', UuidPipe) id: string): Promise<CollegesView> {
    return this.colleges.remove(coopOf(caller), id);
  }

  @Put(':id/members')
  @Access(MANAGE)
  @ApiOkResponse({ type: CollegesDto })
  setMembers(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Body() body: CollegeMembersDto,
  ): Promise<CollegesView> {
    return this.colleges.setMembers(
      coopOf(caller),
      id,
      body.userIds.map((u) => u.toLowerCase()),
    );
  }
}
