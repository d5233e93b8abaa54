import type { StoredFileContent } from '@federacycle/platform-storage';

export interface ImageRequest {
  headers: Record<string, string | string[] | undefined>;
}
export interface ImageResponse {
  status(code: number): ImageResponse;
  setHeader(name: string, value: string | number): void;
  end(body?: Buffer): void;
}

/**
 * Sends a proof's image as the files route does: its own content type (JPEG, PNG or WebP, checked
 * by its bytes at upload), `nosniff`, inline, its SHA-256 as the ETag (a proof never changes).
 * Cached privately only: a shared cache must never keep a recipient's doorstep or signature.
 */
export function sendProofImage(request: ImageRequest, response: ImageResponse, file: StoredFileContent): void {
  const etag = `"${file.sha256}"`;
  response.setHeader('ETag', etag);
  response.setHeader('Cache-Control', 'private, max-age=86400');
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
