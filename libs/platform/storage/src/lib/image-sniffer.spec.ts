import { MAX_IMAGE_BYTES, inspectImage, sniffImage } from './image-sniffer';

const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const jpeg = Buffer.from('ffd8ffe000104a464946', 'hex');
const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);

describe('image sniffing', () => {
  it('recognises JPEG, PNG and WebP by their first bytes', () => {
    expect(sniffImage(jpeg)).toBe('image/jpeg');
    expect(sniffImage(png)).toBe('image/png');
    expect(sniffImage(webp)).toBe('image/webp');
  });

  it('refuses what is not one of them, whatever its name would say', () => {
    expect(sniffImage(Buffer.from('GIF89a...'))).toBeNull();
    expect(sniffImage(Buffer.from('%PDF-1.7\n'))).toBeNull();
    expect(sniffImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImage(Buffer.from('RIFF\0\0\0\0WAVE'))).toBeNull();
    expect(sniffImage(Buffer.from([0xff, 0xd8]))).toBeNull();
  });

  it('names why an upload is refused: empty, too large, or not an image', () => {
    expect(inspectImage(undefined)).toMatchObject({ ok: false, code: 'IMAGE_EMPTY' });
    expect(inspectImage(Buffer.alloc(0))).toMatchObject({ ok: false, code: 'IMAGE_EMPTY' });
    const big = Buffer.concat([png, Buffer.alloc(MAX_IMAGE_BYTES)]);
    expect(inspectImage(big)).toMatchObject({ ok: false, code: 'IMAGE_TOO_LARGE' });
    expect(inspectImage(Buffer.from('hello'))).toMatchObject({ ok: false, code: 'IMAGE_NOT_SUPPORTED' });
    expect(inspectImage(png)).toEqual({ ok: true, contentType: 'image/png' });
  });
});
