import { Body, Controller, Get, Inject, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FederationSettingsView } from '@federacycle/contracts';
import { CurrentPrincipal, type Caller } from '@federacycle/identity-server';
import { Access } from '@federacycle/platform-http';
import { FederationSettingsDto, UpdateFederationSettingsDto } from './federation-settings.dto';
import { FederationSettingsService } from './federation-settings.service';

const FEDERATION = { action: 'manage', subject: 'Federation' } as const;

/** The federation's shared settings (grace period, worker-ownership threshold). */
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

  @Patch()
  @Access(FEDERATION)
  @ApiOkResponse({ type: FederationSettingsDto })
  update(
    @CurrentPrincipal() caller: Caller,
    @Body() body: UpdateFederationSettingsDto,
  ): Promise<FederationSettingsView> {
    return this.settings.update(body, caller.userId);
  }
}
