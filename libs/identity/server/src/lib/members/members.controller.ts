import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { MemberView, Page } from '@federacycle/contracts';
import { Access, UuidPipe } from '@federacycle/platform-http';
import { CurrentPrincipal, coopOf, type Caller } from '../auth/current-principal.decorator';
import { PageQueryDto, pageOf } from '../shared/paging';
import { MemberPageDto, MemberViewDto, UpdateMemberRolesDto } from './members.dto';
import { MembersService } from './members.service';

/** The coop admin's "People" page. The coop is the token's, never the path's. */
@ApiTags('members')
@Controller('api/members')
export class MembersController {
  constructor(@Inject(MembersService) private readonly members: MembersService) {}

  @Get()
  @Access({ action: 'read', subject: 'Member' })
  @ApiOkResponse({ type: MemberPageDto })
  list(@CurrentPrincipal() principal: Caller, @Query() query: PageQueryDto): Promise<Page<MemberView>> {
    const { limit, offset } = pageOf(query);
    return this.members.list(coopOf(principal), limit, offset);
  }

  @Get(':userId')
  @Access({ action: 'read', subject: 'Member' })
  @ApiOkResponse({ type: MemberViewDto })
  get(@CurrentPrincipal() principal: Caller, @Param('userId', UuidPipe) userId: string): Promise<MemberView> {
    return this.members.get(coopOf(principal), userId);
  }

  @Patch(':userId')
  @Access({ action: 'update', subject: 'Member' })
  @ApiOkResponse({ type: MemberViewDto })
  updateRoles(
    @CurrentPrincipal() principal: Caller,
    @Param('userId', UuidPipe) userId: string,
    @Body() body: UpdateMemberRolesDto,
  ): Promise<MemberView> {
    return this.members.updateRoles(coopOf(principal), principal.userId, userId, body.roles);
  }

  @Post(':userId/disable')
  @HttpCode(200)
  @Access({ action: 'update', subject: 'Member' })
  @ApiOkResponse({ type: MemberViewDto })
  disable(@CurrentPrincipal() principal: Caller, @Param('userId', UuidPipe) userId: string): Promise<MemberView> {
    return this.members.setStatus(coopOf(principal), principal.userId, userId, 'disabled');
  }

  @Post(':userId/enable')
  @HttpCode(200)
  @Access({ action: 'update', subject: 'Member' })
  @ApiOkResponse({ type: MemberViewDto })
  enable(@CurrentPrincipal() principal: Caller, @Param('userId', UuidPipe) userId: string): Promise<MemberView> {
    return this.members.setStatus(coopOf(principal), principal.userId, userId, 'active');
  }
}
