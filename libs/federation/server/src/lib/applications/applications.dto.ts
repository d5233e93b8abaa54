import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type {
  ApplicationReceipt,
  ApplicationSort,
  ApplicationStatus,
  ApplicationStatusView,
  ApplicationTransitionView,
  ApplicationView,
  ApplicationsQuery,
  CoopApplicationRequest,
  CountryView,
  LegalFormCatalogueResponse,
  LegalFormView,
  Page,
} from '@federacycle/contracts';
import { PageQueryDto } from '../shared/paging';
import { APPLICATION_LOCALES, type ApplicationLocale } from './application.entity';

export const APPLICATION_STATUSES: ApplicationStatus[] = ['applied', 'under_review', 'approved', 'rejected'];
export const APPLICATION_SORTS: ApplicationSort[] = ['submitted_at', '-submitted_at', 'name'];

/** `GET /api/federation/applications`: the queue, searched, sorted and paged. */
export class ApplicationsQueryDto extends PageQueryDto implements ApplicationsQuery {
  @ApiPropertyOptional({
    maxLength: 120,
    description: 'free text over the coop name, the admin email and the registration number (case-insensitive)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  q?: string;

  @ApiPropertyOptional({ enum: APPLICATION_SORTS, default: '-submitted_at' })
  @IsOptional()
  @IsIn(APPLICATION_SORTS, { message: `sort must be one of ${APPLICATION_SORTS.join(', ')}` })
  sort?: ApplicationSort;

  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES, { message: `status must be one of ${APPLICATION_STATUSES.join(', ')}` })
  status?: ApplicationStatus;
}

/** `GET /api/public/applications/:id?token=`: a missing or wrong token is a 404, like an unknown id. */
export class ApplicationStatusQueryDto {
  @ApiPropertyOptional({ description: 'the secret of the status page link' })
  @IsOptional()
  @IsString()
  token?: string;
}

/**
 * The text parts of the multipart "Start a coop" body (the file part `statutes` is the
 * interceptor's). Any other part is refused.
 */
export class ApplicationPartsDto {
  @ApiProperty({ description: 'the application as JSON text (see CoopApplicationDto)' })
  @IsString({ message: 'The `application` part (JSON text) is required.' })
  @IsNotEmpty({ message: 'The `application` part (JSON text) is required.' })
  application!: string;
}

/** The multipart body as OpenAPI shows it. */
export class ApplicationUploadDto extends ApplicationPartsDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'the statutes, a PDF of at most 10 MB' })
  statutes!: unknown;
}

export class ApplicationDeclarationsDto {
  @ApiProperty({ description: 'the couriers are members or employees of the cooperative; must be true' })
  workersAreMembersOrEmployees!: boolean;
  @ApiPropertyOptional({ description: 'social and solidarity economy status, where the legal form has one' })
  socialEconomyStatus?: boolean;
}

export class ApplicationAdminDto {
  @ApiProperty({ maxLength: 120 }) name!: string;
  @ApiProperty({ maxLength: 254, format: 'email' }) email!: string;
}

/**
 * The JSON of the `application` part, as OpenAPI documents it. It is checked by the domain's
 * `validateApplication` (legal forms, registration checksums per country, every problem with its
 * federation code), which refuses unknown fields like the ValidationPipe does.
 */
export class CoopApplicationDto implements CoopApplicationRequest {
  @ApiProperty({ minLength: 2, maxLength: 120 }) name!: string;
  @ApiProperty({ maxLength: 100 }) city!: string;
  @ApiProperty({ example: 'FR', description: 'ISO 3166-1 alpha-2' }) country!: string;
  @ApiProperty({ example: 'Europe/Paris', description: 'IANA time zone' }) timezone!: string;
  @ApiProperty({ example: 'EUR', description: 'ISO 4217' }) currency!: string;
  @ApiProperty({ description: 'an id of GET /api/public/legal-forms, or `other`' }) legalForm!: string;
  @ApiPropertyOptional({ minLength: 50, maxLength: 2000, description: 'required with `other`' })
  legalFormJustification?: string;
  @ApiProperty({ maxLength: 120 }) registrationNumber!: string;
  @ApiProperty({ type: ApplicationDeclarationsDto }) declarations!: ApplicationDeclarationsDto;
  @ApiProperty({ type: ApplicationAdminDto }) admin!: ApplicationAdminDto;
  @ApiPropertyOptional({
    enum: APPLICATION_LOCALES,
    description: 'the language of the mails (default: Accept-Language)',
  })
  locale?: ApplicationLocale;
}

export class ApplicationReceiptDto implements ApplicationReceipt {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status!: ApplicationStatus;
  @ApiProperty({ description: 'secret of the status page link: /apply/status/:id?token=...' }) statusToken!: string;
}

export class ApplicationStatusViewDto implements ApplicationStatusView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status!: ApplicationStatus;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the reason given with a rejection' })
  reason!: string | null;
}

export class ApplicationTransitionDto implements ApplicationTransitionView {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty() event!: string;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ nullable: true, type: String }) actorEmail!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class ApplicationDeclarationsViewDto {
  @ApiProperty() workersAreMembersOrEmployees!: boolean;
  @ApiProperty({ nullable: true, type: Boolean }) socialEconomyStatus!: boolean | null;
}

export class ApplicationStatutesDto {
  @ApiProperty() sha256!: string;
  @ApiProperty() size!: number;
  @ApiProperty() downloadUrl!: string;
}

export class ApplicationViewDto implements ApplicationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status!: ApplicationStatus;
  @ApiProperty() name!: string;
  @ApiProperty() city!: string;
  @ApiProperty() country!: string;
  @ApiProperty() timezone!: string;
  @ApiProperty() currency!: string;
  @ApiProperty() legalForm!: string;
  @ApiProperty({ nullable: true, type: String }) legalFormJustification!: string | null;
  @ApiProperty() registrationNumber!: string;
  @ApiProperty({ type: ApplicationDeclarationsViewDto }) declarations!: ApplicationDeclarationsViewDto;
  @ApiProperty({ type: ApplicationAdminDto }) admin!: ApplicationAdminDto;
  @ApiProperty({ type: ApplicationStatutesDto }) statutes!: ApplicationStatutesDto;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) coopId!: string | null;
  @ApiProperty({ type: [ApplicationTransitionDto] }) history!: ApplicationTransitionDto[];
}

export class ApplicationPageDto implements Page<ApplicationView> {
  @ApiProperty({ type: [ApplicationViewDto] }) items!: ApplicationViewDto[];
  @ApiProperty() total!: number;
}

export class LegalFormLabelsDto {
  @ApiProperty() en!: string;
  @ApiProperty() fr!: string;
}

export class LegalFormViewDto implements LegalFormView {
  @ApiProperty() id!: string;
  @ApiProperty({ type: LegalFormLabelsDto }) labels!: LegalFormLabelsDto;
  @ApiProperty() socialEconomyDeclarationApplicable!: boolean;
  @ApiProperty() requiresJustification!: boolean;
}

export class CountryViewDto implements CountryView {
  @ApiProperty() code!: string;
  @ApiProperty() registrationHint!: string;
  @ApiProperty() registrationExample!: string;
  @ApiProperty({ type: [LegalFormViewDto] }) legalForms!: LegalFormViewDto[];
}

export class LegalFormCatalogueDto implements LegalFormCatalogueResponse {
  @ApiProperty({ type: [CountryViewDto] }) countries!: CountryViewDto[];
}
