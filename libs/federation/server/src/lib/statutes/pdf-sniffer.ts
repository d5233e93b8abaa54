import { createHash } from 'node:crypto';

/**
 * Sniffs an uploaded statutes document by its content; the file name and the declared media
 * type are deliberately ignored (a text file renamed `.pdf` is refused).
 *
 * Checks, in order: not empty, at most {@link MAX_STATUTES_BYTES} (checked before hashing, so an
 * oversized upload is never hashed), starts with the PDF header `%PDF-<major>.<minor>` at byte 0
 * (stricter than readers that tolerate leading junk; real PDFs start with it), and contains the
 * end-of-file marker `%%EOF` in its last {@link PDF_EOF_WINDOW} bytes (ISO 32000 places it on the
 * last line; the window tolerates trailing whitespace or bytes added by some producers).
 * This is a type check, not a PDF parser: it does not prove the document is well-formed or safe,
 * so the file must still be served with `Content-Disposition: attachment`.
 */

export const MAX_STATUTES_BYTES = 10 * 1024 * 1024;
export const PDF_EOF_WINDOW = 1024;

export type StatutesErrorCode = 'STATUTES_EMPTY' | 'STATUTES_TOO_LARGE' | 'STATUTES_NOT_PDF';

export type StatutesInspection =
  | { ok: true; sha256: string; size: number; pdfVersion: string }
  | { ok: false; code: StatutesErrorCode; message: string };

const HEADER = /^%PDF-([12]\.\d)/;
const EOF_MARKER = Buffer.from('%%EOF', 'latin1');

export function inspectStatutes(content: Uint8Array): StatutesInspection {
  const buffer = Buffer.isBuffer(content)
    ? content
    : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  const size = buffer.byteLength;
  if (size === 0)
    return {
      ok: false,
      code: 'STATUTES_EMPTY',
      message: 'The statutes file is empty.',
    };
  if (size > MAX_STATUTES_BYTES) {
    return {
      ok: false,
      code: 'STATUTES_TOO_LARGE',
      message: `The statutes file must not exceed ${MAX_STATUTES_BYTES / (1024 * 1024)} MB.`,
    };
  }
  const header = HEADER.exec(buffer.subarray(0, 8).toString('latin1'));
  const tail = buffer.subarray(Math.max(0, size - PDF_EOF_WINDOW));
  if (!header || tail.indexOf(EOF_MARKER) === -1) {
    return {
      ok: false,
      code: 'STATUTES_NOT_PDF',
      message: 'The statutes must be a PDF document.',
    };
  }
  return {
    ok: true,
    sha256: createHash('sha256').update(buffer).digest('hex'),
    size,
    pdfVersion: header[1],
  };
}
