import fc from 'fast-check';
import { PNG as PngJs } from 'pngjs';
import { imageContent, sniffImageType } from '../../../src/graph/images';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);
// A real PNG (pngjs) and the first bytes of real JPEG (JFIF and Exif) and GIF files.
const realPng = new Uint8Array(PngJs.sync.write(new PngJs({ width: 2, height: 2 })));
const jfif = bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00);
const exif = bytes(0xff, 0xd8, 0xff, 0xe1, 0x00, 0x18, 0x45, 0x78, 0x69, 0x66, 0x00);
const gif89 = new TextEncoder().encode('GIF89a\x01\x00\x01\x00');
const gif87 = new TextEncoder().encode('GIF87a\x01\x00\x01\x00');

describe('sniffImageType', () => {
  it.each([
    ['a PNG', realPng, 'image/png'],
    ['a JFIF JPEG', jfif, 'image/jpeg'],
    ['an Exif JPEG', exif, 'image/jpeg'],
    ['a GIF89a', gif89, 'image/gif'],
    ['a GIF87a', gif87, 'image/gif'],
  ])('recognises %s', (_label, b, type) => {
    expect(sniffImageType(b)).toBe(type);
  });

  it.each([
    ['nothing', bytes()],
    ['a truncated PNG signature', realPng.slice(0, 7)],
    ['JSON text', new TextEncoder().encode('{"error":{"code":"ImageNotFound"}}')],
    ['base64 text of a PNG (still encoded)', new TextEncoder().encode(Buffer.from(realPng).toString('base64'))],
    ['GIF90a', new TextEncoder().encode('GIF90a')],
  ])('says nothing for %s', (_label, b) => {
    expect(sniffImageType(b)).toBeUndefined();
  });

  it('is decided by the first bytes alone, whatever follows', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (tail) => {
        expect(sniffImageType(new Uint8Array([...realPng.slice(0, 8), ...tail]))).toBe('image/png');
        expect(sniffImageType(new Uint8Array([0xff, 0xd8, 0xff, ...tail]))).toBe('image/jpeg');
      }),
    );
  });
});

describe('imageContent', () => {
  it('trusts the bytes over the application/json a $batch item reports', () => {
    expect(imageContent(realPng, 'application/json').contentType).toBe('image/png');
    expect(imageContent(jfif, 'image/png').contentType).toBe('image/jpeg');
    expect(imageContent(jfif, undefined).bytes).toBe(jfif);
  });

  it('keeps a reported image type for bytes it cannot read, and never calls JSON an image', () => {
    const bmp = new TextEncoder().encode('BM\x00\x00');
    expect(imageContent(bmp, 'image/bmp; charset=binary').contentType).toBe('image/bmp');
    expect(imageContent(bmp, 'application/json').contentType).toBe('application/octet-stream');
    expect(imageContent(bmp, null).contentType).toBe('application/octet-stream');
  });
});
