import { createHash } from 'node:crypto';
import { MAX_STATUTES_BYTES, PDF_EOF_WINDOW, inspectStatutes } from './pdf-sniffer';

const minimalPdf = (body = ''): Buffer =>
  Buffer.from(
    `%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n${body}trailer\n<< /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );

describe('inspectStatutes', () => {
  it('accepts a PDF and returns its SHA-256, size and version', () => {
    const pdf = minimalPdf();
    expect(inspectStatutes(pdf)).toEqual({
      ok: true,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      size: pdf.length,
      pdfVersion: '1.7',
    });
  });

  it('accepts a plain Uint8Array and PDF 2.0', () => {
    const pdf = Buffer.from('%PDF-2.0\n...\n%%EOF', 'latin1');
    const result = inspectStatutes(new Uint8Array(pdf));
    expect(result).toMatchObject({
      ok: true,
      size: pdf.length,
      pdfVersion: '2.0',
    });
  });

  it('hashes only the view of a Uint8Array, not its whole underlying buffer', () => {
    const pdf = minimalPdf();
    const big = new Uint8Array(pdf.length + 20);
    big.set(pdf, 10);
    const view = big.subarray(10, 10 + pdf.length);
    expect(inspectStatutes(view)).toMatchObject({
      ok: true,
      sha256: createHash('sha256').update(pdf).digest('hex'),
    });
  });

  it('rejects a text file renamed .pdf (only bytes are looked at)', () => {
    const text = Buffer.from('These are our statutes.\nArticle 1: we are a cooperative.\n', 'utf8');
    expect(inspectStatutes(text)).toMatchObject({
      ok: false,
      code: 'STATUTES_NOT_PDF',
    });
  });

  it('rejects a PNG', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    expect(inspectStatutes(png)).toMatchObject({
      ok: false,
      code: 'STATUTES_NOT_PDF',
    });
  });

  it('rejects a header not at the very start', () => {
    expect(inspectStatutes(Buffer.concat([Buffer.from('junk'), minimalPdf()]))).toMatchObject({
      ok: false,
      code: 'STATUTES_NOT_PDF',
    });
  });

  it('rejects a bad header version', () => {
    expect(inspectStatutes(Buffer.from('%PDF-x.y\n%%EOF'))).toMatchObject({
      ok: false,
      code: 'STATUTES_NOT_PDF',
    });
    expect(inspectStatutes(Buffer.from('%PDF-\n%%EOF'))).toMatchObject({
      ok: false,
      code: 'STATUTES_NOT_PDF',
    });
  });

  it('rejects a truncated PDF (no %%EOF)', () => {
    const pdf = minimalPdf();
    expect(inspectStatutes(pdf.subarray(0, pdf.length - 8))).toMatchObject({
      ok: false,
      code: 'STATUTES_NOT_PDF',
    });
  });

  it('requires %%EOF near the end, not only somewhere in the middle', () => {
    const pdf = Buffer.concat([minimalPdf(), Buffer.alloc(PDF_EOF_WINDOW + 1, 0x20)]);
    expect(inspectStatutes(pdf)).toMatchObject({
      ok: false,
      code: 'STATUTES_NOT_PDF',
    });
    const tolerated = Buffer.concat([minimalPdf(), Buffer.alloc(PDF_EOF_WINDOW - 10, 0x20)]);
    expect(inspectStatutes(tolerated)).toMatchObject({ ok: true });
  });

  it('rejects an empty file', () => {
    expect(inspectStatutes(Buffer.alloc(0))).toMatchObject({
      ok: false,
      code: 'STATUTES_EMPTY',
    });
  });

  it('accepts exactly 10 MB and rejects one byte more', () => {
    const make = (size: number) => {
      const b = Buffer.alloc(size, 0x20);
      b.write('%PDF-1.4\n', 0, 'latin1');
      b.write('%%EOF\n', size - 6, 'latin1');
      return b;
    };
    expect(inspectStatutes(make(MAX_STATUTES_BYTES))).toMatchObject({
      ok: true,
      size: MAX_STATUTES_BYTES,
    });
    expect(inspectStatutes(make(MAX_STATUTES_BYTES + 1))).toMatchObject({
      ok: false,
      code: 'STATUTES_TOO_LARGE',
    });
  });

  it('every error has a human message', () => {
    const result = inspectStatutes(Buffer.from('hello'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/PDF/);
  });
});
