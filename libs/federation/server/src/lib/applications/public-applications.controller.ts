import { Body, Controller, Get, Headers, Inject, Param, Post, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type {
  ApplicationReceipt,
  ApplicationStatusView,
  CountryView,
  LegalFormCatalogueResponse,
} from '@federacycle/contracts';
import { Access, ApiException, UuidPipe } from '@federacycle/platform-http';
import { REGISTRATION_RULES, SUPPORTED_COUNTRIES, legalFormsFor } from '../legal-forms/legal-form-catalogue';
import {
  ApplicationPartsDto,
  ApplicationReceiptDto,
  ApplicationStatusQueryDto,
  ApplicationStatusViewDto,
  ApplicationUploadDto,
  CoopApplicationDto,
  LegalFormCatalogueDto,
} from './applications.dto';
import { ApplicationsService } from './applications.service';
import { StatutesUploadInterceptor } from './statutes-upload.interceptor';
import { SubmitApplicationUseCase } from './usecases/submit-application/submit-application.usecase';

/** The catalogue shown by the "Start a coop" form: supported countries, then `other` for the rest. */
export function legalFormCatalogue(): LegalFormCatalogueResponse {
  const countries: CountryView[] = SUPPORTED_COUNTRIES.map((code) => ({
    code,
    registrationHint: `${REGISTRATION_RULES[code].name}: ${REGISTRATION_RULES[code].format}`,
    registrationExample: REGISTRATION_RULES[code].example,
    legalForms: legalFormsFor(code).map((f) => ({
      id: f.id,
      labels: { en: f.labels.en, fr: f.labels.fr },
      socialEconomyDeclarationApplicable: f.socialEconomyDeclarationApplicable,
      requiresJustification: f.requiresJustification,
    })),
  }));
  return { countries };
}

interface MultipartRequest {
  file?: { buffer: Buffer; size: number };
}

/** The public side of onboarding: the legal-form catalogue, the application form, its status page. */
@ApiTags('federation (public)')
@ApiExtraModels(CoopApplicationDto)
@Controller('api/public')
export class PublicApplicationsController {
  constructor(
    @Inject(ApplicationsService) private readonly applications: ApplicationsService,
    @Inject(SubmitApplicationUseCase) private readonly submission: SubmitApplicationUseCase,
  ) {}

  @Get('legal-forms')
  @Access('public')
  @ApiOkResponse({ type: LegalFormCatalogueDto })
  legalForms(): LegalFormCatalogueResponse {
    return legalFormCatalogue();
  }

  @Post('applications')
  @Access('public')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ApplicationUploadDto })
  @ApiCreatedResponse({ type: ApplicationReceiptDto })
  @UseInterceptors(StatutesUploadInterceptor)
  apply(
    @Req() req: MultipartRequest,
    @Body() parts: ApplicationPartsDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<ApplicationReceipt> {
    let payload: unknown;
    try {
      payload = JSON.parse(parts.application);
    } catch {
      throw new ApiException(400, 'MALFORMED_JSON', 'The `application` part is not valid JSON');
    }
    const statutes = req.file ? { buffer: req.file.buffer, size: req.file.size } : undefined;
    return this.submission.submit({ payload, statutes, acceptLanguage });
  }

  @Get('applications/:id')
  @Access('public')
  @ApiOkResponse({ type: ApplicationStatusViewDto })
  status(@Param('id', UuidPipe) id: string, @Query() query: ApplicationStatusQueryDto): Promise<ApplicationStatusView> {
    return this.applications.status(id, query.token);
  }
}
