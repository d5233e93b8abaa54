import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { ConsoleConfig } from '@federacycle/contracts';
import { APP_CONFIG, type AppConfig } from '@federacycle/platform-config';
import { Access } from '@federacycle/platform-http';

export class ConsoleConfigDto implements ConsoleConfig {
  @ApiProperty({ description: 'map tile URL template ({z}/{x}/{y}); empty: maps draw on a plain background' })
  mapTileUrl!: string;

  @ApiProperty({ description: 'attribution the tile provider asks for' })
  mapTileAttribution!: string;
}

/**
 * The console's runtime settings (from the API's environment, so one console build serves every
 * deployment): public, nothing secret, no tenant data.
 */
@ApiTags('console')
@Controller('api/public/console-config')
export class ConsoleConfigController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @Access('public')
  @Header('Cache-Control', 'no-cache')
  @ApiOkResponse({ type: ConsoleConfigDto })
  get(): ConsoleConfig {
    return { mapTileUrl: this.config.mapTileUrl, mapTileAttribution: this.config.mapTileAttribution };
  }
}
