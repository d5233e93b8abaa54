import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, PageQueryDto, coopOf, pageOf, type Caller } from '@federacycle/platform-http';
import { CreatePartnerClientDto, PartnerClientPage, PartnerClientView } from './partner-clients.dto';
import { PartnerClientsService } from './partner-clients.service';

/** The coop admin's view of the coop's partner clients (credentials: see the partner auth routes). */
@ApiTags('partners')
@Controller('api/partner-clients')
export class PartnerClientsController {
  constructor(@Inject(PartnerClientsService) private readonly clients: PartnerClientsService) {}

  @Get()
  @Access({ action: 'read', subject: 'PartnerClient' })
  @ApiOkResponse({ type: PartnerClientPage })
  list(@CurrentPrincipal() principal: Caller, @Query() query: PageQueryDto): Promise<PartnerClientPage> {
    const { limit, offset } = pageOf(query);
    return this.clients.list(coopOf(principal), limit, offset);
  }

  @Post()
  @HttpCode(201)
  @Access({ action: 'create', subject: 'PartnerClient' })
  @ApiCreatedResponse({ type: PartnerClientView })
  create(@CurrentPrincipal() principal: Caller, @Body() body: CreatePartnerClientDto): Promise<PartnerClientView> {
    return this.clients.create(coopOf(principal), body);
  }
}
