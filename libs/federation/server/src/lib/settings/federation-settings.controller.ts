import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FederationSettingsView } from '@federacycle/contracts';
import { Access } from '@federacycle/platform-http';
import { FederationSettingsDto } from './federation-settings.dto';
import { FederationSettingsService } from './federation-settings.service';

const FEDERATION = { action: 'manage', subject: 'Federation' } as const;

/**
 * The federation's shared settings (grace period, worker-ownership threshold), read-only: only
 * governance writes versions, each naming the federation proposal that enacted it (the coops vote
 * on every federation setting through /api/governance/federation/proposals).
 */
@ApiTags('federation (admin)')
@Controller('api/federation/settings')
export class FederationSettingsController {
  constructor(@Inject(FederationSettingsService) private readonly settings: FederationSettingsService) {}

  @Get()
  @Access(FEDERATION)
  @ApiOkResponse({ type: FederationSettingsDto })
  get(): Promise<FederationSettingsView> {
    return this.settings.get();
  }
}
