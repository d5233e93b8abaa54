import { Controller, Get, Inject, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, coopOf, type Caller } from '@federacycle/identity-server';
import { Access } from '@federacycle/platform-http';
import { CoopExportService } from './coop-export.service';

interface HeaderResponse {
  setHeader(name: string, value: string): void;
}

/** The offboarding export of the caller's coop. */
@ApiTags('federation (coop)')
@Controller('api/coop/export')
export class CoopExportController {
  constructor(@Inject(CoopExportService) private readonly exports: CoopExportService) {}

  @Get()
  @Access({ action: 'update', subject: 'Coop' })
  @ApiProduces('application/zip')
  @ApiOkResponse({
    description: 'a zip of one JSON and one CSV file per table',
    schema: { type: 'string', format: 'binary' },
  })
  async export(
    @CurrentPrincipal() caller: Caller,
    @Res({ passthrough: true }) res: HeaderResponse,
  ): Promise<StreamableFile> {
    const file = await this.exports.export(coopOf(caller));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(file.content, {
      type: 'application/zip',
      disposition: `attachment; filename="${file.fileName}"`,
      length: file.content.length,
    });
  }
}
