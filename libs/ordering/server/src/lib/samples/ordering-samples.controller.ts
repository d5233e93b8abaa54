import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, PageQueryDto, coopOf, pageOf, type Caller } from '@federacycle/platform-http';
import { CreateOrderingSampleDto, OrderingSamplePage, OrderingSampleView } from './ordering-samples.dto';
import { OrderingSamplesService } from './ordering-samples.service';

@ApiTags('ordering')
@Controller('api/ordering/samples')
export class OrderingSamplesController {
  constructor(@Inject(OrderingSamplesService) private readonly samples: OrderingSamplesService) {}

  @Get()
  @Access({ action: 'read', subject: 'PartnerClient' })
  @ApiOkResponse({ type: OrderingSamplePage })
  list(@CurrentPrincipal() principal: Caller, @Query() query: PageQueryDto): Promise<OrderingSamplePage> {
    const { limit, offset } = pageOf(query);
    return this.samples.list(coopOf(principal), limit, offset);
  }

  @Post()
  @HttpCode(201)
  @Access({ action: 'create', subject: 'PartnerClient' })
  @ApiCreatedResponse({ type: OrderingSampleView })
  create(@CurrentPrincipal() principal: Caller, @Body() body: CreateOrderingSampleDto): Promise<OrderingSampleView> {
    return this.samples.create(coopOf(principal), body.label);
  }
}
