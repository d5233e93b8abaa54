import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, ApiException, CurrentPrincipal, UuidPipe, coopOf, type Caller } from '@federacycle/platform-http';
import { FILE_STORE, type FileStore } from './file-store.port';

interface FileRequest {
  headers: Record<string, string | string[] | undefined>;
}
interface FileResponse {
  status(code: number): FileResponse;
  setHeader(name: string, value: string | number): void;
  end(body?: Buffer): void;
}

/**
 * A coop's files, to the coop's people (the token's coop; row-level security behind it). Files
 * never change, so they are cached for a year, privately (a shared cache must not keep a coop's
 * file), with their SHA-256 as the ETag. The storefront will serve product images publicly
 * through its own route (by the product, for a published storefront), not through this one.
 */
@ApiTags('files')
@Controller('api/files')
export class FilesController {
  constructor(@Inject(FILE_STORE) private readonly files: FileStore) {}

  @Get(':id')
  @Access({ action: 'read', subject: 'Coop' })
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiOkResponse({ description: 'the file', schema: { type: 'string', format: 'binary' } })
  async get(
    @CurrentPrincipal() caller: Caller,
    @Param('id', UuidPipe) id: string,
    @Req() request: FileRequest,
    @Res() response: FileResponse,
  ): Promise<void> {
    const file = await this.files.read(coopOf(caller), id);
    if (!file) throw ApiException.notFound('File');
    const etag = `"${file.sha256}"`;
    response.setHeader('ETag', etag);
    response.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    if (request.headers['if-none-match'] === etag) {
      response.status(304).end();
      return;
    }
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Content-Length', file.size);
    response.setHeader('Content-Disposition', 'inline');
    response.status(200).end(file.bytes);
  }
}
