/** The images a coop may upload, recognised by their first bytes (never by name or declared type). */
export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function sniffImage(bytes: Uint8Array): ImageType | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(PNG)) return 'image/png';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  return null;
}

export type ImageInspection =
  | { ok: true; contentType: ImageType }
  | { ok: false; code: 'IMAGE_EMPTY' | 'IMAGE_TOO_LARGE' | 'IMAGE_NOT_SUPPORTED'; message: string };

/** Empty, too large, or not JPEG/PNG/WebP by its magic bytes: the reason, else the type. */
export function inspectImage(bytes: Uint8Array | undefined, maxBytes = MAX_IMAGE_BYTES): ImageInspection {
  if (!bytes || bytes.length === 0)
    return { ok: false, code: 'IMAGE_EMPTY', message: 'Choose an image file to upload' };
  if (bytes.length > maxBytes) {
    return { ok: false, code: 'IMAGE_TOO_LARGE', message: `The image must not exceed ${maxBytes / (1024 * 1024)} MB` };
  }
  const contentType = sniffImage(bytes);
  if (!contentType) {
    return { ok: false, code: 'IMAGE_NOT_SUPPORTED', message: 'The image must be a JPEG, PNG or WebP file' };
  }
  return { ok: true, contentType };
}
