import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  ApplicationView,
  CoopDirectoryEntry,
  FederationSettingsView,
  LicenceView,
  Page,
} from '@federacycle/contracts';
import { TenantContext } from '@federacycle/platform-database';
import { Access, UuidPipe } from '@federacycle/platform-http';
import { ApplicationsService } from '../applications/applications.service';
import { CoopLifecycleService } from '../coops/coop-lifecycle.service';
import type { CoopEvent, CoopState } from '../lifecycle/coop-lifecycle';
import { reasonOf } from '../nest/federation-errors';
import { FederationSettingsService } from '../nest/federation-settings.service';
import { LicenceKeysService } from '../nest/licence-keys.service';
import { LicencesService } from '../nest/licences.service';
import { pageOf } from './paging';

const APPLICATION = { action: 'manage', subject: 'Application' } as const;
const COOP = { action: 'manage', subject: 'Coop' } as const;
const LICENCE = { action: 'manage', subject: 'Licence' } as const;
const FEDERATION = { action: 'manage', subject: 'Federation' } as const;

interface HeaderResponse {
  setHeader(name: string, value: string): void;
}

/** The federation admin's console: applications, directory, coop lifecycle, licences, settings, keys. */
@ApiTags('federation (admin)')
@Controller('api/federation')
export class FederationAdminController {
  constructor(
    @Inject(ApplicationsService)
    private readonly applications: ApplicationsService,
    @Inject(CoopLifecycleService) private readonly coops: CoopLifecycleService,
    @Inject(LicencesService) private readonly licences: LicencesService,
    @Inject(FederationSettingsService)
    private readonly settings: FederationSettingsService,
    @Inject(LicenceKeysService) private readonly keys: LicenceKeysService,
  ) {}

  @Get('applications')
  @Access(APPLICATION)
  list(@Query() query: Record<string, unknown>): Promise<Page<ApplicationView>> {
    const { limit, offset } = pageOf(query);
    return this.applications.list(query['status'], limit, offset);
  }

  @Get('applications/:id')
  @Access(APPLICATION)
  get(@Param('id', UuidPipe) id: string): Promise<ApplicationView> {
    return this.applications.get(id);
  }

  @Get('applications/:id/statutes')
  @Access(APPLICATION)
  async statutes(
    @Param('id', UuidPipe) id: string,
    @Res({ passthrough: true }) res: HeaderResponse,
  ): Promise<StreamableFile> {
    const file = await this.applications.statutes(id);
    res.setHeader('X-Content-SHA256', file.sha256);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(file.content, {
      type: 'application/pdf',
      disposition: `attachment; filename="${file.name}"`,
      length: file.content.length,
    });
  }

  @Post('applications/:id/start-review')
  @Access(APPLICATION)
  @HttpCode(200)
  startReview(@Param('id', UuidPipe) id: string): Promise<ApplicationView> {
    return this.applications.startReview(id);
  }

  @Post('applications/:id/approve')
  @Access(APPLICATION)
  @HttpCode(200)
  approve(@Param('id', UuidPipe) id: string, @Body() body: unknown): Promise<ApplicationView> {
    return this.applications.approve(id, reasonOf(body));
  }

  @Post('applications/:id/reject')
  @Access(APPLICATION)
  @HttpCode(200)
  reject(@Param('id', UuidPipe) id: string, @Body() body: unknown): Promise<ApplicationView> {
    return this.applications.reject(id, reasonOf(body));
  }

  @Get('directory')
  @Access(COOP)
  directory(@Query() query: Record<string, unknown>): Promise<Page<CoopDirectoryEntry>> {
    const { limit, offset } = pageOf(query);
    return this.coops.directory(limit, offset);
  }

  @Post('coops/:coopId/suspend')
  @Access(COOP)
  @HttpCode(200)
  suspend(
    @Param('coopId', UuidPipe) coopId: string,
    @Body() body: unknown,
  ): Promise<{ id: string; status: CoopState }> {
    return this.coopTransition(coopId, 'suspend', body);
  }

  @Post('coops/:coopId/reinstate')
  @Access(COOP)
  @HttpCode(200)
  reinstate(
    @Param('coopId', UuidPipe) coopId: string,
    @Body() body: unknown,
  ): Promise<{ id: string; status: CoopState }> {
    return this.coopTransition(coopId, 'reinstate', body);
  }

  @Post('coops/:coopId/offboard')
  @Access(COOP)
  @HttpCode(200)
  offboard(
    @Param('coopId', UuidPipe) coopId: string,
    @Body() body: unknown,
  ): Promise<{ id: string; status: CoopState }> {
    return this.coopTransition(coopId, 'start_offboarding', body);
  }

  @Post('coops/:coopId/complete-offboarding')
  @Access(COOP)
  @HttpCode(200)
  completeOffboarding(
    @Param('coopId', UuidPipe) coopId: string,
    @Body() body: unknown,
  ): Promise<{ id: string; status: CoopState }> {
    return this.coopTransition(coopId, 'complete_offboarding', body);
  }

  @Post('coops/:coopId/licence')
  @Access(LICENCE)
  @HttpCode(201)
  issueLicence(@Param('coopId', UuidPipe) coopId: string): Promise<LicenceView> {
    return this.licences.issue(coopId);
  }

  @Post('licences/:licenceId/revoke')
  @Access(LICENCE)
  @HttpCode(200)
  revoke(@Param('licenceId', UuidPipe) licenceId: string, @Body() body: unknown): Promise<LicenceView> {
    return this.licences.revoke(licenceId, reasonOf(body));
  }

  @Get('settings')
  @Access(FEDERATION)
  getSettings(): Promise<FederationSettingsView> {
    return this.settings.get();
  }

  @Patch('settings')
  @Access(FEDERATION)
  updateSettings(@Body() body: unknown): Promise<FederationSettingsView> {
    return this.settings.update(body, TenantContext.current()?.actorId ?? null);
  }

  @Post('keys/rotate')
  @Access(FEDERATION)
  @HttpCode(200)
  rotate(): Promise<{ kid: string }> {
    return this.keys.rotate();
  }

  private coopTransition(coopId: string, event: CoopEvent, body: unknown): Promise<{ id: string; status: CoopState }> {
    return this.coops.transition(coopId, event, reasonOf(body));
  }
}
