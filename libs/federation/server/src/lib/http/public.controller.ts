import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type {
  ApplicationReceipt,
  ApplicationStatusView,
  CountryView,
  LegalFormCatalogueResponse,
  LicenceVerificationResponse,
} from '@federacycle/contracts';
import { Access, ApiException, UuidPipe } from '@federacycle/platform-http';
import { ApplicationsService, type StatutesUpload } from '../applications/applications.service';
import { REGISTRATION_RULES, SUPPORTED_COUNTRIES, legalFormsFor } from '../legal-forms/legal-form-catalogue';
import type { Jwks } from '../licence/key-ring';
import { LicenceKeysService } from '../nest/licence-keys.service';
import { LicencesService } from '../nest/licences.service';
import { StatutesUploadInterceptor } from './statutes-upload.interceptor';

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
  body?: Record<string, unknown>;
  file?: { buffer: Buffer; size: number };
}

@ApiTags('federation (public)')
@Controller()
export class FederationPublicController {
  constructor(
    @Inject(ApplicationsService)
    private readonly applications: ApplicationsService,
    @Inject(LicencesService) private readonly licences: LicencesService,
    @Inject(LicenceKeysService) private readonly keys: LicenceKeysService,
  ) {}

  @Get('api/public/legal-forms')
  @Access('public')
  legalForms(): LegalFormCatalogueResponse {
    return legalFormCatalogue();
  }

  @Post('api/public/applications')
  @Access('public')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(StatutesUploadInterceptor)
  apply(@Req() req: MultipartRequest): Promise<ApplicationReceipt> {
    const body = req.body ?? {};
    const unknown = Object.keys(body).filter((k) => k !== 'application');
    if (unknown.length > 0) {
      throw ApiException.validation(
        unknown.map((k) => ({
          field: k.slice(0, 60),
          code: 'unknownField',
          message: `${k.slice(0, 60)} is not an accepted part`,
        })),
      );
    }
    const raw = body['application'];
    if (typeof raw !== 'string' || raw.trim() === '') {
      throw ApiException.validation([
        {
          field: 'application',
          code: 'REQUIRED',
          message: 'The `application` part (JSON text) is required.',
        },
      ]);
    }
    let payload: unknown;
    try {
      payload = JSON.parse(raw);
    } catch {
      throw new ApiException(400, 'MALFORMED_JSON', 'The `application` part is not valid JSON');
    }
    const statutes: StatutesUpload | undefined = req.file
      ? { buffer: req.file.buffer, size: req.file.size }
      : undefined;
    return this.applications.submit(payload, statutes);
  }

  @Get('api/public/applications/:id')
  @Access('public')
  status(@Param('id', UuidPipe) id: string, @Query('token') token: unknown): Promise<ApplicationStatusView> {
    return this.applications.status(id, token);
  }

  @Get('.well-known/jwks.json')
  @Access('public')
  wellKnownJwks(): Promise<Jwks> {
    return this.keys.jwks();
  }

  @Get('api/public/licences/jwks')
  @Access('public')
  jwks(): Promise<Jwks> {
    return this.keys.jwks();
  }

  @Post('api/public/licences/verify')
  @Access('public')
  @HttpCode(200)
  verify(@Body() body: unknown): Promise<LicenceVerificationResponse> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw ApiException.validation([
        {
          field: 'licence',
          code: 'REQUIRED',
          message: 'Send {"licence": "<the licence text>"}',
        },
      ]);
    }
    const extra = Object.keys(body).filter((k) => k !== 'licence');
    if (extra.length > 0)
      throw ApiException.validation(
        extra.map((k) => ({
          field: k.slice(0, 60),
          code: 'unknownField',
          message: `${k.slice(0, 60)} is not an accepted field`,
        })),
      );
    return this.licences.verify((body as { licence?: unknown }).licence);
  }
}
