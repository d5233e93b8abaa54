import { Body, Controller, Delete, Get, HttpCode, Inject, Ip, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { InvitationPreview, InvitationView, Page, SessionResponse } from '@federacycle/contracts';
import { Access, ApiException, UuidPipe } from '@federacycle/platform-http';
import { SessionResponseDto } from '../auth/auth.dto';
import { CurrentPrincipal, coopOf, type Caller } from '../auth/current-principal.decorator';
import { NoStore } from '../auth/no-store.decorator';
import { PageQueryDto, pageOf } from '../shared/paging';
import { AcceptInvitationUseCase } from '../usecases/accept-invitation/accept-invitation.usecase';
import {
  AcceptInvitationDto,
  CreateInvitationDto,
  InvitationPageDto,
  InvitationPreviewDto,
  InvitationViewDto,
} from './invitations.dto';
import { InvitationsService } from './invitations.service';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

function checkToken(token: string): string {
  if (!TOKEN.test(token))
    throw new ApiException(404, 'LINK_INVALID', 'This invitation link is not valid or was already used');
  return token;
}

@ApiTags('invitations')
@Controller('api/invitations')
export class InvitationsController {
  constructor(
    @Inject(InvitationsService) private readonly invitations: InvitationsService,
    @Inject(AcceptInvitationUseCase) private readonly acceptUseCase: AcceptInvitationUseCase,
  ) {}

  @Get()
  @Access({ action: 'read', subject: 'Invitation' })
  @ApiOkResponse({ type: InvitationPageDto })
  list(@CurrentPrincipal() principal: Caller, @Query() query: PageQueryDto): Promise<Page<InvitationView>> {
    const { limit, offset } = pageOf(query);
    return this.invitations.list(coopOf(principal), limit, offset);
  }

  @Post()
  @Access({ action: 'create', subject: 'Invitation' })
  @ApiCreatedResponse({ type: InvitationViewDto })
  create(
    @CurrentPrincipal() principal: Caller,
    @Body() body: CreateInvitationDto,
    @Ip() ip: string,
  ): Promise<InvitationView> {
    return this.invitations.create(coopOf(principal), principal.userId, body.email, body.roles, ip);
  }

  @Delete(':id')
  @HttpCode(204)
  @Access({ action: 'delete', subject: 'Invitation' })
  @ApiNoContentResponse({ description: 'revoked' })
  async revoke(@CurrentPrincipal() principal: Caller, @Param('id', UuidPipe) id: string): Promise<void> {
    await this.invitations.revoke(coopOf(principal), id);
  }

  @Get('by-token/:token')
  @Access('public')
  @ApiOkResponse({ type: InvitationPreviewDto })
  preview(@Param('token') token: string, @Ip() ip: string): Promise<InvitationPreview> {
    return this.invitations.preview(checkToken(token), ip);
  }

  @Post('by-token/:token/accept')
  @HttpCode(200)
  @Access('public')
  @NoStore()
  @ApiOkResponse({ type: SessionResponseDto })
  accept(@Param('token') token: string, @Body() body: AcceptInvitationDto, @Ip() ip: string): Promise<SessionResponse> {
    return this.acceptUseCase.execute({ token: checkToken(token), name: body.name, password: body.password, ip });
  }
}
