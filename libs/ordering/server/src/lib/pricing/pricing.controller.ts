import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Page, PriceBreakdown, PricingRuleSetSummary, PricingRuleSetView } from '@federacycle/contracts';
import {
  Access,
  CurrentPrincipal,
  PageQueryDto,
  UuidPipe,
  coopOf,
  pageOf,
  type Caller,
} from '@federacycle/platform-http';
import {
  CreatePricingRuleSetDto,
  EmptyPricingBodyDto,
  PriceBreakdownDto,
  PricingQuoteDto,
  PricingRuleSetPageDto,
  PricingRuleSetViewDto,
  ReorderPricingRulesDto,
  UpdatePricingRuleSetDto,
} from './pricing.dto';
import { PricingService } from './pricing.service';

/** Pricing rule sets: coop admins manage them; dispatchers read them and test quotes. */
@ApiTags('pricing')
@Controller('api/pricing')
export class PricingController {
  constructor(@Inject(PricingService) private readonly pricing: PricingService) {}

  @Get('rule-sets')
  @Access({ action: 'read', subject: 'Pricing' })
  @ApiOkResponse({ type: PricingRuleSetPageDto })
  list(@CurrentPrincipal() principal: Caller, @Query() query: PageQueryDto): Promise<Page<PricingRuleSetSummary>> {
    const { limit, offset } = pageOf(query);
    return this.pricing.list(coopOf(principal), limit, offset);
  }

  /** Rules are checked before anything is stored: 400 PRICE_EXPRESSION_INVALID / PRICE_RULE_INVALID per field. */
  @Post('rule-sets')
  @HttpCode(201)
  @Access({ action: 'create', subject: 'Pricing' })
  @ApiCreatedResponse({ type: PricingRuleSetViewDto })
  create(@CurrentPrincipal() principal: Caller, @Body() body: CreatePricingRuleSetDto): Promise<PricingRuleSetView> {
    return this.pricing.create(coopOf(principal), body);
  }

  @Get('rule-sets/:ruleSetId')
  @Access({ action: 'read', subject: 'Pricing' })
  @ApiOkResponse({ type: PricingRuleSetViewDto })
  get(
    @CurrentPrincipal() principal: Caller,
    @Param('ruleSetId', UuidPipe) ruleSetId: string,
  ): Promise<PricingRuleSetView> {
    return this.pricing.get(coopOf(principal), ruleSetId);
  }

  /** Changes the set; `rules`, when given, replaces its rules in that order. */
  @Patch('rule-sets/:ruleSetId')
  @Access({ action: 'update', subject: 'Pricing' })
  @ApiOkResponse({ type: PricingRuleSetViewDto })
  update(
    @CurrentPrincipal() principal: Caller,
    @Param('ruleSetId', UuidPipe) ruleSetId: string,
    @Body() body: UpdatePricingRuleSetDto,
  ): Promise<PricingRuleSetView> {
    return this.pricing.update(coopOf(principal), ruleSetId, body);
  }

  @Post('rule-sets/:ruleSetId/archive')
  @HttpCode(200)
  @Access({ action: 'update', subject: 'Pricing' })
  @ApiOkResponse({ type: PricingRuleSetViewDto })
  archive(
    @CurrentPrincipal() principal: Caller,
    @Param('ruleSetId', UuidPipe) ruleSetId: string,
    @Body() _body: EmptyPricingBodyDto,
  ): Promise<PricingRuleSetView> {
    return this.pricing.archive(coopOf(principal), ruleSetId);
  }

  @Post('rule-sets/:ruleSetId/default')
  @HttpCode(200)
  @Access({ action: 'update', subject: 'Pricing' })
  @ApiOkResponse({ type: PricingRuleSetViewDto })
  setDefault(
    @CurrentPrincipal() principal: Caller,
    @Param('ruleSetId', UuidPipe) ruleSetId: string,
    @Body() _body: EmptyPricingBodyDto,
  ): Promise<PricingRuleSetView> {
    return this.pricing.setDefault(coopOf(principal), ruleSetId);
  }

  /** Every rule of the set exactly once, in the new order (else 409 REORDER_MISMATCH). */
  @Put('rule-sets/:ruleSetId/order')
  @Access({ action: 'update', subject: 'Pricing' })
  @ApiOkResponse({ type: PricingRuleSetViewDto })
  reorder(
    @CurrentPrincipal() principal: Caller,
    @Param('ruleSetId', UuidPipe) ruleSetId: string,
    @Body() body: ReorderPricingRulesDto,
  ): Promise<PricingRuleSetView> {
    return this.pricing.reorder(coopOf(principal), ruleSetId, body.ruleIds);
  }

  /** The quote tester: the price and each rule's reason, or 422 PRICE_NO_RULE with the reasons. */
  @Post('quote')
  @HttpCode(200)
  @Access({ action: 'read', subject: 'Pricing' })
  @ApiOkResponse({ type: PriceBreakdownDto })
  @ApiUnprocessableEntityResponse({ description: 'PRICE_NO_RULE: details.evaluated says why each rule did not match' })
  quote(@CurrentPrincipal() principal: Caller, @Body() body: PricingQuoteDto): Promise<PriceBreakdown> {
    return this.pricing.quote(coopOf(principal), body);
  }
}
