import { Header, applyDecorators } from '@nestjs/common';

/**
 * An answer that carries credentials (access and refresh tokens) or a person's identity: no
 * cache may keep it (`Cache-Control: no-store`, and `Pragma: no-cache` for HTTP/1.0 caches).
 */
export const NoStore = (): MethodDecorator =>
  applyDecorators(Header('Cache-Control', 'no-store'), Header('Pragma', 'no-cache'));
